using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary><c>Enums.cs</c>: each string enum as Pulumi's readonly struct with one static property per member.</summary>
public sealed class EnumEmitter(SdkContext ctx)
{
    public GeneratedFile? Emit()
    {
        if (ctx.Package.EnumTypes.Count == 0) return null;
        var content = CSharpFile.Create(ctx.Namespace, ["System", "System.ComponentModel", "Pulumi"], w =>
        {
            var first = true;
            foreach (var e in ctx.Package.EnumTypes)
            {
                if (!first) w.Line();
                first = false;
                EmitEnum(w, e);
            }
        });
        return new GeneratedFile("Enums.cs", content);
    }

    private static void EmitEnum(CodeWriter w, EnumTypeSpec e)
    {
        var name = Names.TypeName(e.Token);
        w.Doc(e.Description);
        w.Line("[EnumType]");
        using (w.Block($"public readonly struct {name} : IEquatable<{name}>"))
        {
            w.Line("private readonly string _value;");
            w.Line();
            using (w.Block($"private {name}(string value)"))
                w.Line("_value = value ?? throw new ArgumentNullException(nameof(value));");
            w.Line();
            foreach (var m in e.Members)
            {
                w.Doc(m.Description);
                w.Line($"public static {name} {m.Name} {{ get; }} = new {name}({Literals.String(m.Value)});");
            }
            w.Lines(
            [
                "",
                $"public static bool operator ==({name} left, {name} right) => left.Equals(right);",
                $"public static bool operator !=({name} left, {name} right) => !left.Equals(right);",
                "",
                $"public static explicit operator string({name} value) => value._value;",
                "",
                "[EditorBrowsable(EditorBrowsableState.Never)]",
                $"public override bool Equals(object? obj) => obj is {name} other && Equals(other);",
                $"public bool Equals({name} other) => string.Equals(_value, other._value, StringComparison.Ordinal);",
                "",
                "[EditorBrowsable(EditorBrowsableState.Never)]",
                "public override int GetHashCode() => _value?.GetHashCode() ?? 0;",
                "",
                "public override string ToString() => _value;",
            ]);
        }
    }
}
