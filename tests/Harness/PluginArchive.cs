using System.Formats.Tar;
using System.IO.Compression;

namespace ConfluentFlink.Harness;

/// <summary>A release archive (<c>make dist</c>) unpacked into an empty folder, as <c>pulumi plugin install</c> does.</summary>
public static class PluginArchive
{
    /// <summary>Extracts the .tar.gz into a new temporary folder and returns that folder; the caller deletes it.</summary>
    public static async Task<DirectoryInfo> ExtractAsync(string archive)
    {
        var folder = Directory.CreateTempSubdirectory("confluentflink-plugin-");
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, folder.FullName, overwriteFiles: false);
        return folder;
    }
}
