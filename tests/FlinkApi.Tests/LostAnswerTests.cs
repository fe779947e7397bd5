using System.Diagnostics;
using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// Writes whose answer may have been lost, settled by a lookup, and operations bounded by a custom timeout or ended by
/// Cancel. The emulator's commit-then-fail carries out a write and loses its answer; its holds play a service that does
/// not answer.
/// </summary>
public sealed class LostAnswerTests : EmulatorTest
{
    private const int Attempts = 3, HeldMs = 60_000;
    private const string Adopted = "adopted", OurKey = "{\"API_KEY\":\"our-key\"}";

    public enum Existing { None, MadeLongBefore, Different }

    private static TestCaseData Create(string name, FaultPlan faults, string outcome, Existing existing = Existing.None, double? timeout = null,
        Type? error = null) => new TestCaseData(faults, existing, timeout, outcome, error ?? typeof(FlinkApiException)).SetName(name);

    public static IEnumerable<TestCaseData> Creates() =>
    [
        Create("A create whose every answer was lost is adopted", new() { CommitThenFailNext = Attempts, CommitThenFailStatus = 503 }, Adopted),
        Create("A create whose retry met 409 after a lost 500 is adopted", new() { CommitThenFailNext = 1, CommitThenFailStatus = 500 }, Adopted),
        Create("A create whose retry met 409 after a dropped answer is adopted", new() { CommitThenFailNext = 1, CommitThenFailStatus = 0 }, Adopted),
        Create("A create that committed but whose answer is held past the custom timeout is adopted",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailAfterMs = HeldMs }, Adopted, timeout: 2),
        Create("A create whose retry met a connection made long before is a 409, not adopted", new() { FailNext = 1 },
            "Confluent API 409 resource_already_exists: *: A connection named 'c1' already existed before this create was sent (request id *)",
            Existing.MadeLongBefore),
        Create("A create whose lookup found a connection made long before is a 409, not adopted", new() { FailNext = Attempts },
            "Confluent API 409: A connection named 'c1' already existed before this create was sent", Existing.MadeLongBefore),
        Create("A create whose retry met a connection that differs is a 409 naming the difference", new() { FailNext = 1 },
            "Confluent API 409 *: A connection named 'c1' already exists and differs from the one requested: it has type BEDROCK and endpoint " +
            "https://bedrock.us-east-1.amazonaws.com, the request asked for type OPENAI and endpoint https://api.openai.com/v1/chat/completions *",
            Existing.Different),
        Create("A create whose lookup finds nothing fails with the plain error saying so", new() { FailNext = Attempts },
            "Confluent API 503 injected_fault: *. A lookup found no connection named 'c1': it was not created."),
        Create("A create held past its custom timeout is looked up within it and named after the timeout", new() { HoldNext = 1, HoldMs = HeldMs },
            "The create of connection 'c1' did not finish within the 2 s custom timeout (1 attempt(s), last: no answer in time). " +
            "A lookup found no connection named 'c1': it was not created.", timeout: 2),
        Create("A create whose lookup fails too says the connection may exist", new() { FailNext = int.MaxValue },
            "The create of connection 'c1' may have succeeded: Confluent API 503 *. Looking the connection up to find out failed too: *. " +
            "The connection may exist.", error: typeof(CreateOutcomeUnknownException)),
    ];

    [TestCaseSource(nameof(Creates))]
    public async Task ACreateWhoseAnswerMayHaveBeenLostIsSettledByALookup(FaultPlan faults, Existing existing, double? timeout, string outcome, Type error)
    {
        var client = Client();
        Clock.Offset = existing == Existing.MadeLongBefore ? TimeSpan.FromDays(-30) : TimeSpan.Zero;
        if (existing != Existing.None)
            await client.CreateAsync(Address("c1"), existing == Existing.Different ? New("BEDROCK", "https://bedrock.us-east-1.amazonaws.com") : New(),
                CancellationToken.None);
        Clock.Offset = TimeSpan.Zero;
        Emulator.Stats.Reset();
        Emulator.Faults.Set(faults);

        var create = () => client.CreateAsync(Address("c1"), New(), Budget(timeout));

        if (outcome == Adopted) Assert.That((await create()).Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        else Assert.That(await Expect<FlinkApiException>(create), Is.TypeOf(error).And.Message.Match(Pattern(outcome)));
        Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.Positive, "a lookup settled it");
        Assert.That(Emulator.Store.Count, Is.EqualTo(outcome == Adopted || existing != Existing.None ? 1 : 0));
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
            Client(Settings(new Uri($"http://127.0.0.1:{port}"))).CreateAsync(Address("c1"), New(), CancellationToken.None));

        // A lookup on the same refused port would have failed too, and made the outcome unknown.
        Assert.That(error, Is.TypeOf<FlinkApiException>().And.Message.Match(
            Pattern($"Confluent API unreachable: POST {Address("").Path.TrimEnd('/')} to 127.0.0.1:{port} failed: *, after {Attempts} attempt(s) in *")));
    }

    private static TestCaseData Update(string name, FaultPlan faults, int puts, bool otherWriter = false, double? timeout = null, string? error = null) =>
        new TestCaseData(faults, otherWriter, timeout, puts, error).SetName(name);

    public static IEnumerable<TestCaseData> Updates() =>
    [
        Update("An update whose every answer was lost is sent again on the version it moved to",
            new() { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" }, puts: Attempts + 1),
        Update("An update whose retry met a stale version after a lost answer is sent again on the version it moved to",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" }, puts: 3),
        Update("An update whose answers were lost while another writer moved the version is sent again", new() { FailNext = Attempts },
            puts: Attempts + 1, otherWriter: true),
        Update("An update whose answer outlived its custom timeout counts as applied when the version moved",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailMethod = "PUT", CommitThenFailAfterMs = HeldMs }, puts: 1, timeout: 2),
        Update("An update whose version did not move fails saying it was not applied", new() { FailNext = Attempts }, puts: Attempts,
            error: "Confluent API 503 injected_fault: *. Connection 'c1' is still at resource_version '*': the update was not applied."),
    ];

    [TestCaseSource(nameof(Updates))]
    public async Task AnUpdateWhoseAnswerMayHaveBeenLostIsSettledByReadingTheConnection(FaultPlan faults, bool otherWriter, double? timeout, int puts,
        string? error)
    {
        var client = Client();
        var before = (await client.CreateAsync(Address("c1"), New(), CancellationToken.None)).Connection;
        if (otherWriter)
            Emulator.Store.Update(new ConnectionKey(Environment.OrganizationId, Environment.EnvironmentId, "c1"), before.Metadata!.ResourceVersion!,
                "PlaintextProvider", "{\"API_KEY\":\"someone-elses-key\"}");
        var stored = Emulator.Store.All().Single();
        Emulator.Stats.Reset();
        Emulator.Faults.Set(faults);

        var update = () => client.SetAuthDataAsync(Address("c1"), OurKey, Budget(timeout), before);

        if (error is null) Assert.That((await update()).Metadata!.ResourceVersion, Is.Not.EqualTo(stored.ResourceVersion));
        else Assert.That((await Expect<FlinkApiException>(update)).Message, Does.Match(Pattern(error)));
        var stats = Emulator.Stats.Snapshot();
        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo(error is null ? OurKey : stored.AuthData));
        // A PUT the client gave up on may not be counted yet.
        Assert.That((stats.Method("PUT") + stats.Unanswered, stats.Method("GET")), Is.EqualTo((puts, 1)), "PUTs, and one read back");
    }

    public static IEnumerable<TestCaseData> Deletes() =>
    [
        new TestCaseData(new FaultPlan { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "DELETE" }, null, 0)
            .SetName("A delete whose every answer was lost is confirmed by a 404 lookup"),
        new TestCaseData(new FaultPlan { FailNext = Attempts }, "Confluent API 503 *. Connection 'c1' still exists: it was not deleted.", 1)
            .SetName("A delete that did not happen fails saying the connection still exists"),
        new TestCaseData(new FaultPlan { FailNext = int.MaxValue },
                "The delete of connection 'c1' may or may not have happened: Confluent API 503 *. Running the delete again is safe.", 1)
            .SetName("A delete whose lookup fails too says it may have happened and can be run again"),
    ];

    [TestCaseSource(nameof(Deletes))]
    public async Task ADeleteWhoseAnswerWasLostIsSettledByALookup(FaultPlan faults, string? error, int left)
    {
        var client = Client();
        await client.CreateAsync(Address("c1"), New(), CancellationToken.None);
        Emulator.Faults.Set(faults);

        if (error is null) Assert.That(await client.DeleteAsync(Address("c1"), CancellationToken.None), Is.True);
        else Assert.That((await Expect<FlinkApiException>(() => client.DeleteAsync(Address("c1"), CancellationToken.None))).Message, Does.Match(Pattern(error)));
        Assert.That(Emulator.Store.Count, Is.EqualTo(left));
    }

    [Test]
    public async Task AReadHeldPastItsCustomTimeoutFailsNamingTheTimeout()
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = HeldMs });

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("slow"), Budget(1)));

        Assert.That(error.Message, Is.EqualTo("The read of connection 'slow' did not finish within the 1 s custom timeout (1 attempt(s), last: no answer in time)"));
    }

    [TestCase(true, true, TestName = "Cancel while a create is held says the connection may exist, without a lookup")]
    [TestCase(false, true, TestName = "Cancel while a read is held is a plain cancellation")]
    [TestCase(true, false, TestName = "Cancel before a create was sent is a plain cancellation")]
    public async Task CancelStopsAtOnce(bool create, bool afterSending)
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = HeldMs });
        using var cancel = new CancellationTokenSource();
        if (!afterSending) await cancel.CancelAsync();
        var budget = new OperationBudget(TimeSpan.FromMinutes(5), cancel.Token);
        Task call = create ? Client().CreateAsync(Address("held"), New(), budget) : Client().GetAsync(Address("held"), budget);
        if (afterSending) await Until(() => Emulator.Stats.Snapshot().Unanswered == 1);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        Exception error = create && afterSending ? await Expect<CreateOutcomeUnknownException>(() => call) : await Expect<OperationCanceledException>(() => call);

        var stats = Emulator.Stats.Snapshot();
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(stats.Total + stats.Unanswered, Is.EqualTo(afterSending ? 1 : 0), "the held request alone: no lookup");
        if (error is not CreateOutcomeUnknownException unknown) return;
        Assert.That(unknown.Reason, Is.EqualTo(CreateUnresolvedReason.Cancelled));
        Assert.That(unknown.Message, Does.Match(Pattern("The create of connection 'held' was cancelled after its request had been sent * may exist.")));
    }

    /// <summary>
    /// When a held create is given up tells the lookup's reserve: a quarter of a short timeout, or the lookup's own bound when
    /// that is smaller. Each expected moment rules out the other rule, and the lookup answering rules out no reserve at all.
    /// (The lookup's answer comes at once, so the call ends when the create was given up.)
    /// </summary>
    [TestCase(4.0, 5.0, 3.0, TestName = "The lookup reserve is a quarter of a short custom timeout")]
    [TestCase(2.0, 0.2, 1.8, TestName = "The lookup reserve is the lookup's own bound when a quarter of the timeout is longer")]
    public async Task AHeldCreateIsGivenUpWhenOnlyTheLookupReserveIsLeft(double timeout, double lookupTimeout, double givenUpAt)
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = HeldMs });
        var client = Client(Settings(Emulator.BaseAddress) with { LookupTimeout = TimeSpan.FromSeconds(lookupTimeout) });

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Address("held"), New(), Budget(timeout)));

        Assert.That(error.Message, Does.EndWith("A lookup found no connection named 'held': it was not created."));
        Assert.That(clock.Elapsed.TotalSeconds, Is.InRange(givenUpAt - 0.05, givenUpAt + 0.4));
    }

    [Test]
    public void ABudgetRefusesATimeoutThatIsNotPositive() =>
        Assert.That(() => new OperationBudget(TimeSpan.Zero, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static OperationBudget Budget(double? seconds) => new(seconds is { } s ? TimeSpan.FromSeconds(s) : null, CancellationToken.None);
}
