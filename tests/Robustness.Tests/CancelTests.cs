using System.Diagnostics;
using ConfluentFlink.FlinkApiEmulator.Faults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The engine's Cancel while calls sit in the REST client's retry loop (every request answered 503, so they would
/// otherwise back off for a long time): every call in flight returns Cancelled without another attempt, saying that its
/// connection may exist and how to import it, nothing is left half-created, and the plugin stays up to answer the engine.
/// </summary>
[TestFixture]
public class CancelTests
{
    private const int CallsInFlight = 8;

    [Test]
    public async Task CancelDuringARetryStormEndsEveryCallInFlightWithoutAnotherAttempt()
    {
        await using var session = await PluginSession.StartAsync(maxRetries: 10);
        // Every refusal asks for a 30 s wait: a call that waited it out instead of ending at Cancel is plain to see.
        await session.Admin.SetFaultsAsync(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503, RetryAfterSeconds = 30 });

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var calls = Enumerable.Range(0, CallsInFlight)
            .Select(i => Lifecycle.CreateAsync(session.Client, $"cancel-{i}", Lifecycle.OpenAiInputs($"cancel-{i}", $"sk-cancel-{i}"), guard.Token))
            .ToList();
        // Each call has been refused once: all of them are waiting inside the retry loop.
        while ((await session.Admin.GetStatsAsync()).Total < CallsInFlight)
            await Task.Delay(50, guard.Token);
        Assert.That(calls.Any(c => c.IsCompleted), Is.False, "the calls were still retrying when Cancel came");

        var clock = Stopwatch.StartNew();
        await session.Client.CancelAsync(new Empty());
        // Cancel has taken effect when it returns: from here on no call may start another attempt.
        var atCancel = await session.Admin.GetStatsAsync(guard.Token);
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return (Status: StatusCode.OK, Message: "", Elapsed: clock.Elapsed);
            }
            catch (RpcException failure)
            {
                return (Status: failure.StatusCode, Message: failure.Status.Detail, Elapsed: clock.Elapsed);
            }
        }));

        TestContext.Out.WriteLine($"slowest call returned {outcomes.Max(o => o.Elapsed).TotalMilliseconds:0} ms after Cancel");
        Assert.Multiple(async () =>
        {
            Assert.That(outcomes.Select(o => o.Status), Has.All.EqualTo(StatusCode.Cancelled));
            // Each create had been sent (and refused with 503, which does not prove it was not carried out).
            Assert.That(outcomes.Select((o, i) => (o.Message, i)), Has.All.Matches<(string Message, int Index)>(o =>
                o.Message.Contains($"connection 'cancel-{o.Index}' was cancelled after its request had been sent") &&
                o.Message.Contains(Storm.CreateAnswer.ImportCommand(PluginSession.IdOf($"cancel-{o.Index}")))),
                "a cancelled create names the connection that may exist and its import command, without a lookup");
            var after = await session.Admin.GetStatsAsync();
            Assert.That(after.Method("GET"), Is.Zero, "no lookup after Cancel");
            Assert.That(after.Total + after.Unanswered, Is.EqualTo(atCancel.Total + atCancel.Unanswered), "no call made another attempt after Cancel");
            // Not a speed figure: each call was in a 30 s wait, and a third of it tells "ended at Cancel" from "waited it out".
            Assert.That(outcomes.Max(o => o.Elapsed), Is.LessThan(TimeSpan.FromSeconds(10)), "the calls ended at Cancel, not after their wait");
            Assert.That(session.Plugin.HasExited, Is.False);
            Assert.That((await session.Client.GetPluginInfoAsync(new Empty())).Version, Is.Not.Empty);
            Assert.That(session.Emulator.Store.Count, Is.Zero, "no create went through");
        });
    }
}
