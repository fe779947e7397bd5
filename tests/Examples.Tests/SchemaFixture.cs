using ConfluentFlink.Examples.Tests.SchemaRules;

namespace ConfluentFlink.Examples.Tests;

/// <summary>schema.json, loaded once for all checks.</summary>
public static class SchemaFixture
{
    private static readonly Lazy<PackageSchema> Loaded = new(() => PackageSchema.Load(RepoPaths.SchemaFile));

    public static PackageSchema Schema => Loaded.Value;

    public static string Describe(IEnumerable<string> findings) => string.Join("\n", findings);
}
