using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// <c>config/vars.ts</c>: each stack config key of the package as an exported getter (read when used), falling back to
/// its environment variables and schema default; and <c>config/index.ts</c>, which re-exports them.
/// </summary>
public sealed class ConfigEmitter(NodeContext ctx)
{
    public IEnumerable<GeneratedFile> EmitAll()
    {
        var variables = ctx.Package.ConfigVariables;
        if (variables.Count == 0) yield break;
        yield return new GeneratedFile("config/vars.ts", ctx.Module("..", ctx.Types.ReferencesNestedTypes(variables), utilities: true, w =>
        {
            w.Line("declare var exports: any;");
            w.Line($"const __config = new pulumi.Config({TsLiteral.String(ctx.Package.Name)});");
            w.Line();
            foreach (var p in variables) Variable(w, p);
        }));
        yield return new GeneratedFile("config/index.ts", TsFile.Plain(null, w =>
        {
            w.Line("// Export members:");
            w.Line("export * from \"./vars\";");
        }));
    }

    private void Variable(CodeWriter w, PropertySpec p)
    {
        // Only a string is read as it is; anything else is parsed from its JSON text.
        var read = p.Type.Primitive == "string"
            ? $"__config.get({TsLiteral.String(p.WireName)})"
            : $"__config.getObject<{ctx.Types.Element(p.Type, TsShape.Output)}>({TsLiteral.String(p.WireName)})";
        if (Defaults.Expression(p) is { } fallback) read += $" ?? {fallback}";
        // A schema default makes the value always present; an environment default may still be missing.
        var declared = p with { Required = p.Default is not null };
        w.Doc(p.Description);
        w.Line($"export declare const {p.WireName}: {ctx.Types.Value(declared, TsShape.Output)};");
        using (w.Block($"Object.defineProperty(exports, {TsLiteral.String(p.WireName)}, {{", "});"))
        {
            using (w.Block("get() {", "},")) w.Line($"return {read};");
            w.Line("enumerable: true,");
        }
        w.Line();
    }
}
