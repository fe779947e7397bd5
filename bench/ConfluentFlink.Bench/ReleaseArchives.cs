using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Bench;

/// <summary>
/// The release files in <c>dist/</c> (<c>make dist</c>): each platform's archive size and its executable's size, and the
/// cold start of the linux-amd64 executable run from its extracted archive, as a user's engine runs it.
/// </summary>
public static class ReleaseArchives
{
    public const string Section = "Release archives";
    private const string ColdStartPlatform = "linux-amd64";

    public static async Task MeasureAsync(FloorApp floor, int launches, Report report)
    {
        var version = ConfluentFlink.Schema.PackageSpec.Embedded.Version;
        var prefix = $"pulumi-resource-confluentflink-v{version}-";
        var dist = Path.Combine(RepoPaths.RepoRoot, "dist");
        var archives = Directory.Exists(dist)
            ? Directory.EnumerateFiles(dist, prefix + "*.tar.gz").Order(StringComparer.Ordinal).ToList()
            : [];
        if (archives.Count == 0) throw new FileNotFoundException($"no {prefix}*.tar.gz in {dist}: run `make dist` first");

        report.Describe(Section, $"the archives of `make dist` ({prefix}*.tar.gz), and the {ColdStartPlatform} executable extracted from its archive");
        foreach (var archive in archives)
        {
            var platform = Path.GetFileName(archive)[prefix.Length..^".tar.gz".Length];
            var unpacked = UnpackedBytes(archive);
            report.Add(Section, new Row($"{platform}: archive / unpacked", $"{Megabytes(new FileInfo(archive).Length)} / {Megabytes(unpacked)}",
                "-", "-", "-", null));
        }

        var coldStartArchive = archives.Single(a => a.EndsWith($"-{ColdStartPlatform}.tar.gz", StringComparison.Ordinal));
        var folder = await PluginArchive.ExtractAsync(coldStartArchive);
        try
        {
            await ColdStart.MeasureAsync(Path.Combine(folder.FullName, "pulumi-resource-confluentflink"), floor, launches, report, Section,
                $"{ColdStartPlatform}, extracted: ");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long UnpackedBytes(string archive)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        long total = 0;
        while (reader.GetNextEntry() is { } entry) total += entry.Length;
        return total;
    }

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
