using ConfluentFlink.Schema;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// C# as users write it compiles against the generated SDK and the Pulumi 3.x API as declared in
/// tests/PulumiApiReference (the Pulumi packages are not served here): the SDK itself, a program, every C# example
/// and the schema's C# example.
/// </summary>
public partial class CompileTests
{
    private const string UserProgram = """
        using Pulumi;
        using Pulumi.ConfluentFlink;

        static class UsesTheSdk
        {
            public static Output<int> Build()
            {
                var byConstant = new FlinkConnection("mcp", new FlinkConnectionArgs
                {
                    Type = ConnectionType.McpServer,
                    TransportType = TransportType.StreamableHttp,
                    Endpoint = "https://mcp.example.com/mcp",
                    BearerToken = Output.CreateSecret("token"),
                });
                var byString = new FlinkConnection("rest", new FlinkConnectionArgs { Type = "MCP_SERVER", Endpoint = "https://mcp.example.com/sse" });
                var lookup = GetFlinkConnection.Invoke(new GetFlinkConnectionInvokeArgs { DisplayName = byConstant.DisplayName },
                    new InvokeOutputOptions { DependsOn = { byConstant, byString } });
                var mongo = GetFlinkConnections.Invoke(new GetFlinkConnectionsInvokeArgs { Type = ConnectionType.MongoDB });
                var typeLength = lookup.Apply(found => found.Type.Length);
                return mongo.Apply(found => found.Connections.Length);
            }
        }
        """;

    [Test]
    public void TheSdkCompilesWithoutErrorsOrWarnings()
    {
        // A nullability slip or a call to an obsolete Pulumi API (CS0618) is a defect in generated code.
        var problems = RoslynCompile.Check(RoslynCompile.SdkSources()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.That(problems, Is.Empty, RoslynCompile.Describe(problems));
    }

    /// <summary>The program as written, and with a type that is neither a string nor a <c>ConnectionType</c> (refused by the compiler).</summary>
    [TestCase(null, null)]
    [TestCase("Type = \"MCP_SERVER\",", "Type = 42,", "CS0029")]
    public void AProgramSetsTheTypeAsAConstantOrItsStringAndWaitsForResourcesInAnInvoke(string? from, string? to, params string[] errors) =>
        Assert.That(Errors(from is null ? UserProgram : UserProgram.Replace(from, to, StringComparison.Ordinal), OutputKind.DynamicallyLinkedLibrary).Select(e => e.Id),
            Is.EqualTo(errors));

    public static IEnumerable<string> Examples() =>
        Directory.EnumerateDirectories(Path.Combine(RepoPaths.RepoRoot, "examples")).Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Examples))]
    public void EveryCSharpExampleCompilesWithoutErrorsOrWarnings(string example)
    {
        var folder = Path.Combine(RepoPaths.RepoRoot, "examples", example);
        var project = File.ReadAllText(Directory.EnumerateFiles(folder, "*.csproj").Single());
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"));
        var inputs = sources.Concat(RoslynCompile.SdkSources()).Concat(RoslynCompile.PulumiApiReferenceFiles(automation: project.Contains("Pulumi.Automation")));
        if (project.Contains("<ImplicitUsings>enable</ImplicitUsings>"))
            inputs = inputs.Append(Path.Combine(RepoPaths.RepoRoot, "tests", "Sdk.Tests", "CompileInputs", "ImplicitUsings.cs"));

        var problems = RoslynCompile.Check(inputs, OutputKind.ConsoleApplication)
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.StartsWith(folder) == true))
            .ToList();
        Assert.That(problems, Is.Empty, RoslynCompile.Describe(problems));
    }

    [Test]
    public void TheCSharpExamplesOfTheSchemaAndTheDocsCompile()
    {
        var snippets = PackageSpec.Embedded.Resources.Select(r => r.Description ?? "")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "docs"), "*.md").Select(File.ReadAllText))
            .SelectMany(d => CSharpFence().Matches(d).Select(m => m.Groups["code"].Value)).ToList();
        Assert.That(snippets, Is.Not.Empty);
        foreach (var snippet in snippets)
            Assert.That(Errors(snippet, OutputKind.ConsoleApplication), Is.Empty, snippet);
    }

    private static List<Diagnostic> Errors(string source, OutputKind kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"program-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, source);
        try
        {
            var inputs = RoslynCompile.SdkSources().Append(path);
            if (kind == OutputKind.ConsoleApplication)
                inputs = inputs.Append(Path.Combine(RepoPaths.RepoRoot, "tests", "Sdk.Tests", "CompileInputs", "ImplicitUsings.cs"));
            return RoslynCompile.Check(inputs, kind).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpFence();
}
