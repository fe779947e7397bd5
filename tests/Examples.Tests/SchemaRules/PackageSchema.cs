using System.Text.Json;

namespace ConfluentFlink.Examples.Tests.SchemaRules;

/// <summary>A property as schema.json declares it: its wire name, whether it is secret, and its object type if it has one.</summary>
public sealed record SchemaProperty(string Name, bool Secret, string? ObjectType);

/// <summary>The inputs a program may set on one resource, provider, function or nested object type.</summary>
public sealed record Shape(string Name, IReadOnlyDictionary<string, SchemaProperty> Properties, IReadOnlySet<string> Required);

/// <summary>
/// The parts of schema.json that programs touch: inputs of the resources, the provider, the functions and the
/// object types, plus the config variables. Every example check reads its truth from here, never from a copy.
/// </summary>
public sealed class PackageSchema
{
    private readonly Dictionary<string, Shape> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> _objectTypes = new(StringComparer.Ordinal);

    private PackageSchema(JsonElement root)
    {
        Name = root.GetProperty("name").GetString()!;
        var objectTypeTokens = root.GetProperty("types").EnumerateObject()
            .Where(t => t.Value.GetProperty("type").GetString() == "object")
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var type in root.GetProperty("types").EnumerateObject().Where(t => objectTypeTokens.Contains(t.Name)))
            _objectTypes[type.Name] = ReadShape(type.Name, type.Value, "properties", "required", objectTypeTokens);
        foreach (var resource in root.GetProperty("resources").EnumerateObject())
            _resources[resource.Name] = ReadShape(resource.Name, resource.Value, "inputProperties", "requiredInputs", objectTypeTokens);
        foreach (var function in root.GetProperty("functions").EnumerateObject())
            _functions[function.Name] = ReadShape(function.Name, function.Value.GetProperty("inputs"), "properties", "required", objectTypeTokens);
        Provider = ReadShape(ProviderToken, root.GetProperty("provider"), "inputProperties", "requiredInputs", objectTypeTokens);

        var variables = root.GetProperty("config").GetProperty("variables");
        ConfigKeys = variables.EnumerateObject().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        SecretConfigKeys = variables.EnumerateObject().Where(v => IsSecret(v.Value)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        ConfigEnvironmentVariables = variables.EnumerateObject().ToDictionary(
            v => v.Name,
            v => v.Value.TryGetProperty("defaultInfo", out var info) && info.TryGetProperty("environment", out var names)
                ? names.EnumerateArray().Select(n => n.GetString()!).ToList()
                : [],
            StringComparer.Ordinal);
    }

    public static PackageSchema Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    /// <summary>The package name, the prefix of every token and config key (<c>confluentflink</c>).</summary>
    public string Name { get; }

    public Shape Provider { get; }

    public IReadOnlySet<string> ConfigKeys { get; }

    public IReadOnlySet<string> SecretConfigKeys { get; }

    /// <summary>Config key → the environment variables it falls back to (<c>defaultInfo.environment</c>).</summary>
    public IReadOnlyDictionary<string, List<string>> ConfigEnvironmentVariables { get; }

    private string ProviderToken => $"pulumi:providers:{Name}";

    public IEnumerable<Shape> Resources => _resources.Values;

    public Shape ObjectType(string token) => _objectTypes[token];

    /// <summary>The shape behind a type token as programs write it: <c>pkg:index:Name</c>, the short <c>pkg:Name</c>, or the provider's.</summary>
    public Shape? ForToken(string token)
    {
        if (token == ProviderToken) return Provider;
        var parts = token.Split(':');
        var full = parts.Length == 2 ? $"{parts[0]}:index:{parts[1]}" : token;
        return _resources.GetValueOrDefault(full);
    }

    /// <summary>The shape behind a resource class of a generated SDK (C# or TypeScript): <c>FlinkConnection</c>, <c>Provider</c>.</summary>
    public Shape? ForResourceClass(string className) =>
        className == "Provider" ? Provider : _resources.GetValueOrDefault($"{Name}:index:{className}");

    /// <summary>
    /// The shape behind a C# args class of the generated SDK, named as Pulumi's C# codegen names them:
    /// <c>FlinkConnectionArgs</c>, <c>ProviderArgs</c>, <c>FlinkConnectionOrganizationArgs</c>,
    /// <c>GetFlinkConnectionArgs</c>/<c>GetFlinkConnectionInvokeArgs</c>. Null for any other class.
    /// </summary>
    public Shape? ForCSharpArgsClass(string className)
    {
        if (className == "ProviderArgs") return Provider;
        foreach (var suffix in new[] { "InvokeArgs", "Args" })
        {
            if (!className.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = className[..^suffix.Length];
            if (stem.StartsWith("Get", StringComparison.Ordinal)
                && _functions.TryGetValue($"{Name}:index:{char.ToLowerInvariant(stem[0])}{stem[1..]}", out var function))
                return function;
            if (suffix == "Args")
                return _resources.GetValueOrDefault($"{Name}:index:{stem}") ?? _objectTypes.GetValueOrDefault($"{Name}:index:{stem}");
        }
        return null;
    }

    private static Shape ReadShape(string name, JsonElement owner, string propertiesKey, string requiredKey, IReadOnlySet<string> objectTypeTokens)
    {
        var properties = new Dictionary<string, SchemaProperty>(StringComparer.Ordinal);
        if (owner.TryGetProperty(propertiesKey, out var declared))
        {
            foreach (var property in declared.EnumerateObject())
                properties[property.Name] = new SchemaProperty(property.Name, IsSecret(property.Value), ObjectTypeOf(property.Value, objectTypeTokens));
        }
        var required = owner.TryGetProperty(requiredKey, out var list)
            ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        return new Shape(name, properties, required);
    }

    private static bool IsSecret(JsonElement property) =>
        property.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.True;

    private static string? ObjectTypeOf(JsonElement property, IReadOnlySet<string> objectTypeTokens)
    {
        const string localTypes = "#/types/";
        if (!property.TryGetProperty("$ref", out var reference)) return null;
        var target = reference.GetString()!;
        return target.StartsWith(localTypes, StringComparison.Ordinal) && objectTypeTokens.Contains(target[localTypes.Length..])
            ? target[localTypes.Length..]
            : null;
    }
}
