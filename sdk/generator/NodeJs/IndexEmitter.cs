using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// <c>index.ts</c>: re-exports each resource and function lazily (the module is loaded on first use), the enums and
/// the sub-modules, then registers the package with the runtime so it can rebuild resources and providers from
/// references.
/// </summary>
public sealed class IndexEmitter(NodeContext ctx)
{
    public GeneratedFile Emit()
    {
        var p = ctx.Package;
        var content = ctx.Module(".", nestedTypes: false, utilities: true, w =>
        {
            w.Line("// Export members:");
            var members = p.Resources.Select(r => (Module: NodeNames.ModuleFile(Names.TypeName(r.Token)), Write: (Action)(() => ResourceExport(w, Names.TypeName(r.Token), hasState: true))))
                .Concat(p.Functions.Select(f => (Module: NodeNames.ModuleFile(Names.FunctionName(f.Token)), Write: (Action)(() => FunctionExport(w, Names.FunctionName(f.Token))))))
                .Append((Module: NodeNames.ModuleFile("Provider"), Write: () => ResourceExport(w, "Provider", hasState: false)))
                .OrderBy(m => m.Module, StringComparer.Ordinal);
            foreach (var member in members) member.Write();
            if (ctx.HasEnums)
            {
                w.Line();
                w.Line("// Export enums:");
                w.Line("export * from \"./types/enums\";");
            }
            w.Line();
            var subModules = new List<string>();
            if (p.ConfigVariables.Count > 0) subModules.Add("config");
            if (p.ObjectTypes.Count > 0 || ctx.HasEnums) subModules.Add("types");
            SubModules(w, subModules);
            Registration(w);
        });
        return new GeneratedFile("index.ts", content);
    }

    /// <summary>Imports each sub-module folder and re-exports it under its name.</summary>
    public static void SubModules(CodeWriter w, IReadOnlyList<string> modules)
    {
        if (modules.Count == 0) return;
        w.Line("// Export sub-modules:");
        foreach (var m in modules) w.Line($"import * as {m} from \"./{m}\";");
        w.Line();
        using (w.Block("export {", "};"))
            foreach (var m in modules) w.Line($"{m},");
    }

    // The interfaces are re-exported as types; the class value is a placeholder that the lazy load replaces.
    private static void ResourceExport(CodeWriter w, string name, bool hasState)
    {
        var module = TsLiteral.String("./" + Names.Camel(name));
        var interfaces = hasState ? $"{NodeNames.ArgsInterface(name)}, {NodeNames.StateInterface(name)}" : NodeNames.ArgsInterface(name);
        w.Line($"export {{ {interfaces} }} from {module};");
        w.Line($"export type {name} = import({module}).{name};");
        w.Line($"export const {name}: typeof import({module}).{name} = null as any;");
        w.Line($"utilities.lazyLoad(exports, {TsLiteral.StringArray([name])}, () => require({module}));");
        w.Line();
    }

    private static void FunctionExport(CodeWriter w, string name)
    {
        var module = TsLiteral.String("./" + name);
        var output = NodeNames.OutputFunction(name);
        w.Line($"export {{ {NodeNames.FunctionArgs(name)}, {NodeNames.FunctionResult(name)}, {NodeNames.FunctionOutputArgs(name)} }} from {module};");
        w.Line($"export const {name}: typeof import({module}).{name} = null as any;");
        w.Line($"export const {output}: typeof import({module}).{output} = null as any;");
        w.Line($"utilities.lazyLoad(exports, {TsLiteral.StringArray(new[] { name, output }.Order(StringComparer.Ordinal))}, () => require({module}));");
        w.Line();
    }

    private void Registration(CodeWriter w)
    {
        var p = ctx.Package;
        if (p.Resources.Count > 0) ResourceModule(w);
        using (w.Block($"pulumi.runtime.registerResourcePackage({TsLiteral.String(p.Name)}, {{", "});"))
        {
            w.Line("version: utilities.getVersion(),");
            using (w.Block("constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {", "},"))
            {
                using (w.Block($"if (type !== {TsLiteral.String("pulumi:providers:" + p.Name)}) {{"))
                    w.Line("throw new Error(`unknown provider type ${type}`);");
                w.Line("return new Provider(name, <any>undefined, { urn });");
            }
        }
    }

    private void ResourceModule(CodeWriter w)
    {
        var p = ctx.Package;
        w.Line();
        using (w.Block("const _module = {", "};"))
        {
            w.Line("version: utilities.getVersion(),");
            using (w.Block("construct: (name: string, type: string, urn: string): pulumi.Resource => {", "},"))
            {
                using (w.Block("switch (type) {"))
                {
                    foreach (var r in p.Resources)
                    {
                        w.Line($"case {TsLiteral.String(r.Token)}:");
                        w.Line($"    return new {Names.TypeName(r.Token)}(name, <any>undefined, {{ urn }})");
                    }
                    w.Line("default:");
                    w.Line("    throw new Error(`unknown resource type ${type}`);");
                }
            }
        }
        // Every token is in the package's index module (the loader refuses others), whose runtime name is "index".
        w.Line($"pulumi.runtime.registerResourceModule({TsLiteral.String(p.Name)}, \"index\", _module)");
    }
}
