using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>The non-code files of the TypeScript SDK: <c>package.json</c>, <c>tsconfig.json</c>, README and git files.</summary>
public sealed class PackageFilesEmitter(NodeContext ctx)
{
    // What Pulumi's nodejs codegen asks for when the schema names no TypeScript version or @pulumi/pulumi dependency.
    private const string DefaultTypeScript = "^4.7.0";
    private const string DefaultNodeTypes = "^20";
    private const string DefaultPulumi = "^3.142.0";

    /// <param name="sourceFiles">Every generated <c>.ts</c> file, which <c>tsconfig.json</c> lists.</param>
    public IEnumerable<GeneratedFile> EmitAll(IEnumerable<string> sourceFiles)
    {
        yield return new GeneratedFile("package.json", PluginManifest.Json(Package(), indentSize: 4));
        yield return new GeneratedFile("tsconfig.json", TsConfig(sourceFiles));
        yield return new GeneratedFile("README.md", Readme());
        yield return new GeneratedFile(".gitignore", "node_modules/\nbin/\n");
        yield return new GeneratedFile(".gitattributes", "* linguist-generated\n");
    }

    /// <summary>In the key order of Pulumi's <c>npmPackage</c>; the <c>pulumi</c> section is the plugin manifest.</summary>
    private JsonObject Package()
    {
        var p = ctx.Package;
        var node = p.NodeJs;
        var package = new JsonObject { ["name"] = node.PackageName, ["version"] = p.Version };
        if (node.PackageDescription is { } description) package["description"] = description;
        if (p.Keywords.Count > 0) package["keywords"] = new JsonArray(p.Keywords.Select(k => (JsonNode)k!).ToArray());
        if (p.Homepage is { } homepage) package["homepage"] = homepage;
        if (p.Repository is { } repository) package["repository"] = repository;
        if (p.License is { } license) package["license"] = license;
        package["scripts"] = new JsonObject { ["build"] = "tsc" };
        var dependencies = new SortedDictionary<string, string>(node.Dependencies.ToDictionary(), StringComparer.Ordinal);
        dependencies.TryAdd("@pulumi/pulumi", DefaultPulumi);
        var devDependencies = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["@types/node"] = DefaultNodeTypes,
            ["typescript"] = node.TypeScriptVersion ?? DefaultTypeScript,
        };
        foreach (var (name, version) in node.DevDependencies) devDependencies[name] = version;
        package["dependencies"] = Object(dependencies);
        package["devDependencies"] = Object(devDependencies);
        package["pulumi"] = PluginManifest.For(p);
        return package;
    }

    private static JsonObject Object(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value)));

    private static string TsConfig(IEnumerable<string> sourceFiles)
    {
        var files = sourceFiles.Order(StringComparer.Ordinal).Select(f => $"        {TsLiteral.String(f)}").ToList();
        return $$"""
            {
                "compilerOptions": {
                    // Output
                    "outDir": "bin",
                    "declaration": true,
                    "declarationMap": true,
                    "sourceMap": true,
                    "stripInternal": true,
                    // Environment
                    "target": "ES2022",
                    "module": "nodenext",
                    "moduleResolution": "nodenext",
                    "moduleDetection": "force",
                    "types": ["node"],
                    // Type Checking
                    "strict": true,
                    "noFallthroughCasesInSwitch": true,
                    "noImplicitReturns": true,
                    "skipLibCheck": true
                },
                "files": [
            {{string.Join(",\n", files)}}
                ]
            }

            """.Replace("\r\n", "\n");
    }

    private string Readme()
    {
        var p = ctx.Package;
        var packageName = p.NodeJs.PackageName;
        var example = p.Resources.Select(r => ExampleFilter.FirstSnippet(r.Description, ExampleFilter.TypeScript)).FirstOrDefault(s => s is not null);
        var exampleSection = example is null ? "" : $"## Example\n\n```typescript\n{example}\n```\n\n";
        var contents = p.Resources.Select(r => Names.TypeName(r.Token))
            .Select(n => $"`{n}` (with `{NodeNames.ArgsInterface(n)}`, `{NodeNames.StateInterface(n)}`)")
            .Concat(p.Functions.Select(f => Names.FunctionName(f.Token)).Select(n => $"`{n}` and `{NodeNames.OutputFunction(n)}`"))
            .Concat(["`Provider` (with `ProviderArgs`)", "`config`"])
            .Concat(p.EnumTypes.Select(e => $"`{Names.TypeName(e.Token)}`"));
        return $"""
            # {packageName}

            {p.Description}

            The TypeScript SDK of the `{p.Name}` Pulumi package, generated from the package's `schema.json` by
            `ConfluentFlink.SdkGen` (`make sdk`). Do not edit these files by hand.

            ## Build and use

            The package is TypeScript source. `npm install && npm run build` compiles it to `bin/`; copy `package.json` and
            this README there (`cp package.json README.md bin/`), and `bin/` is the package a program depends on
            (`npm install <path>/bin`).

            {PluginInstallNote.Text(p)}

            {exampleSection}## Contents

            {string.Join(", ", contents)}; object types in `types.input` and `types.output`.

            """.Replace("\r\n", "\n");
    }
}
