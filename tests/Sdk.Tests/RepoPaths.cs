namespace ConfluentFlink.Sdk.Tests;

/// <summary>Where the SDK tests find the schema, the generated SDK and the Pulumi API declarations.</summary>
public static class RepoPaths
{
    public static string Root => ConfluentFlink.Harness.RepoPaths.RepoRoot;

    public static string Schema => Path.Combine(Root, "schema.json");
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
}
