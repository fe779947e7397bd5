using System.Diagnostics;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Robustness.Tests.Storm;

/// <summary>
/// The fault storm against the published emulator process, which is killed right after a create's POST has
/// committed and while its answer is held: that create can never learn its outcome. Whatever the plugin then says,
/// no connection may be left that it reported as not created; the one in doubt must be named, with its import command.
/// </summary>
[TestFixture]
public class DeadBackendStormTests
{
    // Few retries: once the backend is gone every request is refused, and the run should end soon after.
    private const int MaxRetries = 3;
    private const int HeldForeverMs = 600_000;

    [Test]
    public async Task ABackendKilledAfterACreateCommittedLeavesNoOrphanAndNamesTheConnectionInDoubt()
    {
        var seed = ChaosScale.Seed;
        var connections = ChaosScale.Scaled(40);
        await using var session = await BackendProcessSession.StartAsync(MaxRetries);
        var faults = StormRun.Faults(seed, connections);
        await session.Admin.SetFaultsAsync(faults);

        var run = new StormRun(session.Plugin.Client, session.ApiSecret);
        var clock = Stopwatch.StartNew();
        var lifecycles = run.LiveAllAsync(connections);

        var truth = await KillAfterACreateCommittedAsync(session.Admin, faults, run, connections / 3);
        await session.KillBackendAsync();
        await lifecycles;
        clock.Stop();

        var truthNames = truth.Select(c => c.Name).ToList();
        var figures = run.Figures("storm, backend killed", seed, connections, truth, session.Plugin.Transcript, clock.Elapsed);
        StormReport.Add(figures);
        var inDoubt = truthNames.Except(run.ReportedExisting).ToList();
        TestContext.Out.WriteLine($"in the backend when it died, not reported as existing: {string.Join(", ", inDoubt)}");
        Assert.Multiple(() =>
        {
            Assert.That(inDoubt, Is.Not.Empty, "a create committed and never got its answer");
            Assert.That(run.Orphans(truthNames), Is.Empty, "no orphan");
            Assert.That(run.Phantoms(truthNames), Is.Empty, "no phantom");
            Assert.That(inDoubt, Has.All.Matches<string>(name => run.Failures.Any(f => f.StartsWith("create", StringComparison.Ordinal) &&
                f.Contains($"connection '{name}' may have succeeded", StringComparison.Ordinal) &&
                f.Contains(CreateAnswer.ImportCommand(PluginSession.IdOf(name)), StringComparison.Ordinal))),
                "the error names each connection in doubt and gives its import command");
            Assert.That(run.Unclear, Is.Empty, "every failure is a clear error");
            Assert.That(session.Plugin.HasExited, Is.False);
            Assert.That(SecretScan.FindLeaks(run.Secrets, session.Plugin.Transcript, session.Backend.Transcript), Is.Empty);
        });
    }

    /// <summary>
    /// Once <paramref name="finishedFirst"/> lifecycles are done, the next healthy POST commits and its answer is held;
    /// then every new request is held too, so that nothing changes any more, and the store is read: what exists when
    /// the backend dies.
    /// </summary>
    private static async Task<List<StoredConnectionView>> KillAfterACreateCommittedAsync(EmulatorAdminClient admin, FaultPlan faults,
        StormRun run, int finishedFirst)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (run.Finished < finishedFirst) await Task.Delay(50, guard.Token);
        await admin.SetFaultsAsync(faults with
        {
            CommitThenFailNext = 1, CommitThenFailMethod = "POST", CommitThenFailStatus = 0, CommitThenFailAfterMs = HeldForeverMs,
        }, guard.Token);
        while ((await admin.GetFaultsAsync(guard.Token)).CommitThenFailNext > 0) await Task.Delay(20, guard.Token);

        await admin.SetFaultsAsync(new FaultPlan { DelayMs = HeldForeverMs }, guard.Token);
        // Requests decided before the freeze finish their slow wait (at most 150 ms) and their write first. This settles
        // the store; it asserts nothing about speed, and 3 s is twenty times the longest wait.
        await Task.Delay(TimeSpan.FromSeconds(3), guard.Token);
        return await PluginSession.StoredInScopeAsync(admin, guard.Token);
    }
}
