using ConfluentFlink.Examples.Tests.CSharp;
using ConfluentFlink.Examples.Tests.SchemaRules;
using ConfluentFlink.Sdk.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static ConfluentFlink.Examples.Tests.SchemaFixture;

namespace ConfluentFlink.Examples.Tests;

/// <summary>The C# examples, checked offline: they cannot be restored here (no Pulumi package), so they are compiled with Roslyn.</summary>
public class CSharpExampleTests
{
    private static readonly string[] PerResourceSettings = ["organization", "environment", "computePool", "principal", "restEndpoint", "credentials"];

    public static IEnumerable<string> Examples() => ExampleLayout.CSharpExampleNames();

    [Test]
    public void ThereIsOneExamplePerWayACSharpUserArrives()
    {
        Assert.That(Examples(), Is.EquivalentTo(new[] { "automation", "csharp-per-resource", "csharp-provider-config" }));
    }

    [TestCaseSource(nameof(Examples))]
    public void CompilesAgainstTheGeneratedSdkAndThePulumiApiWithNoError(string name)
    {
        var example = new CSharpExample(name);
        var diagnostics = RoslynCompile.Check(example.CompileInputs(), OutputKind.ConsoleApplication);

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        // Warnings in the SDK are the SDK checks' business; the example's own code must be clean, nullability included.
        var exampleWarnings = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.StartsWith(example.Folder, StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(errors, Is.Empty, RoslynCompile.Describe(errors));
        Assert.That(exampleWarnings, Is.Empty, RoslynCompile.Describe(exampleWarnings));
    }

    [TestCaseSource(nameof(Examples))]
    public void SetsOnlySchemaInputsEveryRequiredOneAndSecretsFromSecretConfig(string name)
    {
        var scan = ScanExample(name);

        var findings = scan.Findings.Concat(scan.Objects.SelectMany(o => SchemaConformance.Check(o, Schema))).ToList();
        Assert.That(scan.Objects.Where(o => o.Shape.Name.EndsWith(":FlinkConnection", StringComparison.Ordinal)), Is.Not.Empty,
            "the scan found no FlinkConnection args: it cannot have checked anything");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void TheProviderConfigExampleLeavesEveryFlinkSettingToTheProvider()
    {
        Assert.That(ConnectionPropertiesSet("csharp-provider-config"), Has.None.AnyOf(PerResourceSettings));
    }

    [Test]
    public void ThePerResourceExampleSetsEveryFlinkSettingOnTheResource()
    {
        Assert.That(ConnectionPropertiesSet("csharp-per-resource"), Is.SupersetOf(PerResourceSettings));
    }

    [TestCaseSource(nameof(Examples))]
    public void ProjectReferencesPulumi3AndTheSdkFromSource(string name)
    {
        var example = new CSharpExample(name);
        var sdkProject = Path.Combine(SdkPaths.GeneratedSdk, "Pulumi.ConfluentFlink.csproj");

        Assert.That(example.PackageReferences.GetValueOrDefault("Pulumi"), Does.StartWith("3."));
        Assert.That(example.ProjectReferences, Is.EqualTo(new[] { sdkProject }));
        Assert.That(File.Exists(sdkProject), Is.True, $"{sdkProject} is missing");
    }

    [Test]
    public void ExampleProjectsStayOutOfTheSolutionBecauseTheyCannotRestoreHere()
    {
        var solution = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "ConfluentFlink.Pulumi.sln"));
        var projectFiles = Examples().Select(n => Path.GetFileName(new CSharpExample(n).ProjectFile));

        Assert.That(projectFiles.Where(solution.Contains), Is.Empty);
    }

    internal static CSharpProgramScan ScanExample(string name)
    {
        var example = new CSharpExample(name);
        var trees = example.Sources
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), RoslynCompile.ParseOptions, path: f))
            .ToList();
        return CSharpProgramScan.Scan(trees, Schema, RepoPaths.RepoRoot);
    }

    private static IEnumerable<string> ConnectionPropertiesSet(string name) =>
        ScanExample(name).Objects
            .Where(o => o.Shape.Name.EndsWith(":FlinkConnection", StringComparison.Ordinal))
            .SelectMany(o => o.Properties.Select(p => p.Name))
            .Distinct();
}
