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
    public void There_is_one_example_per_way_a_CSharp_user_arrives()
    {
        Assert.That(Examples(), Is.EquivalentTo(new[] { "automation", "csharp-per-resource", "csharp-provider-config" }));
    }

    [TestCaseSource(nameof(Examples))]
    public void Compiles_against_the_generated_sdk_and_the_pulumi_api_with_no_error(string name)
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
    public void Sets_only_schema_inputs_every_required_one_and_secrets_from_secret_config(string name)
    {
        var scan = ScanExample(name);

        var findings = scan.Findings.Concat(scan.Objects.SelectMany(o => SchemaConformance.Check(o, Schema))).ToList();
        Assert.That(scan.Objects.Where(o => o.Shape.Name.EndsWith(":FlinkConnection", StringComparison.Ordinal)), Is.Not.Empty,
            "the scan found no FlinkConnection args: it cannot have checked anything");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void The_provider_config_example_leaves_every_flink_setting_to_the_provider()
    {
        Assert.That(ConnectionPropertiesSet("csharp-provider-config"), Has.None.AnyOf(PerResourceSettings));
    }

    [Test]
    public void The_per_resource_example_sets_every_flink_setting_on_the_resource()
    {
        Assert.That(ConnectionPropertiesSet("csharp-per-resource"), Is.SupersetOf(PerResourceSettings));
    }

    [TestCaseSource(nameof(Examples))]
    public void Project_references_pulumi_3_and_the_sdk_from_source(string name)
    {
        var example = new CSharpExample(name);
        var sdkProject = Path.Combine(RepoPaths.GeneratedSdk, "Pulumi.ConfluentFlink.csproj");

        Assert.That(example.PackageReferences.GetValueOrDefault("Pulumi"), Does.StartWith("3."));
        Assert.That(example.ProjectReferences, Is.EqualTo(new[] { sdkProject }));
        Assert.That(File.Exists(sdkProject), Is.True, $"{sdkProject} is missing");
    }

    [Test]
    public void Example_projects_stay_out_of_the_solution_because_they_cannot_restore_here()
    {
        var solution = File.ReadAllText(Path.Combine(RepoPaths.Root, "ConfluentFlink.Pulumi.sln"));
        var projectFiles = Examples().Select(n => Path.GetFileName(new CSharpExample(n).ProjectFile));

        Assert.That(projectFiles.Where(solution.Contains), Is.Empty);
    }

    internal static CSharpProgramScan ScanExample(string name)
    {
        var example = new CSharpExample(name);
        var trees = example.Sources
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), RoslynCompile.ParseOptions, path: f))
            .ToList();
        return CSharpProgramScan.Scan(trees, Schema, RepoPaths.Root);
    }

    private static IEnumerable<string> ConnectionPropertiesSet(string name) =>
        ScanExample(name).Objects
            .Where(o => o.Shape.Name.EndsWith(":FlinkConnection", StringComparison.Ordinal))
            .SelectMany(o => o.Properties.Select(p => p.Name))
            .Distinct();
}
