using System.Diagnostics;
using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>Retries, timeouts, cancellation and create adoption under faults injected into the emulator.</summary>
public sealed class ResilienceTests : EmulatorTest
{
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task TransientStatusesAreRetriedUntilSuccess(int status)
    {
        var client = Client(maxRetries: 3);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 2, FailStatus = status });

        var outcome = await client.CreateAsync(Scope, Request("after-two-failures"), CancellationToken.None);

        var stats = await Admin.GetStatsAsync();
        Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.Created));
        Assert.That(stats.Method("POST"), Is.EqualTo(3));
        Assert.That(stats.Status(status), Is.EqualTo(2));
        Assert.That(stats.Status(201), Is.EqualTo(1));
    }

    [Test]
    public async Task DroppedConnectionsAreRetried()
    {
        var client = Client(maxRetries: 3);
        await Admin.SetFaultsAsync(new FaultPlan { DropNext = 2 });

        Assert.That(await client.ListAsync(Scope, null, CancellationToken.None), Is.Empty);

        var stats = await Admin.GetStatsAsync();
        Assert.That(stats.Dropped, Is.EqualTo(2));
        Assert.That(stats.Method("GET"), Is.EqualTo(3));
    }

    [Test]
    public async Task RetryAfterIsHonoured()
    {
        var client = Client(maxRetries: 2);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 429, RetryAfterSeconds = 1 });

        var clock = Stopwatch.StartNew();
        await client.ListAsync(Scope, null, CancellationToken.None);

        // The base delay is 10 ms, so only the server's Retry-After explains a wait of about a second.
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900)));
        Assert.That((await Admin.GetStatsAsync()).Status(429), Is.EqualTo(1));
    }

    [Test]
    public async Task RetryAfterIsCappedByMaxDelay()
    {
        var client = Client(Settings(Emulator.BaseAddress, maxRetries: 2, maxDelay: TimeSpan.FromMilliseconds(100)));
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 429, RetryAfterSeconds = 60 });

        var clock = Stopwatch.StartNew();
        await client.ListAsync(Scope, null, CancellationToken.None);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [TestCase(400)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(422)]
    public async Task Other4xxAreNotRetried(int status)
    {
        var client = Client(maxRetries: 3);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 5, FailStatus = status });

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("no-retry"), CancellationToken.None));

        Assert.That((int?)error.StatusCode, Is.EqualTo(status));
        Assert.That((await Admin.GetStatsAsync()).Total, Is.EqualTo(1));
    }

    [Test]
    public async Task AttemptsAreBoundedAndTheLastAnswerIsReported()
    {
        var client = Client(maxRetries: 2);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 10, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.GetAsync(Scope, "any", CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(error.Code, Is.EqualTo("injected_fault"));
        Assert.That((await Admin.GetStatsAsync()).Total, Is.EqualTo(3));
    }

    [Test]
    public async Task TotalTimeIsBoundedWhenEveryAttemptTimesOut()
    {
        var settings = Settings(Emulator.BaseAddress, maxRetries: 50,
            attemptTimeout: TimeSpan.FromMilliseconds(200), totalTimeout: TimeSpan.FromSeconds(1));
        var client = Client(settings);
        await Admin.SetFaultsAsync(new FaultPlan { DelayMs = 5_000 });

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() => client.GetAsync(Scope, "slow", CancellationToken.None));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the total timeout is one second");
        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.Message, Does.Contain(Emulator.BaseAddress.Authority).And.Contain("attempt(s)"));
        await Admin.ClearFaultsAsync();
        // Per-attempt timeouts (200 ms) fired before the total one, so more than one attempt was made.
        Assert.That((await Admin.GetStatsAsync()).Total, Is.GreaterThan(1));
    }

    [Test]
    public async Task CancellationDuringASlowAnswerStopsAtOnce()
    {
        var client = Client(maxRetries: 5);
        await Admin.SetFaultsAsync(new FaultPlan { DelayMs = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var clock = Stopwatch.StartNew();
        await Expect<OperationCanceledException>(() => client.GetAsync(Scope, "slow", cancel.Token));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task CancellationDuringABackoffStopsAtOnce()
    {
        var client = Client(Settings(Emulator.BaseAddress, maxRetries: 5, maxDelay: TimeSpan.FromSeconds(30)));
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 5, FailStatus = 429, RetryAfterSeconds = 20 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await Expect<OperationCanceledException>(() => client.ListAsync(Scope, null, cancel.Token));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That((await Admin.GetStatsAsync()).Total, Is.EqualTo(1));
    }

    [TestCase(500, TestName = "Retried create meets 409 after a lost 500 answer and adopts the matching connection")]
    [TestCase(0, TestName = "Retried create meets 409 after a dropped answer and adopts the matching connection")]
    public async Task RetriedCreateAdoptsItsOwnEarlierSuccess(int lostAnswer)
    {
        var client = Client(maxRetries: 3);
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = lostAnswer });

        var outcome = await client.CreateAsync(Scope, Request("adopt-me"), CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        Assert.That(outcome.Connection.Name, Is.EqualTo("adopt-me"));
        Assert.That(outcome.Connection.Metadata!.ResourceVersion, Is.Not.Empty);
        var stats = await Admin.GetStatsAsync();
        Assert.That(stats.Method("POST"), Is.EqualTo(2));
        Assert.That(stats.Status(409), Is.EqualTo(1));
        Assert.That(lostAnswer == 0 ? stats.Dropped : stats.Status(lostAnswer), Is.EqualTo(1), "the first answer was lost");
        Assert.That(stats.Status(201), Is.EqualTo(0), "the created answer never left the emulator");
        Assert.That(stats.Method("GET"), Is.EqualTo(1));
        Assert.That(Emulator.Store.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task RetriedCreateNeverAdoptsAMatchingConnectionMadeLongBefore()
    {
        var client = Client(maxRetries: 3);
        EmulatorClock.Offset = TimeSpan.FromDays(-30);
        await client.CreateAsync(Scope, Request("hand-made"), CancellationToken.None);
        EmulatorClock.Offset = TimeSpan.Zero;
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("hand-made"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.Message, Does.Contain("already existed before this create"));
    }

    [Test]
    public async Task RetriedCreateThatMeetsADifferentConnectionReportsTheDifference()
    {
        var client = Client(maxRetries: 3);
        await client.CreateAsync(Scope, Request("taken", "BEDROCK", "https://bedrock.us-east-1.amazonaws.com"), CancellationToken.None);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("taken"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.Message, Does.Contain("already exists and differs").And.Contain("BEDROCK").And.Contain("OPENAI")
            .And.Contain("https://bedrock.us-east-1.amazonaws.com"));
        Assert.That(error.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task A409OnTheFirstAttemptIsADuplicateEvenWhenItMatches()
    {
        var client = Client(maxRetries: 3);
        await client.CreateAsync(Scope, Request("twin"), CancellationToken.None);
        await Admin.ResetStatsAsync();

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("twin"), CancellationToken.None));

        Assert.That(error.Code, Is.EqualTo("resource_already_exists"));
        var stats = await Admin.GetStatsAsync();
        Assert.That(stats.Method("POST"), Is.EqualTo(1));
        Assert.That(stats.Method("GET"), Is.EqualTo(0));
    }

    [Test]
    public async Task AStormWithASeedIsSurvivedByAClientWithEnoughRetries()
    {
        var client = Client(maxRetries: 8);
        await Admin.SetFaultsAsync(new FaultPlan
        {
            Storm = new StormPlan { Seed = 7, P503 = 0.2, P429 = 0.1, PDrop = 0.05, PSlow = 0.1, SlowMs = 20 },
            RetryAfterSeconds = 0,
        });

        for (var i = 0; i < 10; i++) await client.CreateAsync(Scope, Request($"storm-{i}"), CancellationToken.None);
        var listed = await client.ListAsync(Scope, null, CancellationToken.None);

        Assert.That(listed, Has.Count.EqualTo(10));
        var stats = await Admin.GetStatsAsync();
        Assert.That(stats.Total, Is.GreaterThan(11), "the storm injected at least one fault");
    }
}
