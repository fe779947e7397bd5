namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>The repository root (the folder with the solution) and the shared reference folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string OpenApiFile => Path.Combine(Root, "..", "shared", "reference", "confluent", "flink-connections-openapi.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConfluentFlink.Pulumi.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No ConfluentFlink.Pulumi.sln above {AppContext.BaseDirectory}.");
    }
}
