using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>Where a value is used, which decides its Python type hint and the class an object type maps to.</summary>
public enum PyShape
{
    /// <summary>Resource, provider and state inputs and the <c>XArgs</c> classes: values wrapped in <c>pulumi.Input</c>, objects as <c>XArgs</c>.</summary>
    Input,
    /// <summary>Function inputs and the plain input classes: plain values, objects as <c>X</c> from <c>_inputs.py</c>.</summary>
    Plain,
    /// <summary>Resource outputs, results and output classes: objects as <c>outputs.X</c>, a string-or-enum as the string.</summary>
    Output,
}

/// <summary>How a hint spells an object type that may also be given as a dictionary.</summary>
public enum PyObjectForm
{
    /// <summary>The class: <c>'XArgs'</c>.</summary>
    Class,
    /// <summary>The class or its TypedDict, where a user passes a value: <c>Union['XArgs', 'XArgsDict']</c>.</summary>
    ClassOrDict,
    /// <summary>Inside a TypedDict: <c>'XArgsDict'</c>, optional members <c>NotRequired[...]</c>.</summary>
    Dict,
}

/// <summary>
/// The type hints Pulumi's Python codegen (<c>typeString</c> in <c>gen.go</c> at v3.220.0) writes for schema types:
/// <c>_builtins.str</c> for primitives, <c>pulumi.Input[...]</c> around every input value, <c>Optional[...]</c> around
/// an optional one (<c>NotRequired[...]</c> in a TypedDict), <c>Sequence[...]</c> for arrays, quoted class names for
/// object and enum types.
/// </summary>
public sealed class PyTypes(PackageSpec package)
{
    /// <summary>A property's hint; optional when the property is not required (or <paramref name="forceOptional"/>).</summary>
    public string Property(PropertySpec p, PyShape shape, PyObjectForm form = PyObjectForm.Class, bool forceOptional = false)
    {
        var hint = Required(p.Type, shape, form);
        if (p.Required && !forceOptional) return hint;
        return form == PyObjectForm.Dict ? $"NotRequired[{hint}]" : $"Optional[{hint}]";
    }

    /// <summary>The hint of a present value: <c>pulumi.Input[...]</c> in the input shape.</summary>
    public string Required(TypeRef type, PyShape shape, PyObjectForm form = PyObjectForm.Class) =>
        shape == PyShape.Input ? $"pulumi.Input[{Element(type, shape, form)}]" : Element(type, shape, form);

    /// <summary>A parameter of a function's output form: any value may be an output, <c>Optional[pulumi.Input[...]]</c>.</summary>
    public string OutputFunctionParameter(PropertySpec p) =>
        $"Optional[pulumi.Input[{Property(p, PyShape.Plain, PyObjectForm.ClassOrDict)}]]";

    /// <summary>
    /// The runtime type a function result's constructor checks a value against (Pulumi's <c>pyType</c>): output objects
    /// are dicts, arrays lists.
    /// </summary>
    public string RuntimeType(TypeRef type) => package.Match(type,
        union: _ => "dict",
        array: _ => "list",
        enumType: e => Primitive(e.UnderlyingType, qualified: false),
        objectType: _ => "dict",
        primitive: name => Primitive(name, qualified: false));

    /// <summary>
    /// Whether provider config of this type reaches the provider as it is; anything but a string is sent JSON-encoded
    /// (enums and unions too, in Pulumi's Python codegen of v3.220.0).
    /// </summary>
    public static bool IsString(TypeRef type) => type.Primitive == "string";

    private string Element(TypeRef type, PyShape shape, PyObjectForm form) => package.Match(type,
        union: elements => shape == PyShape.Output
            ? Element(OutputOfUnion(elements), shape, form)
            : Union(elements.Select(e => Element(e, shape, form))),
        array: items => $"Sequence[{Required(items, shape, form)}]",
        enumType: e => Quoted(Names.TypeName(e.Token)),
        objectType: o => ObjectClass(o, shape, form),
        primitive: name => Primitive(name, qualified: true));

    // Pulumi's outputs read a string-or-enum back as the string; a union without an enum has no single type.
    private TypeRef OutputOfUnion(IReadOnlyList<TypeRef> elements) =>
        elements.FirstOrDefault(e => e.TypeToken is { } t && package.IsEnum(t)) is { TypeToken: { } enumToken }
            ? TypeRef.Of(package.EnumType(enumToken).UnderlyingType)
            : throw new SchemaException("a `oneOf` without an enum has no Python output type here");

    private static string ObjectClass(ObjectTypeSpec type, PyShape shape, PyObjectForm form)
    {
        var name = Names.TypeName(type.Token);
        if (shape == PyShape.Output) return Quoted("outputs." + name);
        var className = shape == PyShape.Input ? PyNames.ArgsClass(name) : name;
        return form switch
        {
            PyObjectForm.Class => Quoted(className),
            PyObjectForm.Dict => Quoted(PyNames.TypedDict(className)),
            _ => Union([Quoted(className), Quoted(PyNames.TypedDict(className))]),
        };
    }

    private static string Union(IEnumerable<string> elements)
    {
        var distinct = elements.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : $"Union[{string.Join(", ", distinct)}]";
    }

    private static string Quoted(string name) => $"'{name}'";

    /// <param name="qualified">Hints say <c>_builtins.str</c>, as a class may define a member named <c>str</c>; runtime checks say <c>str</c>.</param>
    private static string Primitive(string name, bool qualified)
    {
        var builtin = name switch
        {
            "string" => "str",
            "integer" => "int",
            "number" => "float",
            "boolean" => "bool",
            var other => throw new SchemaException($"primitive type '{other}' has no Python mapping"),
        };
        return qualified ? "_builtins." + builtin : builtin;
    }
}
