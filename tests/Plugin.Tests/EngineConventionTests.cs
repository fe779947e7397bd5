using System.Diagnostics;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>What Pulumi users expect of a native provider's process: its messages under their resource, and customTimeouts kept.</summary>
[Parallelizable(ParallelScope.Children)]
public class EngineConventionTests
{
    [Test]
    public async Task ARetriedRequestIsOneWarningUnderItsResource()
    {
        await using var stack = await PluginStack.StartAsync();
        var secrets = new Secrets(stack.FlinkSecret);
        stack.Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 503 });

        var up = await stack.Engine.UpAsync(PluginStack.OpenAi("retried", secrets.New("sk-retried")));
        // Logged once the create succeeded, after the warnings of its retries.
        await stack.EngineLog.WaitForLogAsync(l => l.Message.Contains("Created connection"), TimeSpan.FromSeconds(10));

        Assert.That(up.Single().Error, Is.Null);
        var warning = stack.EngineLog.Logs.Where(l => l.Severity == LogSeverity.Warning).ToList();
        Assert.That(warning.Select(w => w.Urn), Is.EqualTo(new[] { stack.Engine.Urn("retried") }), stack.EngineLog.Transcript);
        Assert.That(warning[0].Message, Does.Contain("POST").And.Contain("503").And.Contain("retrying"));
        secrets.AssertNoneLeaked(stack, up);
    }

    [Test]
    public async Task ACustomTimeoutBoundsAnOperationAgainstAServiceThatHoldsTheRequest()
    {
        await using var stack = await PluginStack.StartAsync();
        var secrets = new Secrets(stack.FlinkSecret);
        var up = await stack.Engine.UpAsync(PluginStack.OpenAi("slow", secrets.New("sk-slow")));
        var before = stack.Stored("slow")!;

        stack.Emulator.Faults.Set(new FaultPlan { DelayMs = 5000 });
        var clock = Stopwatch.StartNew();
        var held = await stack.Engine.UpAsync(
            PluginStack.OpenAi("slow", secrets.New("sk-rotated"), customTimeoutSeconds: 1), PluginStack.OpenAi("late", secrets.New("sk-late"), customTimeoutSeconds: 1));
        TestContext.Out.WriteLine($"an update and a create, each with a 1 s custom timeout, against 5 s answers: {clock.ElapsedMilliseconds} ms");
        stack.Emulator.Faults.Clear();

        Assert.That(up.Single().Error, Is.Null);
        Assert.That(held.Select(s => s.Kind), Is.EqualTo(new[] { StepKind.Update, StepKind.Create }));
        Assert.That(held.Select(s => s.Error), Has.All.Contain("did not finish within the 1 s custom timeout"));
        Assert.That(held[1].Error, Does.Contain("may exist").And.Contain(PluginStack.ImportCommand("late")), "a create cut short names what may exist");
        // Once every held request has ended, one the plugin walked away from would have been carried out.
        await PluginStack.UntilAsync(() => Task.FromResult(stack.Emulator.Stats.Snapshot().Unanswered == 0), "every held request ended");
        Assert.That(stack.Stored("late"), Is.Null, "the held create was abandoned, so nothing was left behind unrecorded");
        Assert.That(stack.Stored("slow")!.ResourceVersion, Is.EqualTo(before.ResourceVersion), "nor was the held update applied");
        secrets.AssertNoneLeaked(stack, up.Concat(held));
    }
}
