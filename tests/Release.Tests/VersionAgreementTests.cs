using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Release.Tests;

/// <summary>Every place a user meets the version (the running plugin, the schema, each SDK) states the same one.</summary>
public class VersionAgreementTests
{
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTemp() => _temp = Directory.CreateTempSubdirectory("confluentflink-version-");

    [TearDown]
    public void DeleteTemp() => _temp.Delete(recursive: true);

    [Test]
    public async Task ThePluginAndEveryVersionedFileStateTheSchemaVersion()
    {
        var stated = VersionStamps.Files.ToDictionary(f => f, f => VersionStamps.Read(Path.Combine(RepoPaths.RepoRoot, f)));
        await using (var plugin = await PluginProcess.StartAsync())
        {
            stated["GetPluginInfo of bin/pulumi-resource-confluentflink"] = (await plugin.Client.GetPluginInfoAsync(new Empty())).Version;
        }

        var release = VersionStamps.Release(RepoPaths.RepoRoot);
        Assert.That(Disagreements(stated, release), Is.Empty, $"schema.json states {release}");
    }

    [Test]
    public void AFileThatStatesAnotherVersionOrNoneIsADisagreement()
    {
        var files = new Dictionary<string, string>
        {
            ["schema.json"] = """{ "name": "p", "version": "1.2.3", "nested": { "version": "9.9.9" } }""",
            ["package.json"] = """{ "name": "p", "version": "1.2.3", "pulumi": { "resource": true, "version": "1.2.2" } }""",
            ["other-package.json"] = """{ "name": "q", "version": "1.2.3", "pulumi": { "resource": true, "version": "1.2.3" } }""",
            ["other.csproj"] = "<Project><PropertyGroup><Version>1.2.4</Version></PropertyGroup></Project>",
            ["sdk.csproj"] = "<Project><PropertyGroup><Version>1.2.3</Version></PropertyGroup></Project>",
            ["version.txt"] = "1.2.3-beta\n",
            ["pulumi-plugin.json"] = """{ "resource": true }""",
        };
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(_temp.FullName, name), content);

        var stated = files.Keys.ToDictionary(f => f, f => VersionStamps.Read(Path.Combine(_temp.FullName, f)));

        Assert.That(VersionStamps.Release(_temp.FullName), Is.EqualTo("1.2.3"));
        Assert.That(Disagreements(stated, "1.2.3"), Is.EquivalentTo(new[]
        {
            "package.json states 1.2.3 (pulumi section: 1.2.2)",
            "other.csproj states 1.2.4",
            "version.txt states 1.2.3-beta",
            "pulumi-plugin.json states no version",
        }));
    }

    private static IEnumerable<string> Disagreements(Dictionary<string, string?> stated, string release) =>
        stated.Where(s => s.Value != release).Select(s => $"{s.Key} states {s.Value ?? "no version"}");
}
