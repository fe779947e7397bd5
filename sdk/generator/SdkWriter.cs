namespace ConfluentFlink.SdkGen;

/// <summary>
/// Writes generated files to a folder, byte for byte (UTF-8 without BOM), and removes files a previous run wrote that
/// the schema no longer produces, so the folder always equals the generator's output. Build output and installed
/// packages (<c>bin/</c>, <c>obj/</c>, <c>node_modules/</c>, and what Python leaves, see <see cref="PythonBuildOutput"/>)
/// are left alone.
/// </summary>
public static class SdkWriter
{
    public static readonly string[] BuildFolders = ["bin", "obj", "node_modules"];

    /// <summary>
    /// What building or importing the Python SDK leaves among its sources, at any depth: the patterns of the
    /// <c>.gitignore</c> Pulumi's codegen writes (a leading <c>*</c> matches any prefix).
    /// </summary>
    public static readonly string[] PythonBuildOutput = ["*.pyc", "__pycache__", ".mypy_cache", "dist", "build", "*.egg-info"];

    /// <summary>Whether a path relative to an SDK folder is build output or installed packages, not generated source.</summary>
    public static bool IsBuildOutput(string relativePath)
    {
        var segments = relativePath.Split('/', Path.DirectorySeparatorChar);
        return BuildFolders.Contains(segments[0]) || segments.Any(s => PythonBuildOutput.Any(pattern =>
            pattern.StartsWith('*') ? s.EndsWith(pattern[1..], StringComparison.Ordinal) : s == pattern));
    }

    /// <param name="marker">A file every generation writes; a non-empty folder without it is refused rather than cleaned.</param>
    public static void Write(IReadOnlyDictionary<string, string> files, string outDir, string marker)
    {
        var root = Path.GetFullPath(outDir);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !File.Exists(Path.Combine(root, marker)))
            throw new IOException($"'{root}' is not empty and holds no {marker}: refusing to write a generated SDK over it");

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

    private static bool InBuildFolder(string root, string path) => IsBuildOutput(Path.GetRelativePath(root, path));
}
