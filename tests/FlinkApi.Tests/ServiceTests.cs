using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The client against the emulator as the service: faults and load, the API's contract, and what reaches a log.</summary>
public sealed class ServiceTests : EmulatorTest
{
    [Test]
    public async Task AStormWithASeedIsSurvivedByAClientWithEnoughRetries()
    {
        Emulator.Faults.Set(new FaultPlan { Storm = new() { Seed = 7, P503 = 0.2, P429 = 0.1, PDrop = 0.05, PSlow = 0.1, SlowMs = 20 }, RetryAfterSeconds = 0 });
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
    /// A lifecycle with the answers the client meets most, lost answers, faults, a status detail and refusals only another
    /// HTTP client provokes included, recorded on the wire: every request and answer conforms to the OpenAPI document, no
    /// answer carries the credential back, and both sides log plenty for the scan after the test.
    /// </summary>
    [Test]
    public async Task EveryRequestAndAnswerOfALifecycleConformsToTheOpenapiDocumentAndNothingLeaks()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        var wire = new WireRecorder();
        var client = Client(Settings(Emulator.BaseAddress) with { ListPageSize = 2 }, wire);
        await Admin.SetStatusRulesAsync([new StatusRule { EndpointHost = "bedrock.us-east-1.amazonaws.com", Phase = "UNREACHABLE", Detail = "Lookup failed." }]);

        var created = (await client.CreateAsync(Address("life"), New(), CancellationToken.None)).Connection;
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, CommitThenFailNext = 1 });
        var adopted = await client.CreateAsync(Address("mongo"), New("MONGODB", "mongodb+srv://cluster0.example.net"), CancellationToken.None);
        await client.CreateAsync(Address("bedrock"), New("BEDROCK", "https://bedrock.us-east-1.amazonaws.com"), CancellationToken.None);
        await client.CreateAsync(new EnvironmentAddress(Environment.OrganizationId, "env-other").Connection("elsewhere"), New(), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("life"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("Not_Valid"), New(), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Address("d"), New(authData: AuthDataSamples.Data("BEARER_TOKEN")), CancellationToken.None));
        var all = await client.ListAsync(Environment, null, CancellationToken.None);
        var mongo = await client.ListAsync(Environment, "MONGODB", CancellationToken.None);
        var read = (await client.GetAsync(Address("life"), CancellationToken.None))!;
        await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("life"), AuthDataSamples.Data("API_KEY="), CancellationToken.None, read));
        var updated = await client.SetAuthDataAsync(Address("life"), AuthDataSamples.Data("API_KEY"), CancellationToken.None, read);
        // On a stale version: 409, read again, and sent once more.
        await client.SetAuthDataAsync(Address("life"), AuthDataSamples.Data("API_KEY"), CancellationToken.None, read);
        var missing = await client.GetAsync(Address("missing"), CancellationToken.None);
        await Expect<FlinkApiException>(() =>
            Client(Settings(Emulator.BaseAddress) with { ApiSecret = "wrong" }, wire).GetAsync(Address("life"), CancellationToken.None));
        var deleted = (await client.DeleteAsync(Address("life"), CancellationToken.None), await client.DeleteAsync(Address("life"), CancellationToken.None));
        var gone = await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("life"), "{}", CancellationToken.None));
        var raw = new WireRecorder();
        using var http = new HttpClient(raw)
            { BaseAddress = Emulator.BaseAddress, DefaultRequestHeaders = { Authorization = new("Basic", TestSecrets.BasicParameter) } };
        await http.PostAsync(Address("").Path.TrimEnd('/'), new StringContent("[1]", Encoding.UTF8, "application/json"));
        await http.PostAsync(Address("").Path.TrimEnd('/'), new StringContent("{}", Encoding.UTF8, "text/plain"));
        await http.GetAsync(Address("").Path.TrimEnd('/') + "?page_token=abc");
        Emulator.Faults.Set(new FaultPlan { FailNext = int.MaxValue });
        await Expect<CreateOutcomeUnknownException>(() => client.CreateAsync(Address("unknown"), New(), CancellationToken.None));
        // The other client's requests are wrong on purpose: only their answers are checked.
        var exchanges = wire.Exchanges.Concat(raw.Exchanges.Select(e => e with { Sent = null })).ToList();

        Assert.That((created.Kind, created.ApiVersion, created.Status!.Phase, created.Metadata!.CreatedAt),
            Is.EqualTo(("Connection", "sql/v1", "READY", created.Metadata.UpdatedAt)));
        Assert.That(created.Metadata.Self, Is.EqualTo(new Uri(Emulator.BaseAddress, Address("life").Path).ToString()));
        Assert.That(adopted.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        Assert.That((all.Select(c => c.Name), mongo.Single().Name), Is.EqualTo((new[] { "bedrock", "life", "mongo" }, "mongo")));
        Assert.That((all[0].Status!.Phase, all[0].Status!.Detail), Is.EqualTo(("UNREACHABLE", "Lookup failed.")), "bedrock's status from the rule");
        Assert.That((read.Spec!.Endpoint, read.Metadata!.ResourceVersion), Is.EqualTo((created.Spec!.Endpoint, created.Metadata.ResourceVersion)));
        Assert.That(updated.Metadata!.ResourceVersion, Is.Not.EqualTo(read.Metadata.ResourceVersion));
        Assert.That(updated.Metadata.CreatedAt, Is.EqualTo(read.Metadata.CreatedAt));
        Assert.That(missing, Is.Null);
        Assert.That(deleted, Is.EqualTo((true, false)), "deleted, then already gone");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no connection to update");
        Assert.That(exchanges.Select(e => $"{e.Method} {e.Status}").Distinct(), Is.SupersetOf(new[]
        {
            "POST 201", "POST 400", "POST 409", "POST 415", "POST 422", "POST 503", "GET 200", "GET 400", "GET 404", "GET 401", "GET 503", "PUT 200",
            "PUT 400", "PUT 409", "DELETE 200", "DELETE 404",
        }), "every operation, the main refusals and faults");
        Assert.That(exchanges.SelectMany(e => contract.Check(e.Method, e.Path, e.Sent, e.Status, e.Answer)), Is.Empty);
        Assert.That(SecretScan.FindLeaks(TestSecrets.All, [.. exchanges.Select(e => e.Answer)]), Is.Empty, "a secret in an answer");
        Assert.That(Log.Lines.Count(l => l.Contains("FlinkApiClient")), Is.GreaterThan(5), "the client logged its work");
        Assert.That(Log.Lines.Count(l => l.Contains("FlinkApiEmulator")), Is.GreaterThan(10), "the emulator logged its work");
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

    /// <summary>The innermost handler of a client under test: each attempt's request and answer as they crossed the wire.</summary>
    private sealed class WireRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public ConcurrentQueue<(HttpMethod Method, string Path, string? Sent, int Status, string Answer)> Exchanges { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Exchanges.Enqueue((request.Method, request.RequestUri!.AbsolutePath, sent, (int)response.StatusCode,
                await response.Content.ReadAsStringAsync(cancellationToken)));
            return response;
        }
    }
}
