using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// The package's <c>__init__.py</c>: every module's public names re-exported, the input classes, the <c>outputs</c>
/// and (lazily) <c>config</c> modules, then the registration that lets the runtime rebuild resources and providers
/// from references, with the resource classes and the provider of the package as JSON, as Pulumi's codegen writes them.
/// </summary>
public sealed class InitEmitter(PyContext ctx)
{
    /// <param name="modules">The package's modules whose names it re-exports (<c>_enums</c>, resources, functions, <c>provider</c>).</param>
    /// <param name="typeModules">The modules of object types that were generated (<c>_inputs</c>, <c>outputs</c>).</param>
    public GeneratedFile Emit(IEnumerable<string> modules, IReadOnlyCollection<string> typeModules)
    {
        var p = ctx.Package;
        var w = PyFile.Plain();
        w.Line("from . import _utilities");
        w.Line("import typing");
        w.Line("# Export this package's modules as members:");
        foreach (var module in modules.Order(StringComparer.Ordinal)) w.Line($"from .{module} import *");
        if (typeModules.Contains(ObjectTypesEmitter.InputsModule)) w.Line(PyContext.InputsImport);
        if (typeModules.Contains(ObjectTypesEmitter.OutputsModule)) w.Line(PyContext.OutputsImport);
        if (p.ConfigVariables.Count > 0)
        {
            w.Lines(
            [
                "",
                "# Make subpackages available:",
                "if typing.TYPE_CHECKING:",
                $"    import {ctx.PackageName}.{ConfigEmitter.Module} as __{ConfigEmitter.Module}",
                $"    {ConfigEmitter.Module} = __{ConfigEmitter.Module}",
                "else:",
                $"    {ConfigEmitter.Module} = _utilities.lazy_import('{ctx.PackageName}.{ConfigEmitter.Module}')",
                "",
            ]);
        }
        if (p.Resources.Count > 0) Registration(w);
        return new GeneratedFile($"{ctx.PackageName}/__init__.py", w.ToString());
    }

    private void Registration(CodeWriter w)
    {
        var p = ctx.Package;
        // Every token is in the package's index module (the loader refuses others), whose runtime name is "index".
        var modules = new JsonArray(new JsonObject
        {
            ["pkg"] = p.Name,
            ["mod"] = "index",
            ["fqn"] = ctx.PackageName,
            ["classes"] = new JsonObject(p.Resources.Select(r => KeyValuePair.Create(r.Token, (JsonNode?)PyNames.Class(r.Token)))),
        });
        var packages = new JsonArray(new JsonObject
        {
            ["pkg"] = p.Name,
            ["token"] = $"pulumi:providers:{p.Name}",
            ["fqn"] = ctx.PackageName,
            ["class"] = "Provider",
        });
        w.Line("_utilities.register(");
        w.Line($"    resource_modules=\"\"\"\n{Json(modules)}\n\"\"\",");
        w.Line($"    resource_packages=\"\"\"\n{Json(packages)}\n\"\"\"");
        w.Line(")");
    }

    // Go's json.MarshalIndent with a one-space indent, as Pulumi's codegen writes these literals.
    private static string Json(JsonNode node) => PluginManifest.Json(node, indentSize: 1).TrimEnd('\n');
}
