using System.Diagnostics;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The backend process is killed while a request is in flight (its answer was being delayed): the plugin sees a
/// reset, then refused connections on every retry, and for a write the lookup that would resolve it is refused too.
/// The call must end with a clear Unavailable error, and never hang. How long it took is printed, not asserted: with
/// maxRetries 2 it is the client's backoff (about 1.5 s) plus, for a write, its lookup (at most 5 s).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public class DeadBackendTests
{
    private const int MaxRetries = 2;

    public enum Operation { Create, Read, Update, Delete, Invoke }

    [TestCase(Operation.Create)]
    [TestCase(Operation.Read)]
    [TestCase(Operation.Update)]
    [TestCase(Operation.Delete)]
    [TestCase(Operation.Invoke)]
    public async Task ABackendKilledMidCallGivesAClearUnavailableError(Operation operation)
    {
        await using var session = await BackendProcessSession.StartAsync(MaxRetries);
        await session.Admin.SetFaultsAsync(new FaultPlan { DelayMs = 30_000 });

        // A deadline far past the bound: if the plugin hung, the test fails on DeadlineExceeded instead of hanging too.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var call = Start(session.Plugin.Client, operation, guard.Token);
        while ((await session.Admin.GetStatsAsync(guard.Token)).Unanswered == 0) await Task.Delay(20, guard.Token);
        Assert.That(call.IsCompleted, Is.False, "the call was still waiting on the backend when it died");

        var clock = Stopwatch.StartNew();
        await session.KillBackendAsync();
        var failure = Assert.ThrowsAsync<RpcException>(async () => await call)!;
        clock.Stop();

        AssertClearAndReported(operation, failure, clock.Elapsed, session.Plugin, session.ApiSecret);
    }

    private static void AssertClearAndReported(Operation operation, RpcException failure, TimeSpan elapsed, PluginProcess plugin, string apiSecret)
    {
        TestContext.Out.WriteLine($"{operation}: {Lifecycle.Describe(failure)} after {elapsed.TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.Unavailable), failure.Status.Detail);
            Assert.That(failure.Status.Detail, Does.Contain("unreachable").And.Contain($"{MaxRetries + 1} attempt(s)"));
            if (operation == Operation.Create)
                Assert.That(failure.Status.Detail, Does.Contain("may exist").And.Contain(Storm.CreateAnswer.ImportCommand(
                    PluginSession.IdOf("dead-backend"))),
                    "the request reached the backend before it died, so the connection may exist");
            Assert.That(CallOutcomes.Unclear(failure, [apiSecret, "sk-dead-1", "sk-dead-2"]), Is.Null);
            Assert.That(plugin.HasExited, Is.False);
            Assert.That(SecretScan.FindLeaks([apiSecret, "sk-dead-1", "sk-dead-2"], plugin.Transcript), Is.Empty);
        });
    }

    private static Task Start(ResourceProvider.ResourceProviderClient client, Operation operation, CancellationToken token)
    {
        const string name = "dead-backend";
        var id = PluginSession.IdOf(name);
        var inputs = Lifecycle.OpenAiInputs(name, "sk-dead-1");
        return operation switch
        {
            Operation.Create => Lifecycle.CreateAsync(client, name, inputs, token),
            Operation.Read => Lifecycle.ReadAsync(client, name, id, inputs, inputs, token),
            Operation.Update => Lifecycle.UpdateAsync(client, name, id, inputs, inputs, Lifecycle.OpenAiInputs(name, "sk-dead-2"), token),
            Operation.Delete => Lifecycle.DeleteAsync(client, name, id, inputs, inputs, token),
            Operation.Invoke => client.InvokeAsync(new InvokeRequest
            {
                Tok = "confluentflink:index:getFlinkConnection",
                Args = ConfluentFlink.Harness.Wire.Struct(("displayName", name)),
            }, cancellationToken: token).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }
}
