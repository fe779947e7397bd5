using System.Diagnostics;
using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// Writes whose answer was lost, settled by a lookup, and operations bounded by a custom timeout or ended by Cancel. The
/// emulator's commit-then-fail carries out a write and loses its answer; its holds play a service that does not answer.
/// </summary>
public sealed class LostAnswerTests : EmulatorTest
{
    private const int Attempts = 3;
    private const int LongHoldMs = 60_000;
    private static OperationBudget TwoSeconds => new(TimeSpan.FromSeconds(2), CancellationToken.None);

    [TestCase(Attempts, 503, Attempts, TestName = "A create whose every answer was lost is adopted")]
    [TestCase(1, 500, 2, TestName = "A create whose retry met 409 after a lost 500 is adopted")]
    [TestCase(1, 0, 2, TestName = "A create whose retry met 409 after a dropped answer is adopted")]
    public async Task ACreateWhoseAnswerWasLostIsAdoptedWhenTheLookupFindsItBornDuringTheCreate(int lost, int lostAs, int posts)
    {
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = lost, CommitThenFailStatus = lostAs });

        var outcome = await Client().CreateAsync(Address("adopt-me"), New(), CancellationToken.None);

        var stats = Emulator.Stats.Snapshot();
        Assert.That((outcome.Kind, outcome.Connection.Name), Is.EqualTo((CreateOutcomeKind.AdoptedAfterLostAnswer, "adopt-me")));
        Assert.That((stats.Method("POST"), stats.Status(201), stats.Method("GET")), Is.EqualTo((posts, 0, 1)), "POSTs, 201s, lookups");
        Assert.That(Emulator.Store.Count, Is.EqualTo(1));
    }

    [TestCase(true, 1, TestName = "A create whose retry met a connection made long before is a 409, not adopted")]
    [TestCase(true, Attempts, TestName = "A create whose lookup found a connection made long before is a 409, not adopted")]
    [TestCase(false, 1, TestName = "A create whose retry met a connection that differs is a 409 naming the difference")]
    public async Task ACreateThatMeetsAConnectionNotItsOwnIsA409(bool madeLongBefore, int failures)
    {
        var client = Client();
        Clock.Offset = madeLongBefore ? TimeSpan.FromDays(-30) : TimeSpan.Zero;
        await client.CreateAsync(Address("taken"), madeLongBefore ? New() : New("BEDROCK", "https://bedrock.us-east-1.amazonaws.com"),
            CancellationToken.None);
        Clock.Offset = TimeSpan.Zero;
        Emulator.Faults.Set(new FaultPlan { FailNext = failures });

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Address("taken"), New(), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.Message, madeLongBefore
            ? Does.Contain("A connection named 'taken' already existed before this create was sent")
            : Does.Contain("already exists and differs").And.Contain("type BEDROCK and endpoint https://bedrock.us-east-1.amazonaws.com")
                .And.Contain("asked for type OPENAI"));
        // The API's own 409 keeps its fields; after a lost answer of another kind, its code would mislead.
        Assert.That(error.Answer!.Code, failures == 1 ? Is.EqualTo("resource_already_exists") : Is.Null);
    }

    [Test]
    public async Task ACreateWhoseLookupFindsNothingFailsWithThePlainErrorSayingSo()
    {
        Emulator.Faults.Set(new FaultPlan { FailNext = Attempts });

        var error = await Expect<FlinkApiException>(() => Client().CreateAsync(Address("never-made"), New(), CancellationToken.None));

        Assert.That(error, Is.Not.InstanceOf<CreateOutcomeUnknownException>());
        Assert.That(error.Message, Does.StartWith("Confluent API 503 injected_fault")
            .And.EndWith("A lookup found no connection named 'never-made': it was not created."));
        Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.EqualTo(1));
    }

    [Test]
    public async Task ACreateWhoseLookupFailsTooSaysTheConnectionMayExist()
    {
        Emulator.Faults.Set(new FaultPlan { FailNext = int.MaxValue });

        var error = await Expect<CreateOutcomeUnknownException>(() => Client().CreateAsync(Address("maybe-made"), New(), CancellationToken.None));

        Assert.That(error.Reason, Is.EqualTo(CreateUnresolvedReason.LookupFailed));
        Assert.That(error.Message, Does.StartWith("The create of connection 'maybe-made' may have succeeded: Confluent API 503")
            .And.Contain("Looking the connection up to find out failed too: ").And.EndWith("The connection may exist."));
        Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.GreaterThan(1), "the lookup retried");
    }

    [Test]
    public async Task ACreateThatNeverReachedTheServiceIsNotInDoubt()
    {
        // A port that was free a moment ago: every connection is refused, so no request left this machine.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Expect<FlinkApiException>(() =>
            Client(Settings(new Uri($"http://127.0.0.1:{port}"))).CreateAsync(Address("unsent"), New(), CancellationToken.None));

        // A lookup on the same refused port would have failed too, and made the outcome unknown.
        Assert.That(error, Is.Not.InstanceOf<CreateOutcomeUnknownException>());
        Assert.That(error.Message, Does.StartWith($"Confluent API unreachable: POST {Address("").Path.TrimEnd('/')} to 127.0.0.1:{port} failed: ")
            .And.Contain($"after {Attempts} attempt(s)").And.Not.Contain("lookup"));
    }

    [TestCase(Attempts, Attempts + 1, TestName = "An update whose every answer was lost is sent again on the version it moved to")]
    [TestCase(1, 3, TestName = "An update whose retry met a stale version after a lost answer is sent again on the version it moved to")]
    public async Task AnUpdateWhoseAnswerWasLostIsSentAgainOnTheMovedResourceVersion(int lost, int puts)
    {
        var (client, before) = await CreatedAsync("rotated");
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = lost, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" });

        await client.SetAuthDataAsync(Address("rotated"), "{\"API_KEY\":\"rotated-key\"}", CancellationToken.None, before);

        var stored = Emulator.Store.All().Single();
        var stats = Emulator.Stats.Snapshot();
        Assert.That(stored.AuthData, Is.EqualTo("{\"API_KEY\":\"rotated-key\"}"));
        Assert.That((stats.Method("PUT"), stats.Method("GET")), Is.EqualTo((puts, 1)), "the attempts, then one PUT on the moved version; one read back");
    }

    [Test]
    public async Task AnUpdateWhoseAnswersWereLostWhileAnotherWriterMovedTheVersionIsSentAgain()
    {
        var (client, before) = await CreatedAsync("contested");
        Emulator.Store.Update(new ConnectionKey(Environment.OrganizationId, Environment.EnvironmentId, "contested"), before.Metadata!.ResourceVersion!,
            "PlaintextProvider", "{\"API_KEY\":\"someone-elses-key\"}");
        Emulator.Faults.Set(new FaultPlan { FailNext = Attempts });

        await client.SetAuthDataAsync(Address("contested"), "{\"API_KEY\":\"our-key\"}", CancellationToken.None, before);

        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo("{\"API_KEY\":\"our-key\"}"), "ours, sent again on the moved version");
    }

    [Test]
    public async Task AnUpdateWhoseVersionDidNotMoveFailsSayingItWasNotApplied()
    {
        var (client, before) = await CreatedAsync("unchanged");
        Emulator.Faults.Set(new FaultPlan { FailNext = Attempts });

        var error = await Expect<FlinkApiException>(() =>
            client.SetAuthDataAsync(Address("unchanged"), "{\"API_KEY\":\"other-key\"}", CancellationToken.None, before));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(error.Message, Does.EndWith($"is still at resource_version '{before.Metadata!.ResourceVersion}': the update was not applied."));
        Assert.That(Emulator.Store.All().Single().ResourceVersion, Is.EqualTo(before.Metadata.ResourceVersion));
    }

    [Test]
    public async Task AnUpdateWhoseAnswerOutlivedItsCustomTimeoutCountsAsAppliedWhenTheVersionMoved()
    {
        var (client, before) = await CreatedAsync("late-answer");
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailMethod = "PUT", CommitThenFailAfterMs = LongHoldMs });

        var updated = await client.SetAuthDataAsync(Address("late-answer"), "{\"API_KEY\":\"late-key\"}", TwoSeconds, before);

        var stats = Emulator.Stats.Snapshot();
        Assert.That(updated.Metadata!.ResourceVersion, Is.Not.EqualTo(before.Metadata!.ResourceVersion));
        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo("{\"API_KEY\":\"late-key\"}"));
        Assert.That((stats.Method("PUT") + stats.Unanswered, stats.Method("GET")), Is.EqualTo((1, 1)), "no time was left to send it again");
    }

    public static IEnumerable<TestCaseData> LostDeletes() =>
    [
        new TestCaseData(new FaultPlan { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "DELETE" }, null, 0)
            .SetName("A delete whose every answer was lost is confirmed by a 404 lookup"),
        new TestCaseData(new FaultPlan { FailNext = Attempts }, "Confluent API 503 * Connection 'c1' still exists: it was not deleted.", 1)
            .SetName("A delete that did not happen fails saying the connection still exists"),
        new TestCaseData(new FaultPlan { FailNext = int.MaxValue },
                "The delete of connection 'c1' may or may not have happened: Confluent API 503 * Running the delete again is safe.", 1)
            .SetName("A delete whose lookup fails too says it may have happened and can be run again"),
    ];

    [TestCaseSource(nameof(LostDeletes))]
    public async Task ADeleteWhoseAnswerWasLostIsSettledByALookup(FaultPlan faults, string? error, int left)
    {
        var (client, _) = await CreatedAsync("c1");
        Emulator.Faults.Set(faults);

        if (error is null) Assert.That(await client.DeleteAsync(Address("c1"), CancellationToken.None), Is.True);
        else Assert.That((await Expect<FlinkApiException>(() => client.DeleteAsync(Address("c1"), CancellationToken.None))).Message,
            Does.StartWith(error.Split(" * ")[0]).And.EndWith(error.Split(" * ")[1]));
        Assert.That(Emulator.Store.Count, Is.EqualTo(left));
    }

    [Test]
    public async Task ACreateHeldPastItsCustomTimeoutIsLookedUpWithinItAndNamedAfterTheTimeout()
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });

        var error = await Expect<FlinkApiException>(() => Client().CreateAsync(Address("held"), New(), TwoSeconds));

        var stats = Emulator.Stats.Snapshot();
        Assert.That(error.Message, Does.StartWith("The create of connection 'held' did not finish within the 2 s custom timeout")
            .And.EndWith("A lookup found no connection named 'held': it was not created."));
        Assert.That((stats.Method("GET"), stats.Status(404)), Is.EqualTo((1, 1)), "the lookup ran, in the slice kept for it");
        Assert.That(Emulator.Store.Count, Is.Zero, "the client left the held request before it was carried out");
    }

    [Test]
    public async Task ACreateThatCommittedButWhoseAnswerIsHeldPastTheTimeoutIsAdopted()
    {
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailAfterMs = LongHoldMs });

        var outcome = await Client().CreateAsync(Address("committed"), New(), TwoSeconds);

        Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
    }

    [Test]
    public async Task AReadHeldPastItsCustomTimeoutFailsNamingTheTimeout()
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("slow"), new OperationBudget(TimeSpan.FromSeconds(1), CancellationToken.None)));

        Assert.That(error.Message, Is.EqualTo("The read of connection 'slow' did not finish within the 1 s custom timeout (1 attempt(s), last: no answer in time)"));
    }

    [TestCase(true, TestName = "Cancel while a create is held says the connection may exist, without a lookup")]
    [TestCase(false, TestName = "Cancel while a read is held is a plain cancellation")]
    public async Task CancelWhileAnAnswerIsHeldStopsAtOnce(bool create)
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });
        using var cancel = new CancellationTokenSource();
        var budget = new OperationBudget(TimeSpan.FromMinutes(5), cancel.Token);
        Task call = create ? Client().CreateAsync(Address("held"), New(), budget) : Client().GetAsync(Address("held"), budget);
        await Until(() => Emulator.Stats.Snapshot().Unanswered == 1);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        Exception error = create ? await Expect<CreateOutcomeUnknownException>(() => call) : await Expect<OperationCanceledException>(() => call);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        if (error is CreateOutcomeUnknownException unknown)
        {
            Assert.That(unknown.Reason, Is.EqualTo(CreateUnresolvedReason.Cancelled));
            Assert.That(unknown.Message, Does.StartWith("The create of connection 'held' was cancelled after its request had been sent").And.Contain("may exist"));
            Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.Zero, "no lookup after a cancel");
        }
    }

    [Test]
    public async Task CancelBeforeACreateWasSentIsAPlainCancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Expect<OperationCanceledException>(() => Client().CreateAsync(Address("never-sent"), New(), cancel.Token));

        Assert.That(Emulator.Stats.Snapshot().Total, Is.Zero);
    }

    /// <summary>
    /// When a held create is given up tells the lookup's reserve: a quarter of a short timeout, or the lookup's own bound when
    /// that is smaller. Each expected moment rules out the other rule, and the lookup answering rules out no reserve at all.
    /// </summary>
    [TestCase(2.0, 5.0, 1.5, TestName = "The lookup reserve is a quarter of a short custom timeout")]
    [TestCase(2.0, 0.2, 1.8, TestName = "The lookup reserve is the lookup's own bound when a quarter of the timeout is longer")]
    public async Task AHeldCreateIsGivenUpWhenOnlyTheLookupReserveIsLeft(double timeoutSeconds, double lookupSeconds, double givenUpSeconds)
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = LongHoldMs });
        var client = Client(Settings(Emulator.BaseAddress) with { LookupTimeout = TimeSpan.FromSeconds(lookupSeconds) });

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() =>
            client.CreateAsync(Address("held"), New(), new OperationBudget(TimeSpan.FromSeconds(timeoutSeconds), CancellationToken.None)));

        Assert.That(error.Message, Does.EndWith("A lookup found no connection named 'held': it was not created."));
        Assert.That(clock.Elapsed.TotalSeconds, Is.GreaterThanOrEqualTo(givenUpSeconds - 0.05).And.LessThan(timeoutSeconds + 0.5));
    }

    [Test]
    public void ABudgetRefusesATimeoutThatIsNotPositive() =>
        Assert.That(() => new OperationBudget(TimeSpan.Zero, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private async Task<(IFlinkConnectionsClient Client, Models.Connection Current)> CreatedAsync(string name)
    {
        var client = Client();
        var created = await client.CreateAsync(Address(name), New(), CancellationToken.None);
        Emulator.Stats.Reset();
        return (client, created.Connection);
    }
}
