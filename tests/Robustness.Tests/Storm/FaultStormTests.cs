using System.Diagnostics;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Robustness.Tests.Storm;

/// <summary>
/// Create/read/update/delete through the real plugin while the backend fails a seeded share of requests
/// (503, 429 with Retry-After, dropped connections, slow answers, and writes that commit but lose their answer).
/// Proves that every operation ends cleanly and that the stack and the service never disagree: what the plugin
/// said exists is exactly what exists, except connections whose error said they may exist and how to import them.
/// One run per seed of CHAOS_SEED; the figures go to the table printed at the end.
/// </summary>
[TestFixture]
public class FaultStormTests
{
    private const int MaxRetries = 10;

    public static IEnumerable<int> Seeds => ChaosScale.Seeds;

    [TestCaseSource(nameof(Seeds))]
    public async Task EveryOperationEndsCleanlyAndTheBackendHoldsExactlyWhatThePluginReported(int seed)
    {
        TestContext.Out.WriteLine($"storm seed {seed} (set CHAOS_SEED to repeat), scale {ChaosScale.Factor}");
        await using var session = await PluginSession.StartAsync(maxRetries: MaxRetries);
        var connections = ChaosScale.Scaled(75);
        await session.Admin.SetFaultsAsync(StormRun.Faults(seed, connections));

        var run = new StormRun(session.Client, session.ApiSecret);
        var clock = Stopwatch.StartNew();
        await run.LiveAllAsync(connections);
        clock.Stop();

        var stats = await session.Admin.GetStatsAsync();
        await session.Admin.ClearFaultsAsync();
        var stored = await PluginSession.StoredInScopeAsync(session.Admin);
        var figures = run.Figures("storm", seed, connections, stored, session.Plugin.Transcript, clock.Elapsed);
        StormReport.Add(figures);
        TestContext.Out.WriteLine($"emulator answers: {string.Join(", ", stats.ByStatus.Select(s => $"{s.Key} x{s.Value}"))}");
        foreach (var failure in run.Failures.Take(20)) TestContext.Out.WriteLine($"  {failure}");

        var storedNames = stored.Select(c => c.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Unclear, Is.Empty, "every failure is a clear error");
            Assert.That(stats.Status(503) + stats.Status(429), Is.GreaterThan(connections / 4), "the storm really happened");
            Assert.That(stats.Dropped, Is.GreaterThan(0), "connections were really dropped");
            Assert.That(figures.Adopted + figures.InitFailed + figures.Absent, Is.GreaterThan(0), "lost answers were resolved by lookups");
            Assert.That(storedNames, Is.Unique, "no duplicates");
            Assert.That(run.Orphans(storedNames), Is.Empty, "no orphan: every connection the plugin did not report is named as may-exist");
            Assert.That(run.Phantoms(storedNames), Is.Empty, "no phantom: every connection the plugin reported exists");
            Assert.That(stored.Select(c => (c.ConnectionType, c.Credential)), Has.All.EqualTo(("OPENAI", "present")));
            Assert.That(SecretScan.FindLeaks(run.Secrets, session.Plugin.Transcript), Is.Empty, "no secret in the plugin's output");
        });
    }
}
