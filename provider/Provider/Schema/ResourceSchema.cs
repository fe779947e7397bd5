using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Schema;

/// <summary>
/// What the provider needs to know about one resource or function, read from the embedded schema.json so that
/// property names, secret flags and replace rules have a single source.
/// </summary>
public sealed class ResourceSchema
{
    private ResourceSchema(IReadOnlySet<string> inputs, IReadOnlySet<string> secretPaths, IReadOnlySet<string> replaceOnChanges)
    {
        InputProperties = inputs;
        SecretPaths = secretPaths;
        ReplaceOnChanges = replaceOnChanges;
    }

    /// <summary>Top-level input property names.</summary>
    public IReadOnlySet<string> InputProperties { get; }

    /// <summary>Dotted paths of secret properties, nested object fields included (e.g. <c>credentials.secret</c>).</summary>
    public IReadOnlySet<string> SecretPaths { get; }

    /// <summary>Top-level properties whose change replaces the resource.</summary>
    public IReadOnlySet<string> ReplaceOnChanges { get; }

    public bool IsSecret(string path) => SecretPaths.Contains(path);

    private static readonly Lazy<JObject> Package = new(() => JObject.Parse(EmbeddedSchema.Json));

    public static ResourceSchema ForResource(string token) => FromPackage(Package.Value, token);

    /// <summary>The provider's own inputs: its configuration.</summary>
    public static ResourceSchema ForProvider()
    {
        var package = Package.Value;
        var inputs = (JObject?)package["provider"]?["inputProperties"] ?? throw new InvalidOperationException("schema.json has no provider inputs");
        return new ResourceSchema(Names(inputs), SecretPathsOf(package, inputs), new HashSet<string>());
    }

    public static ResourceSchema FromPackage(JObject package, string token)
    {
        var resource = (JObject?)package["resources"]?[token] ?? throw new InvalidOperationException($"schema.json has no resource {token}");
        var inputs = (JObject)resource["inputProperties"]!;
        var outputs = (JObject)resource["properties"]!;
        var secrets = SecretPathsOf(package, inputs);
        secrets.UnionWith(SecretPathsOf(package, outputs));
        var replace = inputs.Properties().Where(p => p.Value["replaceOnChanges"]?.Value<bool>() == true).Select(p => p.Name).ToHashSet();
        return new ResourceSchema(Names(inputs), secrets, replace);
    }

    private static HashSet<string> Names(JObject properties) => properties.Properties().Select(p => p.Name).ToHashSet();

    private static HashSet<string> SecretPathsOf(JObject package, JObject properties)
    {
        var paths = new HashSet<string>();
        foreach (var property in properties.Properties())
        {
            if (property.Value["secret"]?.Value<bool>() == true)
                paths.Add(property.Name);
            if (ReferencedType(package, property.Value) is { } type && type["properties"] is JObject nested)
                foreach (var inner in SecretPathsOf(package, nested))
                    paths.Add($"{property.Name}.{inner}");
        }
        return paths;
    }

    private static JObject? ReferencedType(JObject package, JToken property)
    {
        const string prefix = "#/types/";
        var reference = property["$ref"]?.Value<string>();
        return reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal)
            ? (JObject?)package["types"]?[reference[prefix.Length..]]
            : null;
    }
}
