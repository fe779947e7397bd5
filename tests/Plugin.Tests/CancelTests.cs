using System.Diagnostics;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// The engine's Cancel while creates sit in the REST client's retry loop (every request answered 503, so they would
/// otherwise back off for a long time): every call in flight returns Cancelled without another attempt, saying that its
/// connection may exist and how to import it, nothing is left half-created, and the plugin stays up to answer the engine.
/// </summary>
[Category(ChaosScale.Chaos)]
public class CancelTests
{
    [Test]
    public async Task CancelDuringARetryStormEndsEveryCallInFlightWithoutAnotherAttempt()
    {
        await using var stack = await PluginStack.StartAsync(new StackOptions { MaxRetries = 10 });
        var secrets = new Secrets(stack.FlinkSecret);
        // Every refusal asks for a 30 s wait: a call that waited it out instead of ending at Cancel is plain to see.
        stack.Emulator.Faults.Set(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503, RetryAfterSeconds = 30 });
        var names = Enumerable.Range(0, 8).Select(i => $"cancel-{i}").ToList();
        var ups = names.Select(name => new MiniEngine(stack.Client).UpAsync(PluginStack.OpenAi(name, secrets.New(name)))).ToList();
        // A retry's warning: each call has been refused once and is waiting to try again.
        foreach (var name in names)
            await stack.EngineLog.WaitForLogAsync(l => l.Severity == LogSeverity.Warning && l.Urn == stack.Engine.Urn(name), TimeSpan.FromMinutes(1));
        Assert.That(ups.Where(u => u.IsCompleted), Is.Empty, "the calls were still retrying when Cancel came");

        await stack.Client.CancelAsync(new Empty());
        // Cancel has taken effect when it returns: from here on no call may start another attempt.
        var atCancel = stack.Emulator.Stats.Snapshot();
        var clock = Stopwatch.StartNew();
        var ended = Task.WhenAll(ups);
        Assert.That(await Task.WhenAny(ended, Task.Delay(TimeSpan.FromSeconds(15))), Is.SameAs(ended), "the calls ended at Cancel, not after their 30 s wait");
        TestContext.Out.WriteLine($"the last call returned {clock.ElapsedMilliseconds} ms after Cancel");

        var steps = ended.Result.Select(s => s.Single()).ToList();
        var after = stack.Emulator.Stats.Snapshot();
        Assert.Multiple(async () =>
        {
            Assert.That(steps.Select(s => s.Status), Has.All.EqualTo(StatusCode.Cancelled));
            // Each create had been sent, and a 503 does not prove it was not carried out.
            Assert.That(steps.Where(s => !s.Error!.Contains($"connection '{s.Resource}' was cancelled after its request had been sent") ||
                                         !s.Error.Contains(PluginStack.ImportCommand(s.Resource))).Select(s => s.Error), Is.Empty,
                "a cancelled create names the connection that may exist and its import command");
            Assert.That(after.Method("GET"), Is.Zero, "no lookup after Cancel");
            Assert.That(after.Total + after.Unanswered, Is.EqualTo(atCancel.Total + atCancel.Unanswered), "no call made another attempt after Cancel");
            Assert.That(stack.Process!.HasExited, Is.False);
            Assert.That((await stack.Client.GetPluginInfoAsync(new Empty())).Version, Is.Not.Empty);
            Assert.That(stack.Emulator.Store.Count, Is.Zero, "no create went through");
        });
        secrets.AssertNoneLeaked(stack, steps);
    }
}
