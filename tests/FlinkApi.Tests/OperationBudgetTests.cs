using System.Diagnostics;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// A custom timeout bounds the whole operation and keeps a slice of it for the lookup that resolves a lost answer;
/// Cancel ends everything at once, without a lookup. The emulator holds requests to play a service that does not answer.
/// </summary>
public sealed class OperationBudgetTests : EmulatorTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const int LongHoldMs = 20_000;

    [Test]
    public async Task ACreateHeldPastItsCustomTimeoutIsLookedUpWithinItAndNamedAfterTheTimeout()
    {
        await Admin.SetFaultsAsync(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() =>
            Client().CreateAsync(Scope, Request("held"), new OperationBudget(Timeout, CancellationToken.None)));
        clock.Stop();

        TestContext.Out.WriteLine($"a {Timeout.TotalSeconds} s budget ended after {clock.Elapsed.TotalMilliseconds:0} ms: {error.Message}");
        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("The create of connection 'held' did not finish within the 2 s custom timeout")
                .And.EndWith("A lookup found no connection named 'held': it was not created."));
            Assert.That(stats.Method("GET"), Is.EqualTo(1), "the lookup ran, in the slice kept for it");
            Assert.That(stats.Status(404), Is.EqualTo(1));
            // Had the hold ended the call, the POST would have been carried out and answered 201.
            Assert.That(Emulator.Store.Count, Is.Zero, "the client left the held request before it was carried out");
        });
    }

    [Test]
    public async Task ACreateThatCommittedButWhoseAnswerIsHeldPastTheTimeoutIsAdopted()
    {
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailAfterMs = LongHoldMs });

        var outcome = await Client().CreateAsync(Scope, Request("committed"), new OperationBudget(Timeout, CancellationToken.None));

        Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        Assert.That((await Admin.GetStatsAsync()).Status(200), Is.EqualTo(1), "the lookup found it");
    }

    [Test]
    public async Task AReadHeldPastItsCustomTimeoutFailsNamingTheTimeout()
    {
        await Admin.SetFaultsAsync(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });

        var error = await Expect<FlinkApiException>(() =>
            Client().GetAsync(Scope, "slow", new OperationBudget(TimeSpan.FromSeconds(1), CancellationToken.None)));

        Assert.That(error.Message, Does.StartWith("The read of connection 'slow' did not finish within the 1 s custom timeout (1 attempt(s)"));
    }

    [Test]
    public async Task CancelAfterACreateWasSentSaysTheConnectionMayExistWithoutALookup()
    {
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503, RetryAfterSeconds = 20 });
        using var cancel = new CancellationTokenSource();
        var create = Client(Settings(Emulator.BaseAddress, maxRetries: 5, maxDelay: TimeSpan.FromSeconds(30)))
            .CreateAsync(Scope, Request("cancelled"), new OperationBudget(TimeSpan.FromMinutes(5), cancel.Token));
        // The first attempt was answered 503: the client now waits out the 20 s Retry-After.
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            while ((await Admin.GetStatsAsync(guard.Token)).Method("POST") == 0) await Task.Delay(20, guard.Token);
        await cancel.CancelAsync();

        var error = await Expect<CreateOutcomeUnknownException>(() => create);

        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error.Reason, Is.EqualTo(CreateUnresolvedReason.Cancelled));
            Assert.That(error.ConnectionName, Is.EqualTo("cancelled"));
            Assert.That(error.Message, Does.Contain("was cancelled after its request had been sent").And.Contain("may exist"));
            Assert.That(stats.Method("POST"), Is.EqualTo(1));
            Assert.That(stats.Method("GET"), Is.Zero, "no lookup after a cancel");
        });
    }

    [Test]
    public async Task CancelBeforeACreateWasSentIsAPlainCancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Expect<OperationCanceledException>(() => Client().CreateAsync(Scope, Request("never-sent"), cancel.Token));

        Assert.That((await Admin.GetStatsAsync()).Total, Is.Zero);
    }

    [Test]
    public void ABudgetKeepsAQuarterOfAShortTimeoutForTheLookupAndItsOwnBoundOfALongOne()
    {
        var lookupTimeout = TimeSpan.FromSeconds(10);

        Assert.That(new OperationBudget(TimeSpan.FromSeconds(8), CancellationToken.None).LookupReserve(lookupTimeout), Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(new OperationBudget(TimeSpan.FromMinutes(20), CancellationToken.None).LookupReserve(lookupTimeout), Is.EqualTo(lookupTimeout));
        Assert.That(new OperationBudget(null, CancellationToken.None).LookupReserve(lookupTimeout), Is.EqualTo(lookupTimeout));
        Assert.That(() => new OperationBudget(TimeSpan.Zero, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
