using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// Compiles C# files written for Pulumi without the Pulumi package: against the reference declarations in
/// tests/PulumiApiReference (Pulumi 3.x signatures) and the running runtime's framework assemblies.
/// Reusable for any code that targets the generated SDK (pass the SDK sources along with it).
/// </summary>
public static class RoslynCompile
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    // Doc comments are parsed as the compiler does for a documentation file, so malformed XML in one is a warning.
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>All diagnostics (errors and warnings) of compiling <paramref name="sourceFiles"/> plus the Pulumi reference declarations.</summary>
    /// <param name="outputKind">A console application for top-level programs such as examples; a library otherwise.</param>
    public static IReadOnlyList<Diagnostic> Check(IEnumerable<string> sourceFiles, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var files = sourceFiles.ToList();
        files.AddRange(PulumiApiReferenceFiles().Where(f => !files.Contains(f)));
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: f));
        var compilation = CSharpCompilation.Create(
            "RoslynCompileCheck",
            trees,
            FrameworkReferences.Value,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions([KeyValuePair.Create("CS1591", ReportDiagnostic.Suppress)])); // an undocumented member is no defect
        return compilation.GetDiagnostics();
    }

    /// <summary>The declarations of Pulumi's API that programs compile against; Pulumi.Automation's only when <paramref name="automation"/>.</summary>
    public static IReadOnlyList<string> PulumiApiReferenceFiles(bool automation = false) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "tests", "PulumiApiReference"), "*.cs", automation ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The generated C# SDK's sources.</summary>
    public static IReadOnlyList<string> SdkSources() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.RepoRoot, "sdk", "dotnet"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !ConfluentFlink.SdkGen.SdkWriter.IsBuildOutput(Path.GetRelativePath(Path.Combine(RepoPaths.RepoRoot, "sdk", "dotnet"), f)))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Readable one-line-per-diagnostic text for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));

    // The trusted platform assemblies include this test's own dependencies (NUnit, Roslyn...); the compiled code may
    // only see the framework, so keep those in the runtime's own folder.
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. trusted
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDir, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
