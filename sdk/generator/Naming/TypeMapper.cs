using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.Naming;

/// <summary>Maps schema types to the C# types the SDK declares, per use.</summary>
public sealed class TypeMapper(PackageSpec package)
{
    /// <summary>The C# type of one value, without any Input/Output wrapper or nullability.</summary>
    public string Element(TypeRef type, TypeFlavor flavor)
    {
        if (type.TypeToken is { } token)
        {
            var name = Names.TypeName(token);
            if (package.IsEnum(token)) return name;
            package.ObjectType(token); // fails clearly on a dangling reference
            return flavor switch
            {
                TypeFlavor.Output => $"Outputs.{name}",
                TypeFlavor.Input => $"Inputs.{Names.InputArgs(name)}",
                TypeFlavor.State => $"Inputs.{Names.StateArgs(name)}",
                TypeFlavor.Plain => $"Inputs.{name}",
                _ => throw new ArgumentOutOfRangeException(nameof(flavor)),
            };
        }
        return type.Primitive switch
        {
            "string" => "string",
            "integer" => "int",
            "number" => "double",
            "boolean" => "bool",
            var other => throw new SchemaException($"primitive type '{other}' has no C# mapping"),
        };
    }

    /// <summary><c>Output&lt;T&gt;</c> of a resource property; optional ones may be null.</summary>
    public string ResourceOutput(PropertySpec p) => $"Output<{Element(p.Type, TypeFlavor.Output)}{(p.Required ? "" : "?")}>";

    /// <summary>A readonly field of an output type or function result.</summary>
    public string OutputField(PropertySpec p) => Element(p.Type, TypeFlavor.Output) + (p.Required ? "" : "?");

    /// <summary>
    /// <c>Input&lt;T&gt;</c> of an args property. Secret ones live in a nullable backing field, whatever their requiredness,
    /// because their setter replaces the value with a secret output.
    /// </summary>
    public string Input(PropertySpec p, TypeFlavor flavor) =>
        $"Input<{Element(p.Type, flavor)}>{(p.Required && !p.Secret ? "" : "?")}";

    /// <summary>A plain property of the function's InvokeAsync args.</summary>
    public string Plain(PropertySpec p) => Element(p.Type, TypeFlavor.Plain) + (p.Required ? "" : "?");
}
