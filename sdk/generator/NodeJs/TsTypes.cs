using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>Where a TypeScript type is used, which decides how object types are named and whether values are wrapped.</summary>
public enum TsShape
{
    /// <summary>Resource args and state, output-invoke args, and the <c>XArgs</c> interfaces: <c>pulumi.Input&lt;T&gt;</c>, objects as <c>inputs.XArgs</c>.</summary>
    Args,
    /// <summary>The plain (promise) invoke's args and the plain object interfaces: plain values, objects as <c>inputs.X</c>.</summary>
    Plain,
    /// <summary>Resource outputs, invoke results and output object types: objects as <c>outputs.X</c>.</summary>
    Output,
}

/// <summary>Maps schema types to the TypeScript types Pulumi's nodejs codegen writes for them.</summary>
public sealed class TsTypes(PackageSpec package)
{
    /// <summary>One value's type; a <c>oneOf</c> is the union of its elements (so a relaxed enum accepts the enum or a string).</summary>
    public string Element(TypeRef type, TsShape shape) => package.Match(type,
        union: elements => string.Join(" | ", elements.Select(e => Element(e, shape))),
        array: items => items.IsUnion ? $"({Element(items, shape)})[]" : $"{Element(items, shape)}[]",
        enumType: e => $"enums.{Names.TypeName(e.Token)}",
        objectType: o => shape switch
        {
            TsShape.Args => $"inputs.{NodeNames.ArgsInterface(Names.TypeName(o.Token))}",
            TsShape.Plain => $"inputs.{Names.TypeName(o.Token)}",
            TsShape.Output => $"outputs.{Names.TypeName(o.Token)}",
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        },
        primitive: name => name switch
        {
            "string" => "string",
            "integer" or "number" => "number",
            "boolean" => "boolean",
            var other => throw new SchemaException($"primitive type '{other}' has no TypeScript mapping"),
        });

    /// <summary>
    /// The declared type of an interface member. Args wrap the value in <c>pulumi.Input</c> and say <c>| undefined</c>
    /// inside it when optional (so an output of an optional value fits); plain and output members rely on <c>?</c>.
    /// </summary>
    public string Member(PropertySpec p, TsShape shape)
    {
        var element = Element(p.Type, shape);
        if (shape != TsShape.Args) return element;
        return p.Required ? $"pulumi.Input<{element}>" : $"pulumi.Input<{element} | undefined>";
    }

    /// <summary>A value that may be absent, spelled out: <c>T | undefined</c> unless required.</summary>
    public string Value(PropertySpec p, TsShape shape) => Element(p.Type, shape) + (p.Required ? "" : " | undefined");

    /// <summary>Whether the value reaches the provider as a string, so provider config needs no JSON encoding.</summary>
    public bool IsString(TypeRef type) =>
        type.SelfAndElements.All(t => t.IsUnion || t.Primitive == "string" || (t.TypeToken is { } token && package.IsEnum(token)));

    /// <summary>Whether any property's type mentions an object or enum type, so the file imports the type modules.</summary>
    public bool ReferencesNestedTypes(IEnumerable<PropertySpec> properties) =>
        properties.Any(p => p.Type.SelfAndElements.Any(t => t.IsReference));
}
