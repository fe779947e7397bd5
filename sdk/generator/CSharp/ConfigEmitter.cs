using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary><c>Config/Config.cs</c>: typed access to the package's stack configuration, falling back to the environment.</summary>
public sealed class ConfigEmitter(SdkContext ctx)
{
    public GeneratedFile Emit()
    {
        var content = CSharpFile.Create(ctx.Namespace, ["System", "System.Collections.Immutable"], w =>
        {
            using (w.Block("public static class Config"))
            {
                w.Lines(
                [
                    "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Microsoft.Design\", \"IDE1006\", Justification =",
                    "\"Double underscore prefix used to avoid conflicts with variable names.\")]",
                ]);
                using (w.Block("private sealed class __Value<T>"))
                {
                    w.Lines(
                    [
                        "private readonly Func<T> _getter;",
                        "private T _value = default!;",
                        "private bool _set;",
                        "",
                    ]);
                    using (w.Block("public __Value(Func<T> getter)")) w.Line("_getter = getter;");
                    w.Line();
                    w.Line("public T Get() => _set ? _value : _getter();");
                    w.Line();
                    using (w.Block("public void Set(T value)"))
                    {
                        w.Line("_value = value;");
                        w.Line("_set = true;");
                    }
                }
                w.Line();
                w.Line($"private static readonly global::Pulumi.Config __config = new global::Pulumi.Config({Literals.String(ctx.Package.Name)});");
                w.Line();
                foreach (var p in ctx.Package.ConfigVariables) EmitVariable(w, p);
            }
        });
        return new GeneratedFile("Config/Config.cs", content);
    }

    private void EmitVariable(CodeWriter w, PropertySpec p)
    {
        var fallback = Literals.Default(p);
        var type = ctx.Types.Element(p.Type, TypeFlavor.Plain);
        // A schema default makes the value always present; an environment default may still be missing.
        var nullable = p.Default is null ? "?" : "";
        var getter = p.Type.Primitive switch
        {
            "string" => "Get",
            "integer" => "GetInt32",
            "boolean" => "GetBoolean",
            "number" => "GetDouble",
            _ => throw new SchemaException($"config variable '{p.WireName}': only primitive types are supported"),
        };
        var read = $"__config.{getter}({Literals.String(p.WireName)})" + (fallback is null ? "" : $" ?? {fallback}");
        var field = CSharpNames.BackingField(p.WireName);
        w.Line($"private static readonly __Value<{type}{nullable}> {field} = new __Value<{type}{nullable}>(() => {read});");
        w.Doc(p.Description);
        using (w.Block($"public static {type}{nullable} {CSharpNames.Property(p.WireName)}"))
        {
            w.Line($"get => {field}.Get();");
            w.Line($"set => {field}.Set(value);");
        }
        w.Line();
    }
}
