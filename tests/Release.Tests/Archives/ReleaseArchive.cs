using System.Formats.Tar;
using System.IO.Compression;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Release.Tests.Archives;

/// <summary>
/// A platform the plugin is released for: Pulumi's <c>&lt;os&gt;-&lt;arch&gt;</c> name, which is the end of the
/// archive's name the engine downloads, and the format its executable must have.
/// </summary>
public sealed record Platform(string Name, string ExpectedFormat)
{
    public string Executable => Name.StartsWith("windows-", StringComparison.Ordinal)
        ? $"{ReleaseArchive.PluginName}.exe"
        : ReleaseArchive.PluginName;

    public override string ToString() => Name;
}

/// <summary>The files <c>make dist</c> writes to <c>dist/</c>, and reading them.</summary>
public static class ReleaseArchive
{
    /// <summary>The NUnit category of the tests of <c>dist/</c>, run by <c>make dist-test</c> and not by <c>make test</c>.</summary>
    public const string Category = "ReleaseArchives";

    public const string PluginName = "pulumi-resource-confluentflink";

    public static readonly IReadOnlyList<Platform> Platforms =
    [
        new("linux-amd64", "ELF 64-bit x86-64"),
        new("linux-arm64", "ELF 64-bit aarch64"),
        new("darwin-amd64", "Mach-O 64-bit x86_64, code-signed"),
        new("darwin-arm64", "Mach-O 64-bit arm64, code-signed"),
        new("windows-amd64", "PE32+ x64 console"),
        new("windows-arm64", "PE32+ arm64 console"),
    ];

    public static string Directory => Path.Combine(RepoPaths.RepoRoot, "dist");

    public static readonly string Version = VersionStamps.Release(RepoPaths.RepoRoot);

    /// <summary>The name the engine looks up in a release: <c>pulumi-resource-&lt;name&gt;-v&lt;version&gt;-&lt;os&gt;-&lt;arch&gt;.tar.gz</c>.</summary>
    public static string NameFor(Platform platform) => $"{PluginName}-v{Version}-{platform.Name}.tar.gz";

    public static string SymbolsName => $"{PluginName}-v{Version}-symbols.tar.gz";

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The SDKs' packages, beside the plugin's files: what `npm publish` and `twine upload` take.</summary>
    public static IReadOnlyList<string> SdkPackages =>
    [
        $"confluentflink-pulumi-confluentflink-{Version}.tgz",
        $"pulumi_confluentflink-{Version}.tar.gz",
        $"pulumi_confluentflink-{Version}-py3-none-any.whl",
    ];

    /// <summary>Every entry of a .tar.gz, in order, with its type and Unix mode.</summary>
    public static IReadOnlyList<(string Name, TarEntryType Type, UnixFileMode Mode)> Entries(string archive)
    {
        using var reader = Open(archive);
        var entries = new List<(string, TarEntryType, UnixFileMode)>();
        while (reader.GetNextEntry() is { } entry) entries.Add((entry.Name, entry.EntryType, entry.Mode));
        return entries;
    }

    /// <summary>Runs <paramref name="read"/> over one file of a .tar.gz.</summary>
    public static T ReadEntry<T>(string archive, string name, Func<Stream, T> read)
    {
        using var reader = Open(archive);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.Name == name && entry.DataStream is { } data) return read(data);
        }
        throw new FileNotFoundException($"{name} is not in {archive}");
    }

    // Each reader disposes the stream beneath it.
    private static TarReader Open(string archive) =>
        new(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
}
