using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>Maps schema types to the C# types the SDK declares, per use, as Pulumi's C# codegen does.</summary>
public sealed class TypeMapper(PackageSpec package)
{
    /// <summary>
    /// The C# type of one value, without any Input/Output wrapper or nullability. A <c>oneOf</c> is
    /// <c>Union&lt;A, B&gt;</c>, except in outputs, where a string-or-enum comes back as the enum's underlying type.
    /// </summary>
    public string Element(TypeRef type, TypeFlavor flavor) => package.Match(type,
        union: elements =>
            flavor == TypeFlavor.Output && elements.FirstOrDefault(e => e.TypeToken is { } t && package.IsEnum(t)) is { } relaxedEnum
                ? Element(TypeRef.Of(package.EnumType(relaxedEnum.TypeToken!).UnderlyingType), flavor)
                : $"Union<{UnionArguments(elements, flavor)}>",
        array: items => flavor == TypeFlavor.Output ? $"ImmutableArray<{Element(items, flavor)}>" : $"List<{Element(items, flavor)}>",
        enumType: e => $"{package.Namespace}.{Names.TypeName(e.Token)}",
        objectType: o => flavor switch
        {
            TypeFlavor.Output => $"Outputs.{Names.TypeName(o.Token)}",
            TypeFlavor.Input => $"Inputs.{CSharpNames.InputArgs(Names.TypeName(o.Token))}",
            TypeFlavor.State => $"Inputs.{CSharpNames.StateArgs(Names.TypeName(o.Token))}",
            TypeFlavor.Plain => $"Inputs.{Names.TypeName(o.Token)}",
            _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
        },
        primitive: name => name switch
        {
            "string" => "string",
            "integer" => "int",
            "number" => "double",
            "boolean" => "bool",
            var other => throw new SchemaException($"primitive type '{other}' has no C# mapping"),
        });

    /// <summary><c>Output&lt;T&gt;</c> of a resource property; optional ones may be null.</summary>
    public string ResourceOutput(PropertySpec p) => $"Output<{Element(p.Type, TypeFlavor.Output)}{(p.Required ? "" : "?")}>";

    /// <summary>A readonly field of an output type or function result.</summary>
    public string OutputField(PropertySpec p) => Element(p.Type, TypeFlavor.Output) + (p.Required ? "" : "?");

    /// <summary>
    /// <c>Input&lt;T&gt;</c> (<c>InputUnion&lt;A, B&gt;</c> for a <c>oneOf</c>) of an args property. Secret ones live in a
    /// nullable backing field, whatever their requiredness, because their setter replaces the value with a secret output.
    /// </summary>
    public string Input(PropertySpec p, TypeFlavor flavor)
    {
        var wrapped = p.Type switch
        {
            { OneOf: { } elements } => $"InputUnion<{UnionArguments(elements, flavor)}>",
            { Items: { } items } => $"InputList<{Element(items, flavor)}>",
            _ => $"Input<{Element(p.Type, flavor)}>",
        };
        return wrapped + (p.Required && !p.Secret ? "" : "?");
    }

    /// <summary>A property of the function's plain (InvokeAsync) args; a secret one is nullable, being held in a backing field.</summary>
    public string Plain(PropertySpec p) => Element(p.Type, TypeFlavor.Plain) + (p.Required && !p.Secret ? "" : "?");

    /// <summary>
    /// Whether the plain C# type is a struct, which cannot take Pulumi's <c>= null!</c> initializer of required members:
    /// numbers, booleans, enums (readonly structs) and <c>Union</c>.
    /// </summary>
    public bool IsValueType(TypeRef type) =>
        type.IsUnion
        || type.IsArray
        || type.Primitive is "integer" or "number" or "boolean"
        || (type.TypeToken is { } token && package.IsEnum(token));

    private string UnionArguments(IReadOnlyList<TypeRef> elements, TypeFlavor flavor)
    {
        var distinct = elements.Select(e => Element(e, flavor)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count != 2)
            throw new SchemaException($"a `oneOf` of {distinct.Count} distinct types has no C# mapping here (Pulumi's codegen maps only two to a union)");
        return string.Join(", ", distinct);
    }
}
