extern alias harness;
using Google.Protobuf.WellKnownTypes;
using harness::ConfluentFlink.Harness;
using harness::Pulumirpc;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>The published plugin (<c>make provider</c>), started the way the Pulumi engine starts it.</summary>
[Parallelizable(ParallelScope.Children)]
public class PluginBootTests
{
    [Test]
    public async Task StdoutIsExactlyThePortAndANewline()
    {
        await using var engine = await EngineStub.StartAsync();
        await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions { EngineAddress = engine.Address });

        await plugin.Client.GetPluginInfoAsync(new Empty());

        Assert.That(plugin.StandardOutput, Is.EqualTo($"{plugin.Port}\n"));
    }

    [Test]
    public async Task EngineFlagsBeforeTheAddressAreSkipped()
    {
        await using var engine = await EngineStub.StartAsync();
        await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions
        {
            Flags = ["--logtostderr", "-v=9", "--tracing", "http://127.0.0.1:9/trace"],
            EngineAddress = engine.Address,
        });

        await plugin.Client.CancelAsync(new Empty());

        // Logs go to the engine at the last argument, so the flags were not taken for the address.
        var log = await engine.WaitForLogAsync(l => l.Message.Contains("cancelled"), TimeSpan.FromSeconds(10));
        Assert.That(log.Severity, Is.EqualTo(LogSeverity.Info));
        Assert.That(log.Ephemeral, Is.False);
    }

    [Test]
    public async Task StartsWithoutAnEngineAddress()
    {
        await using var plugin = await PluginProcess.StartAsync();

        var info = await plugin.Client.GetPluginInfoAsync(new Empty());

        Assert.That(info.Version, Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(plugin.StandardOutput, Is.EqualTo($"{plugin.Port}\n"));
    }

    [Test]
    public async Task LogRecordsGoToStderrAndTheEngineNeverToStdout()
    {
        await using var engine = await EngineStub.StartAsync();
        await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions { EngineAddress = engine.Address });

        await plugin.Client.CancelAsync(new Empty());
        await engine.WaitForLogAsync(l => l.Message.Contains("cancelled"), TimeSpan.FromSeconds(10));

        Assert.That(plugin.StandardError, Does.Contain("cancelled"));
        Assert.That(plugin.StandardOutput, Is.EqualTo($"{plugin.Port}\n"));
    }

    [Test]
    public async Task ServesTheEmbeddedSchemaFromAnyWorkingDirectory()
    {
        await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions { WorkingDirectory = Path.GetTempPath() });

        var schema = await plugin.Client.GetSchemaAsync(new GetSchemaRequest());

        Assert.That(schema.Schema, Is.EqualTo(await File.ReadAllTextAsync(RepoPaths.SchemaFile)));
    }

    [Test]
    public void AMissingBinaryFailsWithTheCommandThatBuildsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "pulumi-resource-confluentflink");

        Assert.That(async () => await PluginProcess.StartAsync(new PluginStartOptions { BinaryPath = missing }),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains("make provider"));
    }
}
