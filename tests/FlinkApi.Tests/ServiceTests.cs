using System.Collections.Concurrent;
using System.Net;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The client against the emulator as the service: refusals, faults and load, the API's contract, and what reaches a log.</summary>
public sealed class ServiceTests : EmulatorTest
{
    [TestCase(400), TestCase(403), TestCase(404), TestCase(409), TestCase(422)]
    [TestCase(null, TestName = "A 409 on the first attempt is a duplicate even when it matches")]
    public async Task AWriteRefusedOnItsFirstAttemptIsNeitherRetriedNorLookedUp(int? injected)
    {
        var client = Client(maxRetries: 3);
        if (injected is null) await client.CreateAsync(Address("c1"), New(), CancellationToken.None);
        else Emulator.Faults.Set(new FaultPlan { FailNext = 5, FailStatus = injected.Value });
        Emulator.Stats.Reset();

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Address("c1"), New(), CancellationToken.None));

        Assert.That(((int?)error.StatusCode, Emulator.Stats.Snapshot().Total), Is.EqualTo((injected ?? 409, 1)));
    }

    [Test]
    public async Task AStormWithASeedIsSurvivedByAClientWithEnoughRetries()
    {
        var storm = new StormPlan { Seed = 7, P503 = 0.2, P429 = 0.1, PDrop = 0.05, PSlow = 0.1, SlowMs = 20 };
        Emulator.Faults.Set(new FaultPlan { Storm = storm, RetryAfterSeconds = 0 });
        var client = Client(maxRetries: 8);

        for (var i = 0; i < 10; i++) await client.CreateAsync(Address($"storm-{i}"), New(), CancellationToken.None);

        Assert.That(await client.ListAsync(Environment, null, CancellationToken.None), Has.Count.EqualTo(10));
        Assert.That(Emulator.Stats.Snapshot().Total, Is.GreaterThan(11), "the storm injected faults");
    }

    [Test]
    public async Task OneClientServesConcurrentCalls()
    {
        var client = Client();
        var names = Enumerable.Range(0, 24).Select(i => $"parallel-{i:00}").ToList();

        var created = await Task.WhenAll(names.Select(n => client.CreateAsync(Address(n), New(), CancellationToken.None)));
        var read = await Task.WhenAll(names.Select(n => client.GetAsync(Address(n), CancellationToken.None)));

        Assert.That(created.Select(c => c.Connection.Name), Is.EqualTo(names));
        Assert.That(read.Select(c => c!.Name), Is.EqualTo(names));
        Assert.That(created.Select(c => c.Connection.Metadata!.ResourceVersion).Distinct().Count(), Is.EqualTo(names.Count));
    }

    /// <summary>
    /// A lifecycle with the answers the client meets most, recorded on the wire: every request and answer conforms to the
    /// OpenAPI document, and no answer carries the credential back.
    /// </summary>
    [Test]
    public async Task EveryRequestAndAnswerOfALifecycleConformsToTheOpenapiDocument()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        var wire = new WireRecorder();
        var client = Client(Settings(Emulator.BaseAddress) with { ListPageSize = 2 }, wire);

        var created = (await client.CreateAsync(Address("life"), New(), CancellationToken.None)).Connection;
        await client.CreateAsync(Address("mongo"), New("MONGODB", "mongodb+srv://cluster0.example.net"), CancellationToken.None);
        await client.CreateAsync(Address("bedrock"), New("BEDROCK", "https://bedrock.us-east-1.amazonaws.com"), CancellationToken.None);
        await client.CreateAsync(new EnvironmentAddress(Environment.OrganizationId, "env-other").Connection("elsewhere"), New(), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("life"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("Not_Valid"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("d"), New(authData: AuthDataSamples.Json("BEARER_TOKEN")), CancellationToken.None));
        var all = await client.ListAsync(Environment, null, CancellationToken.None);
        var mongo = await client.ListAsync(Environment, "MONGODB", CancellationToken.None);
        var read = (await client.GetAsync(Address("life"), CancellationToken.None))!;
        await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("life"), AuthDataSamples.Json("API_KEY="), CancellationToken.None, read));
        var updated = await client.SetAuthDataAsync(Address("life"), AuthDataSamples.Json("API_KEY"), CancellationToken.None, read);
        // On a stale version: 409, read again, and sent once more.
        await client.SetAuthDataAsync(Address("life"), AuthDataSamples.Json("API_KEY"), CancellationToken.None, read);
        var missing = await client.GetAsync(Address("missing"), CancellationToken.None);
        await Expect<FlinkApiException>(() =>
            Client(Settings(Emulator.BaseAddress) with { ApiSecret = "wrong" }, wire).GetAsync(Address("life"), CancellationToken.None));
        var deleted = (await client.DeleteAsync(Address("life"), CancellationToken.None), await client.DeleteAsync(Address("life"), CancellationToken.None));
        var gone = await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("life"), "{}", CancellationToken.None));

        Assert.That((created.Kind, created.ApiVersion, created.Status!.Phase, created.Metadata!.CreatedAt),
            Is.EqualTo(("Connection", "sql/v1", "READY", created.Metadata.UpdatedAt)));
        Assert.That(created.Metadata.Self, Is.EqualTo(new Uri(Emulator.BaseAddress, Address("life").Path).ToString()));
        Assert.That((all.Select(c => c.Name), mongo.Single().Name), Is.EqualTo((new[] { "bedrock", "life", "mongo" }, "mongo")));
        Assert.That((read.Spec!.Endpoint, read.Metadata!.ResourceVersion), Is.EqualTo((created.Spec!.Endpoint, created.Metadata.ResourceVersion)));
        Assert.That(updated.Metadata!.ResourceVersion, Is.Not.EqualTo(read.Metadata.ResourceVersion));
        Assert.That(updated.Metadata.CreatedAt, Is.EqualTo(read.Metadata.CreatedAt));
        Assert.That(missing, Is.Null);
        Assert.That(deleted, Is.EqualTo((true, false)), "deleted, then already gone");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no connection to update");
        Assert.That(wire.Exchanges.Select(e => $"{e.Method} {e.Status}").Distinct(), Is.SupersetOf(new[]
        {
            "POST 201", "POST 400", "POST 409", "POST 422", "GET 200", "GET 404", "GET 401", "PUT 200", "PUT 400", "PUT 409", "DELETE 200", "DELETE 404",
        }), "every operation and the main refusals");
        Assert.That(wire.Exchanges.SelectMany(e =>
            (e.RequestBody is { Length: > 0 } sent ? contract.CheckRequest(e.Method, e.Path, sent).Select(p => $"request {e.Method} {e.Path}: {p}") : [])
            .Concat(contract.CheckResponse(e.Method, e.Path, e.Status, e.ResponseBody).Select(p => $"answer {e.Method} {e.Path} {e.Status}: {p}"))), Is.Empty);
        Assert.That(SecretScan.FindLeaks(TestSecrets.All, [.. wire.Exchanges.Select(e => e.ResponseBody)]), Is.Empty, "a secret in an answer");
    }

    [Test]
    public void EveryTypeHoldingASecretPrintsItMasked()
    {
        var texts = new object[]
        {
            Settings(Emulator.BaseAddress), New(), new AuthData { Data = AuthDataSamples.For("OPENAI") },
            new StoredConnection(new ConnectionKey("o", "e", "c1"), "OPENAI", "https://x", "PlaintextProvider", AuthDataSamples.For("OPENAI"), "uid", "rv1",
                DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            new EmulatorOptions { ApiKey = TestSecrets.ApiKey, ApiSecret = TestSecrets.ApiSecret },
        }.Select(o => o.ToString()!).ToArray();

        Assert.That(texts, Has.All.Contains("[secret]"));
        Assert.That(SecretScan.FindLeaks(TestSecrets.All, texts), Is.Empty);
    }

    [Test]
    public async Task ABusyFailingSessionLogsPlentyAndLeaksNothing()
    {
        var client = Client();
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, CommitThenFailNext = 1 });
        var created = await client.CreateAsync(Address("scanned"), New(), CancellationToken.None);
        await client.SetAuthDataAsync(Address("scanned"), AuthDataSamples.For("OPENAI"), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("scanned"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("Bad Name"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("scanned"), AuthDataSamples.Json("TOKEN"), CancellationToken.None));
        await Expect<FlinkApiException>(() =>
            Client(Settings(Emulator.BaseAddress) with { ApiSecret = "wrong" }).ListAsync(Environment, null, CancellationToken.None));
        Emulator.Faults.Set(new FaultPlan { FailNext = int.MaxValue });
        await Expect<CreateOutcomeUnknownException>(() => client.CreateAsync(Address("unknown"), New(), CancellationToken.None));

        Assert.That(created.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        Assert.That(Log.Lines.Count(l => l.Contains("FlinkApiClient")), Is.GreaterThan(5), "the client logged its work");
        Assert.That(Log.Lines.Count(l => l.Contains("FlinkApiEmulator")), Is.GreaterThan(10), "the emulator logged its work");
        // The scan after each test covers these lines and every exception caught above.
    }

    private sealed record Exchange(HttpMethod Method, string Path, string? RequestBody, int Status, string ResponseBody);

    /// <summary>The innermost handler of a client under test: each attempt's request and answer as they crossed the wire.</summary>
    private sealed class WireRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public ConcurrentQueue<Exchange> Exchanges { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Exchanges.Enqueue(new Exchange(request.Method, request.RequestUri!.AbsolutePath, sent, (int)response.StatusCode,
                await response.Content.ReadAsStringAsync(cancellationToken)));
            return response;
        }
    }
}
