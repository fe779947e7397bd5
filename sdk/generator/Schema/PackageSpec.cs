using System.Text.Json.Nodes;

namespace ConfluentFlink.SdkGen.Schema;

/// <summary>
/// A property's type: a primitive (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>), a reference to a type
/// of the package, or a <c>oneOf</c> of those (for example a string or an enum, which Pulumi calls a relaxed enum).
/// </summary>
public sealed record TypeRef(string? Primitive, string? TypeToken, IReadOnlyList<TypeRef>? OneOf = null)
{
    public static TypeRef Of(string primitive) => new(primitive, null);

    public static TypeRef Reference(string token) => new(null, token);

    public static TypeRef Union(IReadOnlyList<TypeRef> elements) => new(null, null, elements);

    public bool IsReference => TypeToken is not null;

    public bool IsUnion => OneOf is not null;

    /// <summary>This type and, for a union, each of its elements.</summary>
    public IEnumerable<TypeRef> SelfAndElements => OneOf is { } elements ? elements.Prepend(this) : [this];
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

public sealed record EnumTypeSpec(string Token, string? Description, string UnderlyingType, IReadOnlyList<EnumMemberSpec> Members);

public sealed record ResourceSpec(
    string Token,
    string? Description,
    IReadOnlyList<PropertySpec> Outputs,
    IReadOnlyList<PropertySpec> Inputs);

public sealed record FunctionSpec(
    string Token,
    string? Description,
    IReadOnlyList<PropertySpec> Inputs,
    IReadOnlyList<PropertySpec> Outputs);

public sealed record CSharpSettings(string RootNamespace, string PackageNamespace, IReadOnlyDictionary<string, string> PackageReferences);

/// <summary>The schema's <c>language.nodejs</c> section.</summary>
public sealed record NodeJsSettings(
    string PackageName,
    string? PackageDescription,
    IReadOnlyDictionary<string, string> Dependencies,
    IReadOnlyDictionary<string, string> DevDependencies,
    string? TypeScriptVersion);

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
    NodeJsSettings NodeJs)
{
    public string Namespace => $"{CSharp.RootNamespace}.{CSharp.PackageNamespace}";

    public ObjectTypeSpec ObjectType(string token) =>
        ObjectTypes.FirstOrDefault(t => t.Token == token)
        ?? throw new SchemaException($"type '{token}' is referenced but not declared as an object type");

    public bool IsEnum(string token) => EnumTypes.Any(e => e.Token == token);

    public EnumTypeSpec EnumType(string token) =>
        EnumTypes.FirstOrDefault(e => e.Token == token)
        ?? throw new SchemaException($"type '{token}' is referenced but not declared as an enum");
}

public sealed class SchemaException(string message) : Exception(message);
