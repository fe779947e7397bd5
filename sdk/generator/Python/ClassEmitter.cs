using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>What a class of properties is made from: its name and description, its properties, and how it is used.</summary>
/// <param name="Shape">Input and plain classes are <c>@pulumi.input_type</c> with setters; output classes are <c>@pulumi.output_type</c> dicts.</param>
/// <param name="KeyWarning">An output class of resource outputs warns when read by its camelCase keys, as Pulumi's does.</param>
/// <param name="SecretFields">
/// Secret fields are stored as secret outputs, so that a plain value given for a nested credential reaches the engine
/// as a secret, as the setters of Pulumi's C# input classes do; Pulumi's Python codegen marks only top-level inputs.
/// </param>
public sealed record PyClass(
    string Name,
    string? Description,
    IReadOnlyList<PropertySpec> Properties,
    PyShape Shape,
    bool KeyWarning = false,
    bool SecretFields = false);

/// <summary>
/// The classes of <c>gen.go</c>'s <c>genType</c> and <c>genDictType</c>: keyword-only constructors with the required
/// properties first, a docstring with each property's <c>:param</c>, getters named for the schema (and setters on
/// input classes), and the TypedDict that input classes may be given as.
/// </summary>
public sealed class ClassEmitter(PyContext ctx)
{
    public const string InitIndent = "                 ";

    public void Class(CodeWriter w, PyClass c)
    {
        var properties = RequiredFirst(c.Properties);
        var input = c.Shape != PyShape.Output;
        w.Line(input ? "@pulumi.input_type" : "@pulumi.output_type");
        w.Line($"class {c.Name}{(input ? "" : "(dict)")}:");
        if (!input) DocString.Write(w, c.Description, "    ");
        if (c.KeyWarning) KeyWarning(w, c.Name, properties);

        var parameters = properties.Select(p =>
        {
            var optional = !p.Required || p.Default is not null || p.EnvironmentDefaults.Count > 0;
            var hint = ctx.Types.Property(p, c.Shape, forceOptional: optional);
            return $",\n{InitIndent}{PyNames.Snake(p.WireName)}: {hint}{(optional ? " = None" : "")}";
        });
        w.Line($"    def __init__(__self__{(properties.Count > 0 ? ", *" : "")}{string.Concat(parameters)}):");
        // Output classes document their fields with the plain class names, as Pulumi's codegen does.
        var docShape = input ? c.Shape : PyShape.Plain;
        DocString.Write(w, ParamDocs(c.Description, properties.Select(p => (PyNames.Snake(p.WireName), ctx.Types.Required(p.Type, docShape), p.Description))), "        ");
        if (properties.Count == 0) w.Line("        pass");
        foreach (var p in properties)
        {
            var name = PyNames.Snake(p.WireName);
            if (PyLiteral.Default(p) is { } fallback)
            {
                w.Line($"        if {name} is None:");
                w.Line($"            {name} = {fallback}");
            }
            var value = c.SecretFields && p.Secret ? SecretValue(name) : name;
            if (p.Required)
            {
                w.Line($"        pulumi.set(__self__, {PyLiteral.Double(name)}, {value})");
            }
            else
            {
                w.Line($"        if {name} is not None:");
                w.Line($"            pulumi.set(__self__, {PyLiteral.Double(name)}, {value})");
            }
        }
        w.Line();
        Getters(w, properties, p => ctx.Types.Property(p, c.Shape), setters: input, secretSetters: c.SecretFields);
        w.Line();
    }

    /// <summary>The TypedDict an input class may be given as: the same fields under the same snake_case names.</summary>
    public void Dict(CodeWriter w, PyClass c)
    {
        w.Line($"class {PyNames.TypedDict(c.Name)}(TypedDict):");
        DocString.Write(w, c.Description, "    ");
        var properties = RequiredFirst(c.Properties);
        foreach (var p in properties)
        {
            w.Line($"    {PyNames.Snake(p.WireName)}: {ctx.Types.Property(p, c.Shape, PyObjectForm.Dict)}");
            DocString.Write(w, p.Description, "    ");
        }
        if (properties.Count == 0) w.Line("    pass");
        w.Line();
    }

    /// <summary>
    /// A read-only property per schema property (Pulumi's <c>genProperties</c>), named in snake_case and mapped back to
    /// the schema name by <c>@pulumi.getter</c>; with <paramref name="setters"/>, a setter each.
    /// </summary>
    public static void Getters(CodeWriter w, IEnumerable<PropertySpec> properties, Func<PropertySpec, string> hint, bool setters, bool secretSetters = false)
    {
        foreach (var p in properties)
        {
            var name = PyNames.Snake(p.WireName);
            w.Line("    @_builtins.property");
            w.Line(name == p.WireName ? "    @pulumi.getter" : $"    @pulumi.getter(name={PyLiteral.Double(p.WireName)})");
            w.Line($"    def {name}(self) -> {hint(p)}:");
            DocString.Write(w, p.Description, "        ");
            w.Line($"        return pulumi.get(self, {PyLiteral.Double(name)})");
            w.Line();
            if (!setters) continue;
            w.Line($"    @{name}.setter");
            w.Line($"    def {name}(self, value: {hint(p)}):");
            w.Line($"        pulumi.set(self, {PyLiteral.Double(name)}, {(secretSetters && p.Secret ? SecretValue("value") : "value")})");
            w.Line();
        }
    }

    /// <summary>A docstring of a description followed by <c>:param</c> lines, with no blank line between, as Pulumi's v3.220.0 writes it.</summary>
    public static string ParamDocs(string? description, IEnumerable<(string Name, string Hint, string? Description)> parameters)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(description)) lines.Add(description);
        foreach (var (name, hint, text) in parameters) lines.AddRange(DocString.Param(name, hint, text));
        return string.Join("\n", lines);
    }

    /// <summary>The value stored for a secret input: the same value, marked secret.</summary>
    public static string SecretValue(string name) => $"None if {name} is None else pulumi.Output.secret({name})";

    // Pulumi's keyword-only constructors list the required properties first, each group by name.
    private static List<PropertySpec> RequiredFirst(IEnumerable<PropertySpec> properties) =>
        properties.OrderBy(p => p.Required ? 0 : 1).ThenBy(p => p.WireName, StringComparer.Ordinal).ToList();

    private static void KeyWarning(CodeWriter w, string className, IReadOnlyList<PropertySpec> properties)
    {
        var renamed = properties.Where(p => PyNames.Snake(p.WireName) != p.WireName).ToList();
        if (renamed.Count == 0) return;
        w.Line("    @staticmethod");
        w.Line("    def __key_warning(key: str):");
        w.Line("        suggest = None");
        for (var i = 0; i < renamed.Count; i++)
        {
            w.Line($"        {(i == 0 ? "if" : "elif")} key == {PyLiteral.Double(renamed[i].WireName)}:");
            w.Line($"            suggest = {PyLiteral.Double(PyNames.Snake(renamed[i].WireName))}");
        }
        w.Lines(
        [
            "",
            "        if suggest:",
            $"            pulumi.log.warn(f\"Key '{{key}}' not found in {className}. Access the value via the '{{suggest}}' property getter instead.\")",
            "",
            "    def __getitem__(self, key: str) -> Any:",
            $"        {className}.__key_warning(key)",
            "        return super().__getitem__(key)",
            "",
            "    def get(self, key: str, default = None) -> Any:",
            $"        {className}.__key_warning(key)",
            "        return super().get(key, default)",
            "",
        ]);
    }
}
