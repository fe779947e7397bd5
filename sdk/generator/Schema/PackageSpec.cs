using System.Text.Json.Nodes;

namespace ConfluentFlink.SdkGen.Schema;

/// <summary>A property's type: a primitive (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>) or a reference to a type of the package.</summary>
public sealed record TypeRef(string? Primitive, string? TypeToken)
{
    public bool IsReference => TypeToken is not null;
}

public sealed record PropertySpec(
    string WireName,
    TypeRef Type,
    string? Description,
    bool Secret,
    bool Required,
    JsonNode? Default,
    IReadOnlyList<string> EnvironmentDefaults);

public sealed record ObjectTypeSpec(string Token, string? Description, IReadOnlyList<PropertySpec> Properties);

public sealed record EnumMemberSpec(string Name, string Value, string? Description);

public sealed record EnumTypeSpec(string Token, string? Description, IReadOnlyList<EnumMemberSpec> Members);

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

public sealed record PackageSpec(
    string Name,
    string Version,
    string? DisplayName,
    string? Description,
    string? Homepage,
    string? Repository,
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
    CSharpSettings CSharp)
{
    public string Namespace => $"{CSharp.RootNamespace}.{CSharp.PackageNamespace}";

    public ObjectTypeSpec ObjectType(string token) =>
        ObjectTypes.FirstOrDefault(t => t.Token == token)
        ?? throw new SchemaException($"type '{token}' is referenced but not declared as an object type");

    public bool IsEnum(string token) => EnumTypes.Any(e => e.Token == token);
}

public sealed class SchemaException(string message) : Exception(message);
