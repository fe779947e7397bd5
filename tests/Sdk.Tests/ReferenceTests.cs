using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConfluentFlink.Schema;
using Json.Schema;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// schema.json and the connection catalog against the third-party documents they follow: Pulumi's package metaschema
/// and Confluent's catalog of connection types. Each test is skipped, with the reason, where its document is absent.
/// </summary>
public partial class ReferenceTests
{
    private static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;

    [Test]
    public void TheSchemaIsAValidPulumiPackageSchema()
    {
        var metaschema = JsonSchema.FromText(File.ReadAllText(ReferenceDocument.PulumiPackageMetaschema.PathOrSkip(Assert.Ignore)));
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        var result = metaschema.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.That(result.IsValid, Is.True, string.Join("\n", errors));
    }

    [Test]
    public void EveryTypeTakesTheCredentialsAndGroupsOfConfluentsCatalog()
    {
        var rows = Table(Reference(), "type").SelectMany(row => row[0].Split(',').Select(t => (Type: t.Trim(), Credentials: row[1], Required: row[2]))).ToList();
        Assert.That(rows.Select(r => r.Type), Is.EquivalentTo(Catalog.Types.Select(t => t.Name)));
        foreach (var (type, credentials, required) in rows)
        {
            var rule = Catalog.Find(type)!;
            Assert.That(rule.AcceptedEntries.Select(e => e.TopLevelProperty).Distinct(), Is.EquivalentTo(Names(credentials)), type);
            var groups = required.StartsWith("one of", StringComparison.Ordinal)
                ? Group().Matches(required).Select(m => Names(m.Groups[1].Value).ToHashSet()).ToList()
                : [required == "both" ? Names(credentials).ToHashSet() : Names(required).Where(n => n != "and").ToHashSet()];
            Assert.That(rule.AuthGroups.Select(g => g.Required.Select(e => e.TopLevelProperty).ToHashSet()), Is.EquivalentTo(groups), type);
        }
    }

    [Test]
    public void EveryValueTravelsUnderConfluentsKeyIsSecretAsConfluentSaysAndIsImportedFromItsVariable()
    {
        var document = Reference();
        var secrets = PackageSpec.Embedded.SecretPaths(PackageSpec.Embedded.Resource(Tokens.FlinkConnection).Inputs);
        Assert.That(Catalog.AuthData.Select(e => (e.Property, e.Key, secrets.Contains(e.Property))),
            Is.EquivalentTo(Table(document, "property in this provider").Select(r => (r[0].Trim('`'), r[1].Trim('`'), r[2] == "yes"))));
        Assert.That(Catalog.AuthData.Select(e => e.ImportVariable),
            Is.EquivalentTo(Regex.Matches(document.Split("## Import")[1], "`([A-Z0-9_]+)`").Select(m => m.Groups[1].Value).Distinct()));
    }

    [Test]
    public void NoPropertyIsSecretInOnePlaceAndPlainInAnother()
    {
        var schema = PackageSpec.Embedded;
        var bags = schema.Resources.SelectMany(r => r.Inputs.Concat(r.Outputs)).Concat(schema.ProviderInputs).Concat(schema.ConfigVariables)
            .Concat(schema.Functions.SelectMany(f => f.Inputs.Concat(f.Outputs))).Concat(schema.ObjectTypes.SelectMany(t => t.Properties));
        var mixed = bags.GroupBy(p => p.WireName).Where(g => g.Select(p => p.Secret).Distinct().Count() > 1).Select(g => g.Key);
        Assert.That(mixed, Is.Empty);
    }

    private static string Reference() => File.ReadAllText(ReferenceDocument.FlinkConnectionTypes.PathOrSkip(Assert.Ignore));

    /// <summary>The rows of the Markdown table whose header row starts with <paramref name="firstHeader"/>.</summary>
    private static IReadOnlyList<string[]> Table(string markdown, string firstHeader) =>
        markdown.Split('\n').SkipWhile(line => !Regex.IsMatch(line, $@"^\|\s*{Regex.Escape(firstHeader)}\s*\|")).Skip(2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray()).ToList();

    private static IEnumerable<string> Names(string text) => Regex.Matches(text, "[A-Za-z0-9_.]+").Select(m => m.Value);

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Group();
}
