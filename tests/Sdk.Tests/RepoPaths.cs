namespace ConfluentFlink.Sdk.Tests;

/// <summary>Locations in the repository, found from the test assembly so tests run from any working directory and in a fresh clone.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "ConfluentFlink.Pulumi.sln";

    public static string Root { get; } = FindRoot();

    /// <summary><c>&lt;repo root&gt;/../shared</c>: read-only reference material laid beside the clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Schema => Path.Combine(Root, "schema.json");
    public static string MetaSchema => Path.Combine(Shared, "reference", "pulumi", "package-metaschema.json");
    public static string GeneratedSdk => Path.Combine(Root, "sdk", "dotnet");
    public static string PulumiApiReference => Path.Combine(Root, "tests", "PulumiApiReference");

    /// <summary>Every C# source of the generated SDK, in a stable order.</summary>
    public static IReadOnlyList<string> GeneratedSdkSources() =>
        Directory.EnumerateFiles(GeneratedSdk, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool IsBuildOutput(string path)
    {
        var first = Path.GetRelativePath(GeneratedSdk, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
