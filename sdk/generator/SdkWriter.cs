namespace ConfluentFlink.SdkGen;

/// <summary>
/// Writes generated files to a folder, byte for byte (UTF-8 without BOM), and removes files a previous run wrote that
/// the schema no longer produces, so the folder always equals the generator's output.
/// </summary>
public static class SdkWriter
{
    // Marks a folder as generator output; anything else is refused rather than cleaned.
    private const string Marker = "pulumi-plugin.json";
    private static readonly string[] BuildFolders = ["bin", "obj"];

    public static void Write(IReadOnlyDictionary<string, string> files, string outDir)
    {
        var root = Path.GetFullPath(outDir);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !File.Exists(Path.Combine(root, Marker)))
            throw new IOException($"'{root}' is not empty and holds no {Marker}: refusing to write a generated SDK over it");

        Directory.CreateDirectory(root);
        var expected = files.Keys.Select(k => Path.GetFullPath(Path.Combine(root, k))).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => !expected.Contains(f) && !InBuildFolder(root, f)))
            File.Delete(stale);

        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));
        }

        foreach (var empty in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
                     .OrderByDescending(d => d.Length)
                     .Where(d => !InBuildFolder(root, d) && !Directory.EnumerateFileSystemEntries(d).Any()))
            Directory.Delete(empty);
    }

    private static bool InBuildFolder(string root, string path) =>
        BuildFolders.Contains(Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0]);
}
