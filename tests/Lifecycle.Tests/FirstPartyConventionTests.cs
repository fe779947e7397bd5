using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;
using static ConfluentFlink.Lifecycle.Tests.PluginLifecycleTests;

namespace ConfluentFlink.Lifecycle.Tests;

/// <summary>What Pulumi users expect of every native provider: generated names, create-before-delete, customTimeouts, messages under their resource.</summary>
public class FirstPartyConventionTests
{
    private static ResourceGoal Unnamed(string name, string endpoint = "https://api.openai.com/v1/chat/completions") =>
        new(name, Wire.Struct(("type", "OPENAI"), ("endpoint", endpoint), ("apiKey", Wire.Secret(Connections.Credential(name)))));

    [Test]
    public async Task AConnectionWithoutANameKeepsItsGeneratedNameAndIsReplacedCreateFirst()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();

        var up = await stack.Engine.UpAsync([Unnamed("Chat_Model")]);
        Assert.That(up.Single().Error, Is.Null);
        var generated = stack.Engine.State["Chat_Model"].Outputs.Fields["displayName"].StringValue;
        Assert.That(generated, Does.Match("^chat-model-[a-z0-9]{7}$"));
        Assert.That(stack.Stored(generated), Is.Not.Null);

        var again = await stack.Engine.UpAsync([Unnamed("Chat_Model")]);
        Assert.That(again.Single().Kind, Is.EqualTo(StepKind.Update), "a new key, the same name");
        Assert.That(stack.Engine.State["Chat_Model"].Outputs.Fields["displayName"].StringValue, Is.EqualTo(generated));

        var replace = await stack.Engine.UpAsync([Unnamed("Chat_Model", endpoint: "https://api.openai.com/v1/embeddings")]);
        Assert.That(replace.Single().Kind, Is.EqualTo(StepKind.Replace), replace.Single().Error);
        Assert.That(replace.Single().Note, Is.EqualTo("create before delete"));
        var replacement = stack.Engine.State["Chat_Model"].Outputs.Fields["displayName"].StringValue;
        Assert.That(replacement, Does.Match("^chat-model-[a-z0-9]{7}$").And.Not.EqualTo(generated));
        Assert.That(stack.Stored(generated), Is.Null, "the old connection went after the new one came");
        Assert.That(stack.Stored(replacement)!.Endpoint, Is.EqualTo("https://api.openai.com/v1/embeddings"));
        AssertNoSecretLeaked(stack, up.Concat(again).Concat(replace));
    }

    [Test]
    public async Task ACustomTimeoutBoundsAnOperationAgainstAServiceThatHoldsTheRequest()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        var goal = Connections.OpenAi("slow", Connections.Credential("slow"));
        Assert.That((await stack.Engine.UpAsync([goal])).Single().Error, Is.Null);
        var before = stack.Stored("slow")!;

        stack.Emulator.Faults.Set(new FaultPlan { DelayMs = 5000 });
        var rotate = await stack.Engine.UpAsync([Connections.OpenAi("slow", Connections.Credential("slow2")) with { CustomTimeoutSeconds = 1 }]);
        Assert.That(rotate.Single().Error, Does.Contain("did not finish within the 1 s custom timeout"));

        var create = await stack.Engine.UpAsync([goal, Connections.OpenAi("late", Connections.Credential("late")) with { CustomTimeoutSeconds = 1 }]);
        var late = create.Single(s => s.Resource == "late");
        Assert.That(late.Error, Does.Contain("did not finish within the 1 s custom timeout").And.Contain("may exist")
            .And.Contain($"pulumi import confluentflink:index:FlinkConnection late {LiveStack.Organization}/{LiveStack.Environment}/late"));
        stack.Emulator.Faults.Clear();

        // Once every held request has ended, a create the plugin walked away from would have been carried out by now.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (stack.Emulator.Stats.Snapshot().Unanswered > 0) await Task.Delay(50, guard.Token);
        Assert.That(stack.Stored("late"), Is.Null, "the held create was abandoned, so nothing was left behind unrecorded");
        Assert.That(stack.Stored("slow")!.Uid, Is.EqualTo(before.Uid));
        AssertNoSecretLeaked(stack, rotate.Concat(create));
    }

    [Test]
    public async Task ARetriedRequestIsOneWarningUnderItsResource()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        stack.Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 503 });

        var up = await stack.Engine.UpAsync([Connections.OpenAi("retried", Connections.Credential("retried"))]);
        Assert.That(up.Single().Error, Is.Null);

        var warning = await stack.EngineLog.WaitForLogAsync(l => l.Severity == LogSeverity.Warning && l.Message.Contains("503"), TimeSpan.FromSeconds(10));
        Assert.That(warning.Urn, Is.EqualTo(stack.Engine.Urn("retried")));
        Assert.That(warning.Message, Does.Contain("POST"));
        var created = await stack.EngineLog.WaitForLogAsync(l => l.Message.Contains("Created connection"), TimeSpan.FromSeconds(10));
        Assert.That(created.Urn, Is.EqualTo(stack.Engine.Urn("retried")));
        Assert.That(stack.EngineLog.Logs.Count(l => l.Severity == LogSeverity.Warning && l.Message.Contains("503")), Is.EqualTo(1));
        AssertNoSecretLeaked(stack, up);
    }
}
