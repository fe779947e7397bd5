using Microsoft.CodeAnalysis;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// The generated SDK compiles against the Pulumi 3.x API as declared in tests/PulumiApiReference (the Pulumi package
/// itself is not available here), and so does the C# example in the schema.
/// </summary>
public class SdkCompileTests
{
    // Warnings count too: a nullability slip or a call to an [Obsolete] Pulumi API (CS0618) is a defect in generated code.
    [Test]
    public void GeneratedSdkCompilesWithoutErrorsOrWarnings()
    {
        var problems = RoslynCompile.Check(SdkPaths.GeneratedSdkSources())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

        Assert.That(problems, Is.Empty, RoslynCompile.Describe(problems));
    }

    [Test]
    public void SchemaCSharpExampleCompilesAgainstTheGeneratedSdk()
    {
        var example = SchemaExamples.CSharpSnippets().First();
        var path = Path.Combine(Path.GetTempPath(), $"schema-example-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, example);
        try
        {
            var errors = RoslynCompile.Check(SdkPaths.GeneratedSdkSources().Append(path), OutputKind.ConsoleApplication)
                .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

            Assert.That(errors, Is.Empty, RoslynCompile.Describe(errors) + "\n" + example);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A user program: the type as a ConnectionType constant or as its string value, and an output invoke that waits for
    // resources (InvokeOutputOptions.DependsOn).
    private const string UserProgram = """
        using Pulumi;
        using Pulumi.ConfluentFlink;

        static class UsesTheSdk
        {
            public static Output<string> Build()
            {
                var byConstant = new FlinkConnection("mcp", new FlinkConnectionArgs
                {
                    Type = ConnectionType.McpServer,
                    TransportType = TransportType.StreamableHttp,
                    Endpoint = "https://mcp.example.com/mcp",
                    BearerToken = Output.CreateSecret("token"),
                });
                var byString = new FlinkConnection("rest", new FlinkConnectionArgs
                {
                    Type = "MCP_SERVER",
                    TransportType = "SSE",
                    Endpoint = "https://mcp.example.com/sse",
                });
                var lookup = GetFlinkConnection.Invoke(
                    new GetFlinkConnectionInvokeArgs { DisplayName = byConstant.DisplayName },
                    new InvokeOutputOptions { DependsOn = { byConstant, byString } });
                return lookup.Apply(r => r.Type);
            }
        }
        """;

    [Test]
    public void UserProgramSetsTheTypeAsConstantOrStringAndWaitsForResourcesInAnInvoke()
    {
        var errors = CompileWithSdk(UserProgram);

        Assert.That(errors, Is.Empty, RoslynCompile.Describe(errors));
    }

    [Test]
    public void TypeRejectsAValueThatIsNeitherAStringNorAConnectionType()
    {
        var errors = CompileWithSdk(UserProgram.Replace("Type = \"MCP_SERVER\",", "Type = 42,", StringComparison.Ordinal));

        Assert.That(errors.Select(e => e.Id), Does.Contain("CS0029"));
    }

    private static List<Diagnostic> CompileWithSdk(string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"user-program-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, source);
        try
        {
            return RoslynCompile.Check(SdkPaths.GeneratedSdkSources().Append(path))
                .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void CompileCheckReportsUseOfAMissingApi()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-api-{Guid.NewGuid():N}.cs");
        File.WriteAllText(path, "class UsesMissing { object M() => Pulumi.Output.NoSuchMethod(1); }");
        try
        {
            var errors = RoslynCompile.Check([path]).Where(d => d.Severity == DiagnosticSeverity.Error);

            Assert.That(errors.Select(e => e.Id), Does.Contain("CS0117"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
