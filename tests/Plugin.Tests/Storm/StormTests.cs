using System.Diagnostics;

namespace ConfluentFlink.Plugin.Tests.Storm;

/// <summary>
/// Lifecycles through the published plugin while the backend fails a seeded share of requests (503, 429 with
/// Retry-After, dropped connections, slow answers, and writes that commit but lose their answer). Every operation ends
/// cleanly, and the stacks and the service never disagree: what the plugin said exists is exactly what exists, except
/// connections whose error said they may exist and how to import them. The figures go to the table printed at the end.
/// </summary>
[Category(ChaosScale.Chaos), Category(ChaosScale.Storm)]
public class StormTests
{
    public static IEnumerable<int> Seeds => ChaosScale.Seeds;

    [TestCaseSource(nameof(Seeds))]
    public async Task EveryOperationEndsCleanlyAndTheBackendHoldsExactlyWhatThePluginReported(int seed)
    {
        var connections = ChaosScale.Scaled(75);
        await using var stack = await PluginStack.StartAsync(new StackOptions { MaxRetries = 10 });
        stack.Emulator.Faults.Set(StormRun.Faults(seed, connections));
        var run = new StormRun(stack.Client, new Secrets(stack.FlinkSecret));

        var clock = Stopwatch.StartNew();
        await run.LiveAllAsync(connections);
        var duration = clock.Elapsed;

        var stats = stack.Emulator.Stats.Snapshot();
        stack.Emulator.Faults.Clear();
        using var admin = stack.Emulator.CreateAdminClient();
        var stored = await PluginStack.StoredAsync(admin);
        var figures = Report(run, "storm", seed, stored.Select(c => c.Name).ToList(), stack.Transcript, duration);
        TestContext.Out.WriteLine($"emulator answers: {string.Join(", ", stats.ByStatus.Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(stats.Status(503) + stats.Status(429), Is.GreaterThan(connections / 4), "the storm really happened");
            Assert.That(stats.Dropped, Is.GreaterThan(0), "connections were really dropped");
            Assert.That(figures.Adopted + figures.InitFailed + figures.Absent, Is.GreaterThan(0), "lost answers were resolved by lookups");
            Assert.That(stored.Select(c => (c.ConnectionType, c.Credential)), Has.All.EqualTo(("OPENAI", "present")));
        });
    }

    /// <summary>
    /// The fault storm against the published emulator process, killed right after a create's POST has committed and while
    /// its answer is held: that create can never learn its outcome. Whatever the plugin then says, no connection may be
    /// left that it reported as not created; the one in doubt must be named, with its import command.
    /// </summary>
    [Test]
    public async Task ABackendKilledAfterACreateCommittedLeavesNoOrphanAndNamesTheConnectionInDoubt()
    {
        var (seed, connections) = (ChaosScale.Seeds[0], ChaosScale.Scaled(40));
        await using var backend = await BackendProcess.StartAsync();
        // Few retries: once the backend is gone every request is refused, and the run should end soon after.
        await using var stack = await backend.StartStackAsync(maxRetries: 3);
        var faults = StormRun.Faults(seed, connections);
        await backend.Admin.SetFaultsAsync(faults);
        var run = new StormRun(stack.Client, new Secrets(backend.Secret));

        var clock = Stopwatch.StartNew();
        var lifecycles = run.LiveAllAsync(connections);
        // A third of the way in, the next healthy POST commits and its answer is held for good.
        await PluginStack.UntilAsync(() => Task.FromResult(run.Finished >= connections / 3), "a third of the lifecycles finished");
        await backend.Admin.SetFaultsAsync(faults with
            { CommitThenFailNext = 1, CommitThenFailMethod = "POST", CommitThenFailStatus = 0, CommitThenFailAfterMs = 600_000 });
        await PluginStack.UntilAsync(async () => (await backend.Admin.GetFaultsAsync()).CommitThenFailNext == 0, "a create committed");
        // From here every request is dropped before it can write; once those decided earlier have ended, only the held
        // create is unanswered, and the store is what the backend holds when it dies.
        await backend.Admin.SetFaultsAsync(new FaultPlan { DropNext = int.MaxValue });
        await PluginStack.UntilAsync(async () => (await backend.Admin.GetStatsAsync()).Unanswered <= 1, "only the held create in flight");
        var truth = (await PluginStack.StoredAsync(backend.Admin)).Select(c => c.Name).ToList();
        await backend.KillAsync();
        await lifecycles;

        Report(run, "storm, backend killed", seed, truth, stack.Transcript, clock.Elapsed);
        var inDoubt = truth.Except(run.ReportedExisting).ToList();
        TestContext.Out.WriteLine($"in the backend when it died, not held by a stack: {string.Join(", ", inDoubt)}");
        Assert.Multiple(() =>
        {
            Assert.That(inDoubt, Is.Not.Empty, "a create committed and never got its answer");
            Assert.That(inDoubt.Where(name => !run.Failures.Any(f => f.StartsWith("create", StringComparison.Ordinal) &&
                f.Contains($"connection '{name}' may have succeeded", StringComparison.Ordinal) && f.Contains(PluginStack.ImportCommand(name), StringComparison.Ordinal))),
                Is.Empty, "the error names each connection in doubt and gives its import command");
            Assert.That(stack.Process!.HasExited, Is.False);
            Assert.That(run.Secrets.FoundIn(backend.Process.Transcript), Is.Empty, "no secret in the backend's output");
        });
    }

    /// <summary>Adds the run to the table, and asserts what every storm must end with.</summary>
    private static StormFigures Report(StormRun run, string name, int seed, IReadOnlyList<string> storedNames, string transcript, TimeSpan duration)
    {
        var figures = run.Figures(name, seed, storedNames, transcript, duration);
        StormReport.Add(figures);
        TestContext.Out.WriteLine($"seed {seed} (set CHAOS_SEED to repeat), scale {ChaosScale.Factor}; first failures:");
        foreach (var failure in run.Failures.Take(20)) TestContext.Out.WriteLine($"  {failure}");
        Assert.Multiple(() =>
        {
            Assert.That(run.Problems, Is.Empty, "every failure is a clear error, and no refresh lost a connection");
            Assert.That(storedNames, Is.Unique, "no duplicates");
            Assert.That(run.Orphans(storedNames), Is.Empty, "no orphan: every connection the plugin did not report is named as may-exist");
            Assert.That(run.Phantoms(storedNames), Is.Empty, "no phantom: every connection a stack holds exists");
            Assert.That(run.Secrets.FoundIn(transcript), Is.Empty, "no secret in the plugin's output or the engine log");
        });
        return figures;
    }
}
