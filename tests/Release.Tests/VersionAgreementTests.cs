using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Release.Tests;

/// <summary>Every place a user meets the version (the running plugin, the schema, each SDK) states the same one.</summary>
public class VersionAgreementTests
{
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

    private static IEnumerable<string> Disagreements(Dictionary<string, string?> stated, string release) =>
        stated.Where(s => s.Value != release).Select(s => $"{s.Key} states {s.Value ?? "no version"}");
}
