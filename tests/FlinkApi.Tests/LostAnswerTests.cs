using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// Writes whose answer may have been lost, settled by a lookup, and operations bounded by a custom timeout or ended by Cancel.
/// The emulator's commit-then-fail carries out a write and loses its answer; its holds play a service that does not answer.
/// </summary>
public sealed class LostAnswerTests : EmulatorTest
{
    private const int Attempts = 3, HeldMs = 60_000;
    private const string Settled = "settled", OurKey = "{\"API_KEY\":\"our-key\"}";

    /// <summary>The connection named c1 before the write: ours as we created it, ours moved on by another writer, or another's.</summary>
    public enum Existing { None, Ours, MovedByAnother, MadeLongBefore, Different }

    private static TestCaseData Write(string write, string name, FaultPlan faults, string outcome, Existing existing = Existing.None, double? timeout = null,
        Type? error = null, double? lookup = null, double? givenUpAt = null, int? puts = null) =>
        new TestCaseData(write, faults, existing, timeout, lookup, givenUpAt, puts, outcome, error ?? typeof(FlinkApiException)).SetName(name);

    public static IEnumerable<TestCaseData> Writes() =>
    [
        Write("create", "A create whose every answer was lost is adopted", new() { CommitThenFailNext = Attempts, CommitThenFailStatus = 503 }, Settled),
        Write("create", "A create whose retry met 409 after a lost 500 is adopted", new() { CommitThenFailNext = 1, CommitThenFailStatus = 500 }, Settled),
        Write("create", "A create whose retry met 409 after a dropped answer is adopted", new() { CommitThenFailNext = 1, CommitThenFailStatus = 0 }, Settled),
        Write("create", "A create that committed but whose answer is held past the custom timeout is adopted",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailAfterMs = HeldMs }, Settled, timeout: 2),
        Write("create", "A create whose retry met a connection made long before is a 409, not adopted", new() { FailNext = 1 },
            "Confluent API 409 resource_already_exists: *: A connection named 'c1' already existed before this create was sent (request id *)",
            Existing.MadeLongBefore),
        Write("create", "A create whose lookup found a connection made long before is a 409, not adopted", new() { FailNext = Attempts },
            "Confluent API 409: A connection named 'c1' already existed before this create was sent", Existing.MadeLongBefore),
        Write("create", "A create whose retry met a connection that differs is a 409 naming the difference", new() { FailNext = 1 },
            "Confluent API 409 *: A connection named 'c1' already exists and differs from the one requested: it has type BEDROCK and endpoint " +
            "https://bedrock.us-east-1.amazonaws.com, the request asked for type OPENAI and endpoint https://api.openai.com/v1/chat/completions *",
            Existing.Different),
        Write("create", "A create whose lookup finds nothing fails with the plain error saying so", new() { FailNext = Attempts },
            "Confluent API 503 injected_fault: *. A lookup found no connection named 'c1': it was not created."),
        // A held create is given up when only the lookup's reserve is left: a quarter of a short timeout, or the lookup's own
        // bound when that is smaller. Each moment rules out the other rule; the lookup answering rules out no reserve at all.
        Write("create", "A create held past its custom timeout is looked up within a reserve of a quarter of it, and named after the timeout",
            new() { HoldNext = 1, HoldMs = HeldMs }, "The create of connection 'c1' did not finish within the 4 s custom timeout " +
            "(1 attempt(s), last: no answer in time). A lookup found no connection named 'c1': it was not created.", timeout: 4, lookup: 5, givenUpAt: 3),
        Write("create", "The lookup reserve is the lookup's own bound when a quarter of the timeout is longer", new() { HoldNext = 1, HoldMs = HeldMs },
            "The create of connection 'c1' did not finish within the 2 s custom timeout (*). A lookup found no connection named 'c1': it was not created.",
            timeout: 2, lookup: 0.2, givenUpAt: 1.8),
        Write("create", "A create whose lookup fails too says the connection may exist", new() { FailNext = int.MaxValue },
            "The create of connection 'c1' may have succeeded: Confluent API 503 *. Looking the connection up to find out failed too: *. " +
            "The connection may exist.", error: typeof(CreateOutcomeUnknownException)),
        Write("update", "An update whose every answer was lost is sent again on the version it moved to",
            new() { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" }, Settled, Existing.Ours, puts: Attempts + 1),
        Write("update", "An update whose retry met a stale version after a lost answer is sent again on the version it moved to",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" }, Settled, Existing.Ours, puts: 3),
        Write("update", "An update whose answers were lost while another writer moved the version is sent again", new() { FailNext = Attempts },
            Settled, Existing.MovedByAnother, puts: Attempts + 1),
        Write("update", "An update whose answer outlived its custom timeout counts as applied when the version moved",
            new() { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailMethod = "PUT", CommitThenFailAfterMs = HeldMs }, Settled, Existing.Ours,
            timeout: 2, puts: 1),
        Write("update", "An update whose version did not move fails saying it was not applied", new() { FailNext = Attempts },
            "Confluent API 503 injected_fault: *. Connection 'c1' is still at resource_version '*': the update was not applied.", Existing.Ours, puts: Attempts),
        Write("delete", "A delete whose every answer was lost is confirmed by a 404 lookup",
            new() { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "DELETE" }, Settled, Existing.Ours),
        Write("delete", "A delete that did not happen fails saying the connection still exists", new() { FailNext = Attempts },
            "Confluent API 503 *. Connection 'c1' still exists: it was not deleted.", Existing.Ours),
        Write("delete", "A delete whose lookup fails too says it may have happened and can be run again", new() { FailNext = int.MaxValue },
            "The delete of connection 'c1' may or may not have happened: Confluent API 503 *. Running the delete again is safe.", Existing.Ours),
    ];

    [TestCaseSource(nameof(Writes))]
    public async Task AWriteWhoseAnswerMayHaveBeenLostIsSettledByALookup(string write, FaultPlan faults, Existing existing, double? timeout,
        double? lookup, double? givenUpAt, int? puts, string outcome, Type error)
    {
        Clock.Offset = existing == Existing.MadeLongBefore ? TimeSpan.FromDays(-30) : TimeSpan.Zero;
        var before = existing == Existing.None ? null : (await Client().CreateAsync(Address("c1"),
            existing == Existing.Different ? New("BEDROCK", "https://bedrock.us-east-1.amazonaws.com") : New(), CancellationToken.None)).Connection;
        Clock.Offset = TimeSpan.Zero;
        if (existing == Existing.MovedByAnother)
            Emulator.Store.Update(new ConnectionKey(Environment.OrganizationId, Environment.EnvironmentId, "c1"), before!.Metadata!.ResourceVersion!,
                "PlaintextProvider", "{\"API_KEY\":\"someone-elses-key\"}");
        var stored = Emulator.Store.All().SingleOrDefault();
        Emulator.Stats.Reset();
        Emulator.Faults.Set(faults);
        var client = Client(Settings(Emulator.BaseAddress) with { LookupTimeout = TimeSpan.FromSeconds(lookup ?? 1) });

        var budget = new OperationBudget(timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        Func<Task<bool>> call = write switch
        {
            "create" => async () => (await client.CreateAsync(Address("c1"), New(), budget)).Kind == CreateOutcomeKind.AdoptedAfterLostAnswer,
            "update" => async () => (await client.SetAuthDataAsync(Address("c1"), OurKey, budget, before)).Metadata!.ResourceVersion != stored!.ResourceVersion,
            _ => () => client.DeleteAsync(Address("c1"), budget),
        };

        if (outcome == Settled) Assert.That(await call(), Is.True);
        else Assert.That(await Expect<FlinkApiException>(call), Is.TypeOf(error).And.Message.Match(Pattern(outcome)));
        var stats = Emulator.Stats.Snapshot();
        if (givenUpAt is { } at) Assert.That(clock.Elapsed.TotalSeconds, Is.InRange(at - 0.05, at + 0.4), "given up when only the reserve was left");
        Assert.That(stats.Method("GET"), write == "update" ? Is.EqualTo(1) : Is.Positive, "a lookup settled it");
        Assert.That(Emulator.Store.Count, Is.EqualTo(outcome == Settled ? (write == "delete" ? 0 : 1) : existing == Existing.None ? 0 : 1));
        if (write != "update") return;
        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo(outcome == Settled ? OurKey : stored!.AuthData));
        // A PUT the client gave up on may not be counted yet.
        Assert.That(stats.Method("PUT") + stats.Unanswered, Is.EqualTo(puts), "PUTs");
    }

    [Test]
    public async Task ACreateThatNeverReachedTheServiceIsNotInDoubt()
    {
        // A port bound but not listening refuses every connection: no request left this machine. (A lookup there would have
        // failed too, and made the outcome unknown.)
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;

        var error = await Expect<FlinkApiException>(() =>
            Client(Settings(new Uri($"http://127.0.0.1:{port}"))).CreateAsync(Address("c1"), New(), CancellationToken.None));

        Assert.That(error, Is.TypeOf<FlinkApiException>().And.Message.Match(
            Pattern($"Confluent API unreachable: POST {Address("").Path.TrimEnd('/')} to 127.0.0.1:{port} failed: *, after {Attempts} attempt(s) in *")));
    }

    [TestCase(true, "held", TestName = "Cancel while a create is held says the connection may exist, without a lookup")]
    [TestCase(false, "held", TestName = "Cancel while a read is held is a plain cancellation")]
    [TestCase(true, "unsent", TestName = "Cancel before a create was sent is a plain cancellation")]
    [TestCase(false, "waiting", TestName = "Cancel while a read waits out the 60 s a 429's Retry-After asked for is a plain cancellation")]
    public async Task CancelStopsAtOnce(bool create, string when)
    {
        Emulator.Faults.Set(when == "waiting" ? new() { FailNext = 1, FailStatus = 429, RetryAfterSeconds = 60 } : new FaultPlan { HoldNext = 1, HoldMs = HeldMs });
        using var cancel = new CancellationTokenSource();
        if (when == "unsent") await cancel.CancelAsync();
        var budget = new OperationBudget(TimeSpan.FromMinutes(5), cancel.Token);
        var client = Client(Settings(Emulator.BaseAddress) with { MaxDelay = TimeSpan.FromMinutes(5) });
        Task call = create ? client.CreateAsync(Address("held"), New(), budget) : client.GetAsync(Address("held"), budget);
        if (when == "held") await Until(() => Emulator.Stats.Snapshot().Unanswered == 1);
        if (when == "waiting") await Until(() => Log.Lines.Any(l => l.Contains("retrying")));

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        Exception error = create && when == "held"
            ? await Expect<CreateOutcomeUnknownException>(() => call) : await Expect<OperationCanceledException>(() => call);

        var stats = Emulator.Stats.Snapshot();
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(stats.Total + stats.Unanswered, Is.EqualTo(when == "unsent" ? 0 : 1), "the one request sent alone: no lookup, no retry");
        if (when == "waiting") Assert.That(Log.Lines.Single(l => l.Contains("retrying")), Does.Contain("in 60000 ms"), "Retry-After, under MaxDelay, is honoured");
        if (error is not CreateOutcomeUnknownException unknown) return;
        Assert.That(unknown.Reason, Is.EqualTo(CreateUnresolvedReason.Cancelled));
        Assert.That(unknown.Message, Does.Match(Pattern("The create of connection 'held' was cancelled after its request had been sent * may exist.")));
    }

    [Test]
    public void ABudgetRefusesATimeoutThatIsNotPositive() =>
        Assert.That(() => new OperationBudget(TimeSpan.Zero, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
