using System.Diagnostics;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// The backend process is killed while a request is in flight (its answer was being delayed): the plugin sees a reset,
/// then refused connections on every retry, and for a write the lookup that would resolve it is refused too. The call
/// must end with a clear Unavailable error, and never hang. How long it took is printed: with maxRetries 2 it is the
/// client's backoff (about 1.5 s) plus, for a write, its lookup (at most 5 s).
/// </summary>
[Category(ChaosScale.Chaos), Parallelizable(ParallelScope.Children)]
public class DeadBackendTests
{
    private const int MaxRetries = 2;

    public enum Operation { Create, Read, Update, Delete, Invoke }

    [Test]
    public async Task ABackendKilledMidCallGivesAClearUnavailableError([Values] Operation operation)
    {
        await using var backend = await BackendProcess.StartAsync();
        await using var stack = await backend.StartStackAsync(MaxRetries);
        var secrets = new Secrets(backend.Secret);
        var goal = PluginStack.OpenAi("dead-backend", secrets.New("sk-dead"));
        if (operation != Operation.Create)
            Assert.That((await stack.Engine.UpAsync(goal)).Single().Error, Is.Null);
        await backend.Admin.SetFaultsAsync(new FaultPlan { DelayMs = 30_000 });

        var call = operation switch
        {
            Operation.Create => FailureOf(stack.Engine.UpAsync(goal)),
            Operation.Read => FailureOf(stack.Engine.RefreshAsync()),
            Operation.Update => FailureOf(stack.Engine.UpAsync(PluginStack.OpenAi("dead-backend", secrets.New("sk-dead-rotated")))),
            Operation.Delete => FailureOf(stack.Engine.DestroyAsync()),
            _ => FailureOf(stack.Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", "dead-backend")))),
        };
        await PluginStack.UntilAsync(async () => (await backend.Admin.GetStatsAsync()).Unanswered > 0, "the request reached the backend");
        Assert.That(call.IsCompleted, Is.False, "the call was still waiting on the backend when it died");
        var clock = Stopwatch.StartNew();
        await backend.KillAsync();
        var failure = await call;

        TestContext.Out.WriteLine($"{operation}: {failure?.StatusCode}: {failure?.Status.Detail} after {clock.ElapsedMilliseconds} ms");
        Assert.That(failure, Is.Not.Null);
        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.Unavailable), failure.Status.Detail);
        Assert.That(failure.Status.Detail, Does.Contain("unreachable").And.Contain($"{MaxRetries + 1} attempt(s)"));
        if (operation == Operation.Create)
            Assert.That(failure.Status.Detail, Does.Contain("may exist").And.Contain(PluginStack.ImportCommand("dead-backend")),
                "the request reached the backend before it died, so the connection may exist");
        Assert.That(CallOutcomes.Unclear(failure, secrets.All), Is.Null);
        Assert.That(stack.Process!.HasExited, Is.False);
        Assert.That(secrets.FoundIn(stack.Transcript, backend.Process.Transcript), Is.Empty);
    }

    private static async Task<RpcException?> FailureOf(Task<IReadOnlyList<Step>> steps) => (await steps).Single().Failure;

    private static async Task<RpcException?> FailureOf(Task call) =>
        await call.ContinueWith(t => t.Exception?.InnerException as RpcException, TaskScheduler.Default);
}
