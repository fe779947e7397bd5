using System.Reflection;
using System.Text.Json.Nodes;

namespace ConfluentFlink.Schema;

/// <summary>The type tokens of the package, checked against schema.json when it is read.</summary>
public static class Tokens
{
    public const string FlinkConnection = "confluentflink:index:FlinkConnection";
    public const string GetFlinkConnection = "confluentflink:index:getFlinkConnection";
    public const string GetFlinkConnections = "confluentflink:index:getFlinkConnections";
}

/// <summary>
/// A property's type: a primitive (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>), an array of a type,
/// a reference to a type of the package, or a <c>oneOf</c> of those (a string or an enum: Pulumi's relaxed enum).
/// </summary>
public sealed record TypeRef(string? Primitive, string? TypeToken, IReadOnlyList<TypeRef>? OneOf = null, TypeRef? Items = null)
{
    public static TypeRef Of(string primitive) => new(primitive, null);

    public static TypeRef Reference(string token) => new(null, token);

    public static TypeRef Union(IReadOnlyList<TypeRef> elements) => new(null, null, elements);

    public static TypeRef ArrayOf(TypeRef items) => new("array", null, Items: items);

    public bool IsReference => TypeToken is not null;

    public bool IsUnion => OneOf is not null;

    public bool IsArray => Items is not null;

    /// <summary>This type and, for a union or an array, the types inside it.</summary>
    public IEnumerable<TypeRef> SelfAndElements =>
        OneOf is { } elements ? elements.SelectMany(e => e.SelfAndElements).Prepend(this)
        : Items is { } items ? items.SelfAndElements.Prepend(this)
        : [this];
}

public sealed record PropertySpec(
    string WireName,
    TypeRef Type,
    string? Description,
    bool Secret,
    bool Required,
    JsonNode? Default,
    IReadOnlyList<string> EnvironmentDefaults,
    bool ReplaceOnChanges = false);

public sealed record ObjectTypeSpec(string Token, string? Description, IReadOnlyList<PropertySpec> Properties);

public sealed record EnumMemberSpec(string Name, string Value, string? Description);

public sealed record EnumTypeSpec(string Token, string? Description, string UnderlyingType, IReadOnlyList<EnumMemberSpec> Members)
{
    public IReadOnlyList<string> Values => Members.Select(m => m.Value).ToList();
}

public sealed record ResourceSpec(string Token, string? Description, IReadOnlyList<PropertySpec> Outputs, IReadOnlyList<PropertySpec> Inputs)
{
    public PropertySpec? Input(string name) => Inputs.FirstOrDefault(p => p.WireName == name);

    /// <summary>Outputs the provider computes: properties that are not inputs.</summary>
    public IReadOnlyList<PropertySpec> ComputedOutputs => Outputs.Where(o => Input(o.WireName) is null).ToList();
}

public sealed record FunctionSpec(string Token, string? Description, IReadOnlyList<PropertySpec> Inputs, IReadOnlyList<PropertySpec> Outputs);

public sealed record CSharpSettings(string RootNamespace, string PackageNamespace, IReadOnlyDictionary<string, string> PackageReferences);

/// <summary>The schema's <c>language.nodejs</c> section.</summary>
public sealed record NodeJsSettings(
    string PackageName,
    string? PackageDescription,
    IReadOnlyDictionary<string, string> Dependencies,
    IReadOnlyDictionary<string, string> DevDependencies,
    string? TypeScriptVersion);

/// <summary>The schema's <c>language.python</c> section.</summary>
public sealed record PythonSettings(string PackageName, IReadOnlyDictionary<string, string> Requires, bool RespectSchemaVersion, bool PyProject);

/// <summary>A Pulumi package schema, as the plugin, the SDK generator and the tests read it. Lists are sorted by name.</summary>
public sealed record PackageSpec(
    string Name,
    string Version,
    string? DisplayName,
    string? Description,
    string? Homepage,
    string? Repository,
    string? PluginDownloadUrl,
    string? License,
    string? Publisher,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<PropertySpec> ConfigVariables,
    string? ProviderDescription,
    IReadOnlyList<PropertySpec> ProviderInputs,
    IReadOnlyList<ObjectTypeSpec> ObjectTypes,
    IReadOnlyList<EnumTypeSpec> EnumTypes,
    IReadOnlyList<ResourceSpec> Resources,
    IReadOnlyList<FunctionSpec> Functions,
    CSharpSettings CSharp,
    NodeJsSettings NodeJs,
    PythonSettings Python)
{
    private static readonly Lazy<PackageSpec> EmbeddedSchema = new(() =>
    {
        var schema = SchemaLoader.Parse(EmbeddedText("schema.json"));
        schema.Resource(Tokens.FlinkConnection);
        schema.Function(Tokens.GetFlinkConnection);
        schema.Function(Tokens.GetFlinkConnections);
        return schema;
    });

    /// <summary>The schema.json compiled into this assembly: the one the plugin serves.</summary>
    public static PackageSpec Embedded => EmbeddedSchema.Value;

    /// <summary>The text of schema.json as compiled in, for GetSchema.</summary>
    public static string EmbeddedJson => EmbeddedText("schema.json");

    public string Namespace => $"{CSharp.RootNamespace}.{CSharp.PackageNamespace}";

    public ResourceSpec Resource(string token) =>
        Resources.FirstOrDefault(r => r.Token == token) ?? throw new SchemaException($"schema.json declares no resource {token}");

    public FunctionSpec Function(string token) =>
        Functions.FirstOrDefault(f => f.Token == token) ?? throw new SchemaException($"schema.json declares no function {token}");

    public ObjectTypeSpec ObjectType(string token) =>
        ObjectTypes.FirstOrDefault(t => t.Token == token)
        ?? throw new SchemaException($"type '{token}' is referenced but not declared as an object type");

    public bool IsEnum(string token) => EnumTypes.Any(e => e.Token == token);

    public EnumTypeSpec EnumType(string token) =>
        EnumTypes.FirstOrDefault(e => e.Token == token)
        ?? throw new SchemaException($"type '{token}' is referenced but not declared as an enum");

    /// <summary>The enum a property accepts, directly or as one side of a relaxed enum; null for other properties.</summary>
    public EnumTypeSpec? EnumOf(PropertySpec property) =>
        property.Type.SelfAndElements.FirstOrDefault(t => t.TypeToken is { } token && IsEnum(token)) is { TypeToken: { } enumToken }
            ? EnumType(enumToken)
            : null;

    /// <summary>The object type of a property that holds one; null for other properties.</summary>
    public ObjectTypeSpec? ObjectOf(PropertySpec property) =>
        property.Type.TypeToken is { } token && !IsEnum(token) ? ObjectType(token) : null;

    /// <summary>Dotted paths of the secret properties among <paramref name="properties"/>, object fields included (<c>credentials.secret</c>).</summary>
    public IReadOnlySet<string> SecretPaths(IEnumerable<PropertySpec> properties)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (property.Secret)
                paths.Add(property.WireName);
            if (ObjectOf(property) is { } type)
                foreach (var field in type.Properties.Where(f => f.Secret))
                    paths.Add($"{property.WireName}.{field.WireName}");
        }
        return paths;
    }

    internal static string EmbeddedText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new SchemaException($"{name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class SchemaException(string message) : Exception(message);
