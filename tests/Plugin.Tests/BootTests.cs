namespace ConfluentFlink.Plugin.Tests;

/// <summary>The published plugin started the way the engine starts it: only a process shows what it writes to stdout.</summary>
[Parallelizable(ParallelScope.Children)]
public class BootTests
{
    [TestCase("")]
    [TestCase("--logtostderr -v=9")]
    [TestCase("--tracing http://127.0.0.1:9/trace")]
    public async Task PrintsOnlyItsPortAndAnswersAsTheEngineStartsIt(string flags)
    {
        await using var stack = await PluginStack.StartAsync(new StackOptions { Flags = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries) });
        var schema = await File.ReadAllTextAsync(RepoPaths.SchemaFile);

        var info = await stack.Client.GetPluginInfoAsync(new Empty());
        var served = await stack.Client.GetSchemaAsync(new GetSchemaRequest());
        var up = await stack.Engine.UpAsync(PluginStack.OpenAi("booted", "sk-boot"));
        // Its log reaches the engine at the address after the flags: no flag was taken for the address.
        var created = await stack.EngineLog.WaitForLogAsync(l => l.Message.Contains("Created connection"), TimeSpan.FromSeconds(10));

        Assert.That(info.Version, Is.EqualTo(SchemaLoader.Parse(schema).Version), "the version is schema.json's");
        Assert.That(served.Schema, Is.EqualTo(schema), "the embedded schema survived trimming");
        Assert.That(up.Single().Error, Is.Null);
        Assert.That(created.Urn, Is.EqualTo(stack.Engine.Urn("booted")));
        Assert.That(stack.Process!.StandardOutput, Is.EqualTo($"{stack.Process.Port}\n"), "stdout is the engine's: the port line alone");
    }
}
