using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>schema.json is a valid Pulumi package schema, and its secret flags protect every credential.</summary>
public class SchemaValidationTests
{
    private static readonly string[] CredentialProperties =
        ["apiKey", "awsAccessKey", "awsSecretKey", "awsSessionToken", "serviceKey", "username", "password"];

    // Building registers the metaschema under its $id, which may happen once per process. On a clone without the
    // metaschema, the tests that need it are skipped: the Lazy rethrows NUnit's ignore to each of them.
    private static readonly Lazy<JsonSchema> MetaSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(ReferenceDocument.PulumiPackageMetaschema.PathOrSkip(Assert.Ignore))));

    private static JsonObject Schema => JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!.AsObject();

    [Test]
    public void SchemaValidatesAgainstPulumiMetaschema()
    {
        var errors = Validate(File.ReadAllText(RepoPaths.SchemaFile));
        Assert.That(errors, Is.Empty, "schema.json violates the Pulumi package metaschema:\n" + string.Join("\n", errors));
    }

    [Test]
    public void MetaschemaValidationRejectsAnInvalidSchema()
    {
        var schema = Schema;
        schema["resources"]!["confluentflink:index:FlinkConnection"]!["properties"]!["displayName"]!["type"] = "text";
        schema["name"] = "9-not-a-name";

        var errors = Validate(schema.ToJsonString());

        Assert.That(errors, Has.Some.Contains("/name"));
        Assert.That(errors, Has.Some.Contains("/displayName"));
    }

    [Test]
    public void NoPropertyIsSecretInOnePlaceAndPlainInAnother()
    {
        var flags = new Dictionary<string, List<(string Where, bool Secret)>>();
        foreach (var (where, properties) in PropertyBags(Schema))
        foreach (var (name, spec) in properties)
        {
            if (!flags.TryGetValue(name, out var list)) flags[name] = list = [];
            list.Add((where, spec!["secret"]?.GetValue<bool>() ?? false));
        }

        var mixed = flags.Where(f => f.Value.Select(v => v.Secret).Distinct().Count() > 1)
            .Select(f => $"{f.Key}: " + string.Join(", ", f.Value.Select(v => $"{v.Where}={(v.Secret ? "secret" : "plain")}")))
            .ToList();
        Assert.That(mixed, Is.Empty, "properties with the same name disagree on secrecy:\n" + string.Join("\n", mixed));
    }

    [Test]
    public void EveryCredentialIsSecret()
    {
        var schema = Schema;
        var resource = schema["resources"]!["confluentflink:index:FlinkConnection"]!;
        var notSecret = new List<string>();
        foreach (var bag in new[] { "properties", "inputProperties" })
        foreach (var name in CredentialProperties)
            RequireSecret(resource[bag]?[name], $"FlinkConnection.{bag}.{name}", notSecret);
        RequireSecret(schema["types"]!["confluentflink:index:FlinkConnectionCredentials"]!["properties"]!["secret"],
            "FlinkConnectionCredentials.secret", notSecret);
        RequireSecret(schema["config"]!["variables"]!["flinkApiSecret"], "config.flinkApiSecret", notSecret);
        RequireSecret(schema["provider"]!["inputProperties"]!["flinkApiSecret"], "provider.flinkApiSecret", notSecret);

        Assert.That(notSecret, Is.Empty, "credentials missing or not marked secret: " + string.Join(", ", notSecret));
    }

    [Test]
    public void CredentialsBlocksOnResourceAndFunctionUseTheSecretType()
    {
        var schema = Schema;
        const string credentialsType = "#/types/confluentflink:index:FlinkConnectionCredentials";
        Assert.Multiple(() =>
        {
            Assert.That(schema["resources"]!["confluentflink:index:FlinkConnection"]!["properties"]!["credentials"]!["$ref"]!.GetValue<string>(), Is.EqualTo(credentialsType));
            Assert.That(schema["resources"]!["confluentflink:index:FlinkConnection"]!["inputProperties"]!["credentials"]!["$ref"]!.GetValue<string>(), Is.EqualTo(credentialsType));
            Assert.That(schema["functions"]!["confluentflink:index:getFlinkConnection"]!["inputs"]!["properties"]!["credentials"]!["$ref"]!.GetValue<string>(), Is.EqualTo(credentialsType));
        });
    }

    private static void RequireSecret(JsonNode? property, string where, List<string> failures)
    {
        if (property?["secret"]?.GetValue<bool>() != true) failures.Add(where);
    }

    /// <summary>Every named set of property specs in the schema: config, provider, resources, functions and object types.</summary>
    private static IEnumerable<(string Where, JsonObject Properties)> PropertyBags(JsonObject schema)
    {
        if (schema["config"]?["variables"] is JsonObject config) yield return ("config", config);
        if (schema["provider"]?["inputProperties"] is JsonObject provider) yield return ("provider", provider);
        foreach (var (token, resource) in schema["resources"]?.AsObject() ?? [])
        {
            if (resource!["properties"] is JsonObject outputs) yield return ($"{token}.properties", outputs);
            if (resource["inputProperties"] is JsonObject inputs) yield return ($"{token}.inputProperties", inputs);
        }
        foreach (var (token, function) in schema["functions"]?.AsObject() ?? [])
        {
            if (function!["inputs"]?["properties"] is JsonObject inputs) yield return ($"{token}.inputs", inputs);
            if (function["outputs"]?["properties"] is JsonObject outputs) yield return ($"{token}.outputs", outputs);
        }
        foreach (var (token, type) in schema["types"]?.AsObject() ?? [])
            if (type!["properties"] is JsonObject properties) yield return (token, properties);
    }

    private static List<string> Validate(string schemaJson)
    {
        using var instance = JsonDocument.Parse(schemaJson);
        var result = MetaSchema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
    }
}
