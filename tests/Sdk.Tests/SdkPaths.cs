using ConfluentFlink.SdkGen;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>Where the SDK tests find the generated SDKs and the Pulumi API declarations (the repository root is <see cref="RepoPaths"/>'s).</summary>
public static class SdkPaths
{
    public static string GeneratedSdk => Sdk(SdkLanguage.DotNet);

    /// <summary>The committed SDK folder of a language: <c>sdk/dotnet</c> or <c>sdk/nodejs</c>.</summary>
    public static string Sdk(SdkLanguage language) =>
        Path.Combine(RepoPaths.RepoRoot, "sdk", language == SdkLanguage.DotNet ? "dotnet" : "nodejs");

    /// <summary>Every committed file of a language's SDK, build output and installed packages excluded.</summary>
    public static IReadOnlyList<string> SdkFiles(SdkLanguage language) =>
        Directory.EnumerateFiles(Sdk(language), "*", SearchOption.AllDirectories)
            .Where(f => !SdkWriter.BuildFolders.Contains(Path.GetRelativePath(Sdk(language), f).Split(Path.DirectorySeparatorChar)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
    public static string PulumiApiReference => Path.Combine(RepoPaths.RepoRoot, "tests", "PulumiApiReference");

    /// <summary>Every C# source of the generated SDK, in a stable order.</summary>
    public static IReadOnlyList<string> GeneratedSdkSources() =>
        SdkFiles(SdkLanguage.DotNet).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).ToList();
}
