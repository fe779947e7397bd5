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
        await session.Admin.SetFaultsAsync(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503 });

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var calls = Enumerable.Range(0, CallsInFlight)
            .Select(i => Lifecycle.CreateAsync(session.Client, $"cancel-{i}", Lifecycle.OpenAiInputs($"cancel-{i}", $"sk-cancel-{i}"), guard.Token))
            .ToList();
        // Each call has been refused at least twice: all of them are inside the retry loop.
        while ((await session.Admin.GetStatsAsync()).Total < CallsInFlight * 2)
            await Task.Delay(50, guard.Token);
        Assert.That(calls.Any(c => c.IsCompleted), Is.False, "the calls were still retrying when Cancel came");

        var clock = Stopwatch.StartNew();
        var attemptsBeforeCancel = await session.Admin.GetStatsAsync(guard.Token);
        await session.Client.CancelAsync(new Empty());
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
                o.Message.Contains(Storm.CreateAnswer.ImportCommand($"{PluginSession.OrganizationId}/{PluginSession.EnvironmentId}/cancel-{o.Index}"))),
                "a cancelled create names the connection that may exist and its import command, without a lookup");
            Assert.That((await session.Admin.GetStatsAsync()).Method("GET"), Is.Zero, "no lookup after Cancel");
            // A call that kept retrying would add attempts; at most the one each call had on the wire may still land.
            var after = await session.Admin.GetStatsAsync();
            Assert.That(after.Total + after.Unanswered, Is.LessThanOrEqualTo(attemptsBeforeCancel.Total + attemptsBeforeCancel.Unanswered + CallsInFlight),
                "no call made another attempt after Cancel");
            Assert.That(session.Plugin.HasExited, Is.False);
            Assert.That((await session.Client.GetPluginInfoAsync(new Empty())).Version, Is.Not.Empty);
            Assert.That(session.Emulator.Store.Count, Is.Zero, "no create went through");
        });
    }
}
