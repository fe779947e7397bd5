using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// The <c>config</c> package: <c>vars.py</c> reads each configuration key of the package when it is used (a module
/// whose class is swapped for one with properties, as Pulumi's codegen does it), <c>__init__.py</c> does the swap, and
/// <c>__init__.pyi</c> declares the properties' types for editors and type checkers.
/// </summary>
public sealed class ConfigEmitter(PyContext ctx)
{
    /// <summary>The sub-package's name, in the package folder.</summary>
    public const string Module = "config";

    public IEnumerable<GeneratedFile> EmitAll()
    {
        var variables = ctx.Package.ConfigVariables;
        if (variables.Count == 0) yield break;
        var folder = $"{ctx.PackageName}/{Module}";

        var init = PyFile.Plain();
        init.Lines(["import sys", "from .vars import _ExportableConfig", "", "sys.modules[__name__].__class__ = _ExportableConfig"]);
        yield return new GeneratedFile($"{folder}/__init__.py", init.ToString());

        // Unlike Pulumi's stubs, which declare the schema's camelCase names, these declare the names vars.py defines.
        var stubs = PyFile.WithSdk("..", []);
        foreach (var p in variables)
        {
            stubs.Line($"{PyNames.Snake(p.WireName)}: {ValueType(p)}");
            DocString.Write(stubs, p.Description, "");
            stubs.Line();
        }
        yield return new GeneratedFile($"{folder}/__init__.pyi", stubs.ToString());

        var vars = PyFile.WithSdk("..", []);
        vars.Lines(
        [
            "import types",
            "",
            $"__config__ = pulumi.Config({PyLiteral.Single(ctx.Package.Name)})",
            "",
            "",
            "class _ExportableConfig(types.ModuleType):",
        ]);
        foreach (var p in variables) Getter(vars, p);
        yield return new GeneratedFile($"{folder}/vars.py", vars.ToString());
    }

    /// <summary>
    /// A key's value from the stack configuration, else its default. Unlike Pulumi's <c>get(...) or default</c>, the
    /// default applies only to a key that is not set, so that a configured <c>0</c> or <c>false</c> is kept.
    /// </summary>
    private static void Getter(CodeWriter w, PropertySpec p)
    {
        var reader = p.Type.Primitive switch
        {
            "string" => "get",
            "integer" => "get_int",
            "number" => "get_float",
            "boolean" => "get_bool",
            _ => throw new SchemaException($"config variable '{p.WireName}': only primitive types are supported"),
        };
        var read = $"__config__.{reader}({PyLiteral.Single(p.WireName)})";
        w.Line("    @_builtins.property");
        w.Line($"    def {PyNames.Snake(p.WireName)}(self) -> {ValueType(p)}:");
        DocString.Write(w, p.Description, "        ");
        if (PyLiteral.Default(p) is { } fallback)
        {
            w.Line($"        value = {read}");
            w.Line($"        return value if value is not None else {fallback}");
        }
        else
        {
            w.Line($"        return {read}");
        }
        w.Line();
    }

    // Config values are typed by their primitive; a schema default makes the value always present.
    private static string ValueType(PropertySpec p)
    {
        var type = p.Type.Primitive switch
        {
            "boolean" => "bool",
            "integer" => "int",
            "number" => "float",
            _ => "str",
        };
        return p.Default is null ? $"Optional[{type}]" : type;
    }
}
