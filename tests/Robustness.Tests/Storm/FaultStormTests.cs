using System.Collections.Concurrent;
using ConfluentFlink.FlinkApiEmulator.Faults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// Create/read/update/delete through the real plugin while the backend fails a seeded share of requests
/// (503, 429 with Retry-After, dropped connections, slow answers, and writes that commit but lose their answer).
/// Proves the retry and adoption logic ends every operation cleanly and never leaves the stack and the
/// service disagreeing: what the plugin said exists is exactly what exists.
/// </summary>
[TestFixture]
public class FaultStormTests
{
    private const int Parallelism = 16;

    [Test]
    public async Task EveryOperationEndsCleanlyAndTheBackendHoldsExactlyWhatThePluginReported()
    {
        var seed = ChaosScale.Seed;
        TestContext.Out.WriteLine($"storm seed {seed} (set CHAOS_SEED to repeat), scale {ChaosScale.Factor}");
        await using var session = await PluginSession.StartAsync(maxRetries: 10);
        var connections = ChaosScale.Scaled(75);
        await session.Admin.SetFaultsAsync(new FaultPlan
        {
            RetryAfterSeconds = 1,
            // Some healthy-looking writes commit and then answer 503: the retry meets 409 (create) or a stale version (update).
            CommitThenFailNext = connections / 5,
            CommitThenFailStatus = 503,
            Storm = new StormPlan { Seed = seed, P503 = 0.20, P429 = 0.10, PDrop = 0.05, PSlow = 0.10, SlowMs = 150 },
        });

        var run = new StormRun(session);
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) => await run.LiveOneConnectionAsync(i));

        var stats = await session.Admin.GetStatsAsync();
        await session.Admin.ClearFaultsAsync();
        var stored = (await session.Admin.ListConnectionsAsync())
            .Where(c => c.OrganizationId == PluginSession.OrganizationId && c.EnvironmentId == PluginSession.EnvironmentId)
            .ToList();
        TestContext.Out.WriteLine($"{run.Operations} operations, {run.Failures.Count} failed: " +
                                  string.Join(", ", run.Failures.GroupBy(f => f.Split(':')[0]).Select(g => $"{g.Key} x{g.Count()}")));
        TestContext.Out.WriteLine($"emulator answers: {string.Join(", ", stats.ByStatus.Select(s => $"{s.Key} x{s.Value}"))}");

        Assert.Multiple(() =>
        {
            Assert.That(run.Unclear, Is.Empty, "every failure is a clear error");
            Assert.That(stats.Status(503) + stats.Status(429), Is.GreaterThan(connections / 4), "the storm really happened");
            Assert.That(stats.Dropped, Is.GreaterThan(0), "connections were really dropped");
            Assert.That(stored.Select(c => c.Name), Is.Unique, "no duplicates");
            Assert.That(stored.Select(c => c.Name).Order(), Is.EqualTo(run.ReportedExisting.Order()),
                "the emulator holds exactly the connections the plugin reported as existing (no orphan, no phantom)");
            Assert.That(stored.Select(c => (c.ConnectionType, c.Credential)), Has.All.EqualTo(("OPENAI", "present")));
        });
    }

    /// <summary>Runs the lifecycles and keeps the plugin's own account of what exists.</summary>
    private sealed class StormRun(PluginSession session)
    {
        private readonly ConcurrentDictionary<string, bool> _exists = new();
        private int _operations;

        public ConcurrentBag<string> Failures { get; } = [];
        public ConcurrentBag<string> Unclear { get; } = [];
        public int Operations => _operations;
        public IEnumerable<string> ReportedExisting => _exists.Where(e => e.Value).Select(e => e.Key);

        public async Task LiveOneConnectionAsync(int index)
        {
            var name = $"storm-{index}";
            var secrets = new[] { session.ApiSecret, $"sk-storm-{index}-first", $"sk-storm-{index}-second" };
            var client = session.Client;

            var (createdOk, (id, outputs, inputs)) =
                await AttemptAsync("create", secrets, () => Lifecycle.CreateAsync(client, name, Lifecycle.OpenAiInputs(name, secrets[1])));
            _exists[name] = createdOk;
            if (!createdOk) return;
            Assert.That(id, Is.EqualTo($"{PluginSession.OrganizationId}/{PluginSession.EnvironmentId}/{name}"));

            var (readOk, read) = await AttemptAsync("read", secrets, () => Lifecycle.ReadAsync(client, name, id, outputs, inputs));
            if (readOk) Assert.That(read!.Id, Is.EqualTo(id), $"{name} exists, so Read must not report it gone");

            var (updatedOk, updated) = await AttemptAsync("update", secrets, () =>
                Lifecycle.UpdateAsync(client, name, id, outputs, inputs, Lifecycle.OpenAiInputs(name, secrets[2])));
            if (updatedOk) (outputs, inputs) = updated;

            if (index % 3 == 0) return; // a third stay, so the final comparison covers both outcomes
            var (deletedOk, _) = await AttemptAsync("delete", secrets, async () =>
            {
                await Lifecycle.DeleteAsync(client, name, id, outputs, inputs);
                return new Empty();
            });
            if (deletedOk) _exists[name] = false;
        }

        private async Task<(bool Ok, T Value)> AttemptAsync<T>(string operation, string[] secrets, Func<Task<T>> call)
        {
            Interlocked.Increment(ref _operations);
            try
            {
                return (true, await call());
            }
            catch (RpcException failure)
            {
                Failures.Add($"{operation} {failure.StatusCode}: {failure.Status.Detail}");
                if (CallOutcomes.Unclear(failure, secrets) is { } problem) Unclear.Add($"{operation}: {problem}");
                return (false, default!);
            }
        }
    }
}
