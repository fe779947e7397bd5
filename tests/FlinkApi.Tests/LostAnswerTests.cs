using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// Writes whose answer is lost after every retry: a lookup by name settles what happened. The emulator's
/// commit-then-fail carries out a write and answers 503 instead, and keeps answering 503 for the retries.
/// </summary>
public sealed class LostAnswerTests : EmulatorTest
{
    private const int MaxRetries = 2;
    private const int Attempts = MaxRetries + 1;

    [Test]
    public async Task ACreateWhoseEveryAnswerWasLostIsAdoptedWhenTheLookupFindsIt()
    {
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = Attempts, CommitThenFailStatus = 503 });

        var outcome = await Client(MaxRetries).CreateAsync(Scope, Request("lost-then-found"), CancellationToken.None);

        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
            Assert.That(outcome.Connection.Name, Is.EqualTo("lost-then-found"));
            Assert.That(stats.Method("POST"), Is.EqualTo(Attempts));
            Assert.That(stats.Status(503), Is.EqualTo(Attempts), "every create attempt lost its answer");
            Assert.That(stats.Method("GET"), Is.EqualTo(1), "one lookup");
            Assert.That(Emulator.Store.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ACreateWhoseLookupFindsNothingFailsWithThePlainErrorSayingSo()
    {
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = Attempts, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => Client(MaxRetries).CreateAsync(Scope, Request("never-made"), CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(error, Is.Not.InstanceOf<CreateOutcomeUnknownException>());
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(error.Message, Does.StartWith("Confluent API 503 injected_fault")
                .And.EndWith("A lookup found no connection named 'never-made': it was not created."));
            Assert.That((await Admin.GetStatsAsync()).Method("GET"), Is.EqualTo(1));
            Assert.That(Emulator.Store.Count, Is.Zero);
        });
    }

    [Test]
    public async Task ACreateWhoseLookupFailsTooSaysTheConnectionMayExistAndNamesIt()
    {
        // Every request fails: the create's attempts, then each of the lookup's.
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503 });

        var error = await Expect<CreateOutcomeUnknownException>(() =>
            Client(MaxRetries).CreateAsync(Scope, Request("maybe-made"), CancellationToken.None));

        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error.ConnectionName, Is.EqualTo("maybe-made"));
            Assert.That(error.Reason, Is.EqualTo(CreateUnresolvedReason.LookupFailed));
            Assert.That(error.Message, Does.StartWith("The create of connection 'maybe-made' may have succeeded: Confluent API 503")
                .And.Contain("Looking the connection up to find out failed too: Confluent API 503")
                .And.EndWith("The connection may exist."));
            Assert.That(error.WithAdvice("If it does, import it.").Message, Does.EndWith("The connection may exist. If it does, import it."));
            Assert.That(stats.Method("GET"), Is.GreaterThan(1), "the lookup retried");
        });
        // The teardown scans this error's text, and every log line, for the secrets.
    }

    [Test]
    public async Task ACreateThatMeetsAConnectionMadeBeforeItDoesNotAdoptItEvenAfterALostAnswer()
    {
        var client = Client(MaxRetries);
        EmulatorClock.Offset = TimeSpan.FromDays(-30);
        await client.CreateAsync(Scope, Request("hand-made"), CancellationToken.None);
        EmulatorClock.Offset = TimeSpan.Zero;
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = Attempts, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("hand-made"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.Message, Is.EqualTo("Confluent API 409: A connection named 'hand-made' already existed before this create was sent"));
    }

    [TestCase(Attempts, TestName = "An update whose every answer was lost is sent again on the version it moved to")]
    [TestCase(1, TestName = "An update whose retry met a stale version is sent again on the version it moved to")]
    public async Task AnUpdateWhoseAnswerWasLostIsSentAgainOnTheMovedResourceVersion(int lostAnswers)
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("rotated"), CancellationToken.None);
        var before = (await client.GetAsync(Scope, "rotated", CancellationToken.None))!;
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = lostAnswers, CommitThenFailStatus = 503, CommitThenFailMethod = "PUT" });
        await Admin.ResetStatsAsync();

        await client.UpdateAsync(Scope, ForUpdate(before, "{\"API_KEY\":\"rotated-key\"}"), CancellationToken.None);

        var stored = Emulator.Store.All().Single();
        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.AuthData, Is.EqualTo("{\"API_KEY\":\"rotated-key\"}"));
            Assert.That(stored.ResourceVersion, Is.Not.EqualTo(before.Metadata!.ResourceVersion));
            Assert.That(stats.Method("PUT"), Is.EqualTo((lostAnswers == 1 ? 2 : Attempts) + 1), "the attempts, then one on the moved version");
            Assert.That(stats.Method("GET"), Is.EqualTo(1), "one read back");
        });
    }

    [Test]
    public async Task AnUpdateRefusedWhileAnotherWriterMovedTheVersionIsStillApplied()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("contested"), CancellationToken.None);
        var before = (await client.GetAsync(Scope, "contested", CancellationToken.None))!;
        // Someone else writes the connection, then every attempt of ours is refused: the version moved, but not by us.
        var key = new ConnectionKey(Scope.OrganizationId, Scope.EnvironmentId, "contested");
        Emulator.Store.Update(key, before.Metadata!.ResourceVersion!, "PlaintextProvider", "{\"API_KEY\":\"someone-elses-key\"}");
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = Attempts, FailStatus = 503 });

        await client.UpdateAsync(Scope, ForUpdate(before, "{\"API_KEY\":\"our-key\"}"), CancellationToken.None);

        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo("{\"API_KEY\":\"our-key\"}"), "the program's values, sent again on the moved version");
    }

    [Test]
    public async Task AnUpdateWhoseAnswerOutlivedItsCustomTimeoutCountsAsAppliedWhenTheVersionMoved()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("late-answer"), CancellationToken.None);
        var before = (await client.GetAsync(Scope, "late-answer", CancellationToken.None))!;
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 0, CommitThenFailMethod = "PUT", CommitThenFailAfterMs = 20_000 });
        await Admin.ResetStatsAsync();

        await client.UpdateAsync(Scope, ForUpdate(before, "{\"API_KEY\":\"late-key\"}"), new OperationBudget(TimeSpan.FromSeconds(2), CancellationToken.None));

        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo("{\"API_KEY\":\"late-key\"}"));
            Assert.That(stats.Method("PUT") + stats.Unanswered, Is.EqualTo(1), "no time was left to send it again, so it was not");
            Assert.That(stats.Method("GET"), Is.EqualTo(1), "one read back");
        });
    }

    [Test]
    public async Task AnUpdateThatDidNotHappenFailsSayingTheVersionDidNotMove()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("unchanged"), CancellationToken.None);
        var before = (await client.GetAsync(Scope, "unchanged", CancellationToken.None))!;
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = Attempts, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() =>
            client.UpdateAsync(Scope, ForUpdate(before, "{\"API_KEY\":\"other-key\"}"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(error.Message, Does.EndWith($"is still at resource_version '{before.Metadata!.ResourceVersion}': the update was not applied."));
        Assert.That(Emulator.Store.All().Single().AuthData, Is.EqualTo(TestSecrets.CredentialJson));
    }

    [Test]
    public async Task ADeleteWhoseEveryAnswerWasLostIsConfirmedByA404()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("removed"), CancellationToken.None);
        await Admin.SetFaultsAsync(new FaultPlan { CommitThenFailNext = Attempts, CommitThenFailStatus = 503, CommitThenFailMethod = "DELETE" });
        await Admin.ResetStatsAsync();

        var deleted = await client.DeleteAsync(Scope, "removed", CancellationToken.None);

        var stats = await Admin.GetStatsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.True);
            Assert.That(stats.Status(503), Is.EqualTo(Attempts), "every delete attempt lost its answer");
            Assert.That(stats.Status(404), Is.EqualTo(1), "the lookup's");
            Assert.That(Emulator.Store.Count, Is.Zero);
        });
    }

    [Test]
    public async Task ADeleteThatDidNotHappenFailsSayingTheConnectionStillExists()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("kept"), CancellationToken.None);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = Attempts, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.DeleteAsync(Scope, "kept", CancellationToken.None));

        Assert.That(error.Message, Does.EndWith("Connection 'kept' still exists: it was not deleted."));
        Assert.That(Emulator.Store.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ADeleteWhoseLookupFailsTooSaysItMayHaveHappenedAndCanBeRunAgain()
    {
        var client = Client(MaxRetries);
        await client.CreateAsync(Scope, Request("unsure"), CancellationToken.None);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = int.MaxValue, FailStatus = 503 });

        var error = await Expect<FlinkApiException>(() => client.DeleteAsync(Scope, "unsure", CancellationToken.None));

        Assert.That(error.Message, Does.StartWith("The delete of connection 'unsure' may or may not have happened: Confluent API 503")
            .And.EndWith("Running the delete again is safe."));
    }

    [Test]
    public async Task ACreateThatNeverReachedTheServiceIsNotInDoubt()
    {
        // A port that was free a moment ago: every connection is refused, so no request left this machine.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = Client(Settings(new Uri($"http://127.0.0.1:{port}"), MaxRetries));

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("unsent"), CancellationToken.None));

        Assert.That(error, Is.Not.InstanceOf<CreateOutcomeUnknownException>());
        Assert.That(error.Message, Does.StartWith("Confluent API unreachable: POST").And.Contain($"after {Attempts} attempt(s)")
            .And.Not.Contain("lookup"));
    }

    [Test]
    public async Task AWriteRefusedOnItsFirstAttemptNeedsNoLookup()
    {
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 422 });

        await Expect<FlinkApiException>(() => Client(MaxRetries).CreateAsync(Scope, Request("refused"), CancellationToken.None));

        Assert.That((await Admin.GetStatsAsync()).Method("GET"), Is.Zero);
    }
}
