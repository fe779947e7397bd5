using ConfluentFlink.Examples.Tests.SchemaRules;
using ConfluentFlink.Examples.Tests.TypeScript;
using ConfluentFlink.Examples.Tests.Yaml;
using System.Text.Json;
using static ConfluentFlink.Examples.Tests.SchemaFixture;

namespace ConfluentFlink.Examples.Tests;

/// <summary>The examples in languages that reach the provider through the schema alone.</summary>
public class YamlAndTypeScriptExampleTests
{
    private static string YamlProgram => Path.Combine(ExampleLayout.Examples, "yaml", "Pulumi.yaml");

    private static string TypeScriptFolder => Path.Combine(ExampleLayout.Examples, "typescript");

    [Test]
    public void TheYamlProgramSetsOnlySchemaInputsEveryRequiredOneAndSecretsFromSecretConfig()
    {
        var scan = YamlProgramScan.Scan(File.ReadAllText(YamlProgram), ExampleLayout.Relative(YamlProgram), Schema);

        var findings = scan.Findings.Concat(scan.Objects.SelectMany(o => SchemaConformance.Check(o, Schema))).ToList();
        Assert.That(scan.Objects, Is.Not.Empty, "no confluentflink resource found: nothing was checked");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void TheTypescriptProgramSetsOnlySchemaInputsEveryRequiredOneAndSecretsFromSecretConfig()
    {
        var file = Path.Combine(TypeScriptFolder, "index.ts");
        var scan = TypeScriptProgramScan.Scan(File.ReadAllText(file), ExampleLayout.Relative(file), Schema);

        var findings = scan.Objects.SelectMany(o => SchemaConformance.Check(o, Schema)).ToList();
        Assert.That(scan.Objects, Is.Not.Empty, "no FlinkConnection found: nothing was checked");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void TheTypescriptProgramImportsThePackageNameTheSchemaGivesNode()
    {
        var packageName = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile)).RootElement
            .GetProperty("language").GetProperty("nodejs").GetProperty("packageName").GetString();

        Assert.That(File.ReadAllText(Path.Combine(TypeScriptFolder, "index.ts")), Does.Contain($"from \"{packageName}\""));
    }

    [Test]
    public void TheTypescriptProjectDependsOnPulumi3AndCompilesIndexTs()
    {
        var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(TypeScriptFolder, "package.json"))).RootElement;
        var tsconfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(TypeScriptFolder, "tsconfig.json"))).RootElement;

        Assert.That(package.GetProperty("dependencies").GetProperty("@pulumi/pulumi").GetString(), Does.StartWith("^3."));
        Assert.That(tsconfig.GetProperty("files").EnumerateArray().Select(f => f.GetString()), Does.Contain("index.ts"));
    }

    [TestCase("csharp-provider-config", "dotnet")]
    [TestCase("csharp-per-resource", "dotnet")]
    [TestCase("yaml", "yaml")]
    [TestCase("typescript", "nodejs")]
    public void EachPulumiProjectDeclaresItsRuntime(string example, string runtime)
    {
        var project = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(
            File.ReadAllText(Path.Combine(ExampleLayout.Examples, example, "Pulumi.yaml")));

        Assert.That(project["runtime"], Is.EqualTo(runtime));
        Assert.That(project["name"], Is.Not.Empty);
    }
}
