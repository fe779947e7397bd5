using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Faults;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The emulator's own controls: fault plans, the storm's reproducibility, and the process's command line.</summary>
public sealed class EmulatorControlTests : EmulatorTest
{
    [Test]
    public void AnUnusableFaultPlanIsRefusedWithTheReason()
    {
        Assert.That(() => Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 200 }),
            Throws.InstanceOf<HttpRequestException>().With.Message.Contains("failStatus must be an HTTP error status"));
        Assert.That(() => Admin.SetFaultsAsync(new FaultPlan { Storm = new StormPlan { P503 = 0.8, P429 = 0.5 } }),
            Throws.InstanceOf<HttpRequestException>().With.Message.Contains("must not exceed 1"));
    }

    [Test]
    public async Task CountersAreUsedUpByApiRequestsOnly()
    {
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 2, FailStatus = 500 });
        await Admin.GetStatsAsync();
        await Admin.ListConnectionsAsync();

        Assert.That((await Admin.GetFaultsAsync()).FailNext, Is.EqualTo(2));
        await Expect<FlinkApiException>(() => Client(maxRetries: 0).ListAsync(Scope, null, CancellationToken.None));
        Assert.That((await Admin.GetFaultsAsync()).FailNext, Is.EqualTo(1));
        await Admin.ClearFaultsAsync();
        Assert.That(await Client(maxRetries: 0).ListAsync(Scope, null, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task AHoldDelaysOnlyTheNextRequestsAndAClientThatLeavesMeanwhileLeavesNothingBehind()
    {
        await Admin.SetFaultsAsync(new FaultPlan { HoldNext = 1, HoldMs = 20_000 });
        var shortBudget = new OperationBudget(TimeSpan.FromSeconds(1), CancellationToken.None);

        await Expect<FlinkApiException>(() => Client(maxRetries: 0).GetAsync(Scope, "held", shortBudget));
        var second = await Client(maxRetries: 0).GetAsync(Scope, "held", new OperationBudget(TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.That(second, Is.Null, "the second request was not held: it got its 404 within the budget");
        Assert.That((await Admin.GetFaultsAsync()).HoldNext, Is.Zero);
    }

    [Test]
    public async Task CommitThenFailCanHoldTheLostAnswerAfterTheWriteIsDone()
    {
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailAfterMs = 20_000 });
        using var cancel = new CancellationTokenSource();

        var create = Client(maxRetries: 0).CreateAsync(Scope, Request("committed-held"), cancel.Token);
        while (Emulator.Store.Count == 0) await Task.Delay(20);

        Assert.That(create.IsCompleted, Is.False, "the connection exists while its create still waits for the answer");
        await cancel.CancelAsync();
        await Expect<CreateOutcomeUnknownException>(() => create);
    }

    [Test]
    public async Task CommitThenFailCanBeKeptToOneMethod()
    {
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "DELETE" });
        var client = Client(maxRetries: 0);

        var created = await client.CreateAsync(Scope, Request("only-deletes"), CancellationToken.None);
        var deleted = await client.DeleteAsync(Scope, "only-deletes", CancellationToken.None);

        var stats = await Admin.GetStatsAsync();
        Assert.That(created.Kind, Is.EqualTo(CreateOutcomeKind.Created));
        Assert.That(deleted, Is.True);
        Assert.That((stats.Status(201), stats.Status(503), stats.Status(404)), Is.EqualTo((1, 1, 1)), "the delete lost its answer; its lookup saw 404");
        Assert.That(() => Admin.SetFaultsAsync(new FaultPlan { CommitThenFailMethod = "GET" }),
            Throws.InstanceOf<HttpRequestException>().With.Message.Contains("commitThenFailMethod must be POST, PUT or DELETE"));
    }

    [Test]
    public void AStormWithTheSameSeedMakesTheSameDecisions()
    {
        var plan = new FaultPlan { Storm = new StormPlan { Seed = 42, P503 = 0.2, P429 = 0.1, PDrop = 0.05, PSlow = 0.1, SlowMs = 200 } };
        var first = Decisions(plan);
        var second = Decisions(plan);
        var otherSeed = Decisions(plan with { Storm = plan.Storm! with { Seed = 43 } });

        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
        Assert.That(first.Select(d => d.Action).Distinct(), Is.SupersetOf(new[] { FaultAction.None, FaultAction.Fail, FaultAction.Drop }));
        Assert.That(first.Count(d => d.DelayMs == 200), Is.InRange(5, 40), "about one in ten of 200 is slow");
    }

    [Test]
    public void CommandLineTakesPortFromFlagThenEnvironmentAndCredentialsFromEnvironment()
    {
        var environment = new Dictionary<string, string?> { ["EMULATOR_PORT"] = "5001", ["FLINK_API_KEY"] = "k", ["FLINK_API_SECRET"] = "s" };

        var fromEnvironment = EmulatorCommandLine.Parse([], environment.GetValueOrDefault, out _)!;
        var fromFlag = EmulatorCommandLine.Parse(["--port", "6001"], environment.GetValueOrDefault, out _)!;
        var defaults = EmulatorCommandLine.Parse([], _ => null, out _)!;

        Assert.That((fromEnvironment.Port, fromEnvironment.ApiKey, fromEnvironment.ApiSecret), Is.EqualTo((5001, "k", "s")));
        Assert.That(fromFlag.Port, Is.EqualTo(6001));
        Assert.That((defaults.Port, defaults.ApiKey, defaults.ApiSecret, defaults.MinimumLogLevel),
            Is.EqualTo((0, EmulatorOptions.DefaultApiKey, EmulatorOptions.DefaultApiSecret, LogLevel.Information)));
    }

    [TestCase(new[] { "--verbose" }, "unknown or incomplete argument")]
    [TestCase(new[] { "--port" }, "unknown or incomplete argument")]
    [TestCase(new[] { "--port=70000" }, "--port must be a port number")]
    public void CommandLineRefusesWhatItDoesNotKnow(string[] args, string expected)
    {
        Assert.That(EmulatorCommandLine.Parse(args, _ => null, out var error), Is.Null);
        Assert.That(error, Does.Contain(expected));
    }

    private static List<FaultDecision> Decisions(FaultPlan plan)
    {
        var injector = new FaultInjector();
        injector.Set(plan);
        return Enumerable.Range(0, 200).Select(i => injector.Next(i % 2 == 0 ? "POST" : "GET")).ToList();
    }
}
