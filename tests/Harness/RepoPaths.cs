namespace ConfluentFlink.Harness;

/// <summary>
/// Where the repository's build outputs are, found from the running assembly (tests run from
/// <c>tests/*/bin/...</c>, CI clones anywhere) by walking up to the folder holding the solution.
/// </summary>
public static class RepoPaths
{
    private const string SolutionFile = "ConfluentFlink.Pulumi.sln";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding <c>ConfluentFlink.Pulumi.sln</c>.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The published plugin, as <c>make provider</c> writes it.</summary>
    public static string PluginBinary => Path.Combine(RepoRoot, "bin", "pulumi-resource-confluentflink");

    /// <summary>The published Flink API emulator, as <c>make emulator-bin</c> writes it.</summary>
    public static string EmulatorBinary => Path.Combine(RepoRoot, "bin", "emulator", "ConfluentFlink.FlinkApiEmulator");

    /// <summary>The repository's <c>schema.json</c>, the plugin's embedded schema.</summary>
    public static string SchemaFile => Path.Combine(RepoRoot, "schema.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
