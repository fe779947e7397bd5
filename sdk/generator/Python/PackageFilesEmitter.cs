using System.Text;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// The non-code files of the Python SDK: <c>pyproject.toml</c> (what Pulumi's codegen writes with <c>pyproject.enabled</c>),
/// the README it names, the plugin manifest and <c>py.typed</c> inside the package, and the git files.
/// </summary>
public sealed class PackageFilesEmitter(PyContext ctx)
{
    // What Pulumi's codegen asks for when the schema names no minimum Python.
    private const string DefaultPythonRequires = ">=3.9";
    // Pulumi's codegen requires these besides the schema's `requires`: the version translation in _utilities.py
    // needs semver and parver, and the TypedDicts' NotRequired comes from typing_extensions before Python 3.11.
    private static readonly string[] ImplicitRequirements = ["semver>=2.8.1", "parver>=0.2.1"];
    private const string TypingExtensions = ">=4.11,<5; python_version < \"3.11\"";

    public IEnumerable<GeneratedFile> EmitAll()
    {
        var p = ctx.Package;
        if (!p.Python.PyProject)
            throw new SchemaException("language.python.pyproject.enabled is false: this generator writes pyproject.toml, not setup.py");
        yield return new GeneratedFile("pyproject.toml", PyProject());
        yield return new GeneratedFile("README.md", Readme());
        yield return new GeneratedFile($"{ctx.PackageName}/pulumi-plugin.json", PluginManifest.Json(PluginManifest.For(p), indentSize: 2));
        yield return new GeneratedFile($"{ctx.PackageName}/py.typed", "");
        yield return new GeneratedFile(".gitignore", string.Join("", SdkWriter.PythonBuildOutput.Select(o => o + "\n")));
        yield return new GeneratedFile(".gitattributes", "* linguist-generated\n");
    }

    /// <summary>
    /// The dependencies in Pulumi's order: names sorted, each with its constraint. The schema's version is used only
    /// with <c>respectSchemaVersion</c>, as in Pulumi's codegen (else <c>0.0.0</c>, to be replaced when publishing).
    /// </summary>
    private string PyProject()
    {
        var p = ctx.Package;
        var requires = new Dictionary<string, string>(p.Python.Requires) { ["typing-extensions"] = TypingExtensions };
        var dependencies = requires.Keys.Concat(ImplicitRequirements).Order(StringComparer.Ordinal)
            .Select(name => name + requires.GetValueOrDefault(name, ""))
            .ToList();
        if (!requires.ContainsKey("pulumi"))
            throw new SchemaException("language.python.requires names no `pulumi` version");
        var version = p.Python.RespectSchemaVersion ? PypiVersion.From(p.Version) : "0.0.0";

        var toml = new StringBuilder();
        void Line(string line) => toml.Append(line).Append('\n');
        Line("[project]");
        Line($"  name = {Toml(ctx.PackageName)}");
        if (p.Description is { } description) Line($"  description = {Toml(description.Split('\n')[0])}");
        Line($"  dependencies = {Toml(dependencies)}");
        if (p.Keywords.Count > 0) Line($"  keywords = {Toml(p.Keywords)}");
        Line("  readme = \"README.md\"");
        Line($"  requires-python = {Toml(DefaultPythonRequires)}");
        Line($"  version = {Toml(version)}");
        if (p.License is { } license)
        {
            Line("  [project.license]");
            Line($"    text = {Toml(license)}");
        }
        var urls = new[] { ("Homepage", p.Homepage), ("Repository", p.Repository) }.Where(u => u.Item2 is not null).ToList();
        if (urls.Count > 0)
        {
            Line("  [project.urls]");
            foreach (var (key, url) in urls) Line($"    {key} = {Toml(url!)}");
        }
        Line("");
        Line("[build-system]");
        Line("  requires = [\"setuptools>=61.0\"]");
        Line("  build-backend = \"setuptools.build_meta\"");
        Line("");
        Line("[tool]");
        Line("  [tool.setuptools]");
        Line("    [tool.setuptools.package-data]");
        // Without these, a built package would lack the plugin manifest that names the resource plugin and its server.
        // Unlike Pulumi's, the config stubs are listed too: setuptools before 69 leaves .pyi files out.
        string[] packageData = p.ConfigVariables.Count > 0 ? ["py.typed", "pulumi-plugin.json", $"{ConfigEmitter.Module}/*.pyi"] : ["py.typed", "pulumi-plugin.json"];
        Line($"      {ctx.PackageName} = {Toml(packageData)}");
        return toml.ToString();
    }

    private static string Toml(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Toml(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Toml)) + "]";

    private string Readme()
    {
        var p = ctx.Package;
        var example = p.Resources.Select(r => ExampleFilter.FirstSnippet(r.Description, ExampleFilter.Python)).FirstOrDefault(s => s is not null);
        var exampleSection = example is null ? "" : $"## Example\n\n```python\n{example}\n```\n\n";
        var contents = p.Resources.Select(r => PyNames.Class(r.Token))
            .Select(n => $"`{n}` (with `{PyNames.ArgsClass(n)}`)")
            .Concat(p.Functions.Select(f => PyNames.Module(f.Token)).Select(n => $"`{n}` and `{PyNames.OutputFunction(n)}`"))
            .Concat(["`Provider` (with `ProviderArgs`)", "`config`"])
            .Concat(p.EnumTypes.Select(e => $"`{Names.TypeName(e.Token)}`"));
        var version = PypiVersion.From(p.Version);
        return $"""
            # {ctx.PackageName}

            {p.Description}

            The Python SDK of the `{p.Name}` Pulumi package, generated from the package's `schema.json` by
            `ConfluentFlink.SdkGen` (`make sdk`). Do not edit these files by hand.

            ## Install

            ```sh
            pip install {ctx.PackageName}=={version}
            ```

            or, from a wheel built by `release/python-package.sh`, `pip install {ctx.PackageName}-{version}-py3-none-any.whl`.
            It needs the `pulumi` package ({string.Join(", ", p.Python.Requires.Select(r => $"`{r.Key}{r.Value}`"))}), which pip installs with it.

            {PluginInstallNote.Text(p)}

            {exampleSection}## Contents

            Package `{ctx.PackageName}`: {string.Join(", ", contents)}; input classes (`...Args`, and the
            `...ArgsDict` dictionaries they may be given as) at the package's top level, output classes in `outputs`.

            """.Replace("\r\n", "\n");
    }
}
