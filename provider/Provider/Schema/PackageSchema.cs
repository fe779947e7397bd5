using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Schema;

/// <summary>Reads property declarations out of a package schema document (the embedded schema.json, or one a test builds).</summary>
public sealed class PackageSchema(JObject document)
{
    private const string TypeReferencePrefix = "#/types/";

    private static readonly Lazy<PackageSchema> EmbeddedPackage = new(() => new PackageSchema(JObject.Parse(EmbeddedSchema.Json)));

    public static PackageSchema Embedded => EmbeddedPackage.Value;

    public JObject Document { get; } = document;

    public JObject Resource(string token) =>
        (JObject?)Document["resources"]?[token] ?? throw new InvalidOperationException($"schema.json has no resource {token}");

    /// <summary>The declarations of an object of properties, in schema order.</summary>
    public IReadOnlyList<PropertySchema> Properties(JObject? properties) =>
        properties?.Properties().Select(p => new PropertySchema(
            p.Name,
            ShapeOf(p.Value),
            p.Value["secret"]?.Value<bool>() == true,
            p.Value["replaceOnChanges"]?.Value<bool>() == true)).ToList() ?? [];

    /// <summary>Dotted paths of the secret properties, nested object fields included (e.g. <c>credentials.secret</c>).</summary>
    public HashSet<string> SecretPaths(JObject? properties)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Properties(properties))
        {
            if (property.Secret)
                paths.Add(property.Name);
            if (property.Shape is ObjectShape shape)
                foreach (var inner in SecretPaths((JObject?)TypeDeclaration(shape.TypeToken)["properties"]))
                    paths.Add($"{property.Name}.{inner}");
        }
        return paths;
    }

    public PropertyShape ShapeOf(JToken declaration)
    {
        // A union of a plain string and an enum: the enum says which strings are accepted.
        if (declaration["oneOf"] is JArray choices)
            return choices.Select(ShapeOf).OfType<EnumShape>().SingleOrDefault()
                   ?? throw new InvalidOperationException("schema.json: a oneOf property must include exactly one enum");
        if (declaration["$ref"]?.Value<string>() is { } reference)
        {
            if (!reference.StartsWith(TypeReferencePrefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"schema.json: unsupported reference {reference}");
            var token = reference[TypeReferencePrefix.Length..];
            var type = TypeDeclaration(token);
            if (type["enum"] is JArray members)
                return new EnumShape(token, members.Select(m => m["value"]!.Value<string>()!).ToList());
            var fields = ((JObject?)type["properties"])?.Properties().Select(p => p.Name).ToList() ?? [];
            var required = type["required"]?.Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
            return new ObjectShape(token, fields, required);
        }
        return new PrimitiveShape(declaration["type"]?.Value<string>() ?? throw new InvalidOperationException("schema.json: a property without a type"));
    }

    private JObject TypeDeclaration(string token) =>
        (JObject?)Document["types"]?[token] ?? throw new InvalidOperationException($"schema.json references the undeclared type {token}");
}
