using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Schema;

/// <summary>
/// What the provider needs to know about one resource, read from schema.json so that property names, their shapes,
/// secret flags, replace rules and required inputs have a single source.
/// </summary>
public sealed class ResourceSchema
{
    private ResourceSchema(IReadOnlyList<PropertySchema> inputs, IReadOnlyList<string> outputs, IReadOnlySet<string> secretPaths, IReadOnlySet<string> requiredInputs)
    {
        Inputs = inputs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        InputProperties = inputs.Select(p => p.Name).ToList();
        ReplaceOnChanges = inputs.Where(p => p.ReplaceOnChanges).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        ComputedOutputs = outputs.Except(InputProperties).ToList();
        SecretPaths = secretPaths;
        RequiredInputs = requiredInputs;
    }

    public IReadOnlyDictionary<string, PropertySchema> Inputs { get; }

    /// <summary>Top-level input property names, in schema order.</summary>
    public IReadOnlyList<string> InputProperties { get; }

    /// <summary>Outputs the provider computes: properties that are not inputs.</summary>
    public IReadOnlyList<string> ComputedOutputs { get; }

    /// <summary>Dotted paths of secret properties, inputs and outputs, nested fields included.</summary>
    public IReadOnlySet<string> SecretPaths { get; }

    /// <summary>Top-level inputs whose change replaces the resource.</summary>
    public IReadOnlySet<string> ReplaceOnChanges { get; }

    public IReadOnlySet<string> RequiredInputs { get; }

    public bool IsSecret(string path) => SecretPaths.Contains(path);

    public PropertyShape ShapeOf(string property) => Inputs[property].Shape;

    public static ResourceSchema ForResource(string token) => FromPackage(PackageSchema.Embedded, token);

    public static ResourceSchema FromPackage(PackageSchema package, string token)
    {
        var resource = package.Resource(token);
        var inputs = (JObject?)resource["inputProperties"];
        var outputs = (JObject?)resource["properties"];
        var secrets = package.SecretPaths(inputs);
        secrets.UnionWith(package.SecretPaths(outputs));
        var required = resource["requiredInputs"]?.Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        return new ResourceSchema(package.Properties(inputs), outputs?.Properties().Select(p => p.Name).ToList() ?? [], secrets, required);
    }
}
