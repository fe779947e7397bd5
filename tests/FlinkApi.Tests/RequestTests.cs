using System.Diagnostics;
using System.Net;
using System.Text;
using ConfluentFlink.FlinkApi.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>What the client sends and how it reads and retries the answers, against a scripted HTTP handler.</summary>
public sealed class RequestTests : ClientTest
{
    private const string Host = "flink.us-east-1.aws.confluent.cloud";
    private const string OpenAiEndpoint = "https://api.openai.com/v1/chat/completions";
    private static readonly string Collection = $"https://{Host}{Address("").Path.TrimEnd('/')}";
    private static readonly string C1 = $"{Collection}/c1";
    private static readonly int[] TransientStatuses = [429, 500, 502, 503, 504];

    private MockHttpMessageHandler _mock = null!;

    [SetUp]
    public void NewMock() => _mock = new MockHttpMessageHandler();

    [TearDown]
    public void DisposeMock() => _mock.Dispose();

    private IFlinkConnectionsClient Client(int maxRetries = 2) => Client(Settings(new Uri($"https://{Host}"), maxRetries), _mock);

    [Test]
    public async Task CreatePostsTheConnectionWithBasicAuthAndUserAgent()
    {
        var sent = New();
        _mock.Expect(HttpMethod.Post, Collection)
            .WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString() == $"pulumi-resource-confluentflink/{Version}")
            .With(r => BodyIs(r, new { name = "c1", spec = Spec(sent.AuthDataJson) }))
            .Respond(HttpStatusCode.Created, "application/json", ConnectionJson("c1", "rv1"));

        var outcome = await Client().CreateAsync(Address("c1"), sent, CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That((outcome.Kind, outcome.Connection.Name, outcome.Connection.Metadata!.ResourceVersion),
            Is.EqualTo((CreateOutcomeKind.Created, "c1", "rv1")));
    }

    [Test]
    public async Task GetEscapesTheNameAndReadsTheConnection()
    {
        _mock.Expect(HttpMethod.Get, Collection + "/*").With(r => r.RequestUri!.AbsoluteUri == Collection + "/a%20b%2Fc")
            .Respond("application/json", ConnectionJson("a b/c", "rv7"));

        var connection = await Client().GetAsync(Address("a b/c"), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(connection!.Spec!.ConnectionType, Is.EqualTo("OPENAI"));
        Assert.That(connection.Metadata!.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [Test]
    public async Task A404IsAbsenceForReadsAndDeletesAndADeleteThatWorkedAnswersTrue()
    {
        _mock.When(Collection + "/gone").Respond(HttpStatusCode.NotFound, "application/json", FailureJson(404, "not_found", "Not Found"));
        var delete = _mock.When(HttpMethod.Delete, C1).Respond(HttpStatusCode.OK);
        var client = Client();

        Assert.That(await client.GetAsync(Address("gone"), CancellationToken.None), Is.Null);
        Assert.That(await client.DeleteAsync(Address("gone"), CancellationToken.None), Is.False);
        Assert.That(await client.DeleteAsync(Address("c1"), CancellationToken.None), Is.True);
        Assert.That(_mock.GetMatchCount(delete), Is.EqualTo(1));
    }

    [Test]
    public async Task ListFiltersByTypeAndFollowsNextWithItsPageToken()
    {
        var client = Client(Settings(new Uri($"https://{Host}")) with { ListPageSize = 2 }, _mock);
        _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString("spec.connection_type=OPENAI&page_size=2")
            .Respond("application/json", ListJson(["a", "b"], $"{Collection}?page_size=2&page_token=tok%2F1&spec.connection_type=OPENAI"));
        _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString("spec.connection_type=OPENAI&page_size=2&page_token=tok%2F1")
            .Respond("application/json", ListJson(["c"], next: null));
        _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString("page_size=2").Respond("application/json", ListJson([], next: null));

        Assert.That((await client.ListAsync(Environment, "OPENAI", CancellationToken.None)).Select(c => c.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(await client.ListAsync(Environment, null, CancellationToken.None), Is.Empty, "no type, no filter");
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ListStopsWithAnErrorWhenTheServerRepeatsAPageToken()
    {
        _mock.When(HttpMethod.Get, Collection).Respond("application/json", ListJson(["a"], $"{Collection}?page_token=same"));

        var error = await Expect<FlinkApiException>(() => Client().ListAsync(Environment, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("repeated page token 'same'"));
    }

    [TestCase(false, TestName = "SetAuthData reads the connection, then puts name, spec and metadata on its resource_version")]
    [TestCase(true, TestName = "SetAuthData given the connection just read puts without reading it again")]
    public async Task SetAuthDataPutsNameSpecAndResourceVersion(bool givenCurrent)
    {
        if (!givenCurrent) _mock.Expect(HttpMethod.Get, C1).Respond("application/json", ConnectionJson("c1", "rv3"));
        var credential = AuthDataSamples.For("OPENAI");
        _mock.Expect(HttpMethod.Put, C1)
            .WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .With(r => BodyIs(r, new { name = "c1", spec = Spec(credential), metadata = new { self = C1, resource_version = "rv3" } }))
            .Respond("application/json", ConnectionJson("c1", "rv4"));

        var updated = await Client().SetAuthDataAsync(Address("c1"), credential, CancellationToken.None,
            givenCurrent ? Read(ConnectionJson("c1", "rv3")) : null);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(updated.Metadata!.ResourceVersion, Is.EqualTo("rv4"));
    }

    [TestCase(1, TestName = "SetAuthData after a 409 reads the connection again and tries once more")]
    [TestCase(2, TestName = "SetAuthData after a second 409 reports the connection changed by someone else twice")]
    public async Task SetAuthDataRereadsAfterA409AndTriesOnceMore(int conflicts)
    {
        _mock.Expect(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv3\"")).Respond(Conflict);
        _mock.Expect(HttpMethod.Get, C1).Respond("application/json", ConnectionJson("c1", "rv5"));
        var second = _mock.Expect(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv5\""));
        if (conflicts == 2) second.Respond(Conflict);
        else second.Respond("application/json", ConnectionJson("c1", "rv6"));

        var update = () => Client().SetAuthDataAsync(Address("c1"), "{}", CancellationToken.None, Read(ConnectionJson("c1", "rv3")));

        if (conflicts == 1) Assert.That((await update()).Metadata!.ResourceVersion, Is.EqualTo("rv6"));
        else Assert.That((await Expect<FlinkApiException>(update)).Message, Does.StartWith("Connection 'c1' was changed by someone else twice"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task SetAuthDataRefusesAConnectionWithoutResourceVersionAndSendsNothing()
    {
        var error = await Expect<FlinkApiException>(() =>
            Client().SetAuthDataAsync(Address("c1"), "{}", CancellationToken.None, new Models.Connection { Name = "c1" }));

        Assert.That(error.Message, Does.Contain("without metadata.resource_version"));
    }

    [Test]
    public async Task AnUpdateWhoseResendFailsMayOrMayNotHaveHappened()
    {
        _mock.When(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv3\""))
            .Respond(_ => Answer(HttpStatusCode.ServiceUnavailable, FailureJson(503, "unavailable", "Service Unavailable")));
        _mock.When(HttpMethod.Get, C1).Respond("application/json", ConnectionJson("c1", "rv4"));
        _mock.When(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv4\""))
            .Respond(HttpStatusCode.UnprocessableEntity, "application/json", FailureJson(422, "invalid_configuration", "Validation Failed"));

        var error = await Expect<FlinkApiException>(() =>
            Client().SetAuthDataAsync(Address("c1"), "{}", CancellationToken.None, Read(ConnectionJson("c1", "rv3"))));

        Assert.That(error.Message, Does.StartWith("The update of connection 'c1' may or may not have happened")
            .And.Contain("moved from 'rv3' to 'rv4'").And.Contain("Confluent API 422").And.EndWith("Running the update again is safe."));
    }

    public static IEnumerable<TestCaseData> InvalidSettings() => new (string Property, Func<FlinkApiSettings, FlinkApiSettings> Change)[]
    {
        ("RestEndpoint", s => s with { RestEndpoint = new Uri("/relative", UriKind.Relative) }),
        ("RestEndpoint", s => s with { RestEndpoint = new Uri("ftp://flink.example") }),
        ("ApiKey", s => s with { ApiKey = " " }),
        ("ApiSecret", s => s with { ApiSecret = "" }),
        ("MaxRetries", s => s with { MaxRetries = -1 }),
        ("AttemptTimeout", s => s with { AttemptTimeout = TimeSpan.Zero }),
        ("TotalTimeout", s => s with { TotalTimeout = TimeSpan.FromSeconds(-1) }),
        ("BaseDelay", s => s with { BaseDelay = TimeSpan.Zero }),
        ("MaxDelay", s => s with { MaxDelay = TimeSpan.Zero }),
        ("LookupTimeout", s => s with { LookupTimeout = TimeSpan.Zero }),
        ("ListPageSize", s => s with { ListPageSize = 0 }),
        ("ListPageSize", s => s with { ListPageSize = 101 }),
    }.Select((c, i) => new TestCaseData(c.Property, c.Change).SetArgDisplayNames(c.Property, i.ToString()));

    [TestCaseSource(nameof(InvalidSettings))]
    public void SettingsAreRefusedNamingTheProperty(string property, Func<FlinkApiSettings, FlinkApiSettings> change)
    {
        var settings = change(Settings(new Uri($"https://{Host}")));

        Assert.That(() => FlinkConnectionsClient.Create(settings, Version),
            Throws.ArgumentException.With.Message.StartsWith($"FlinkApiSettings.{property} ").And.Property("ParamName").EqualTo(property));
    }

    [TestCase(400, "invalid_input", "Bad Request")]
    [TestCase(401, "user_unauthenticated", "Authentication Required")]
    [TestCase(403, "user_unauthorized", "User Access Unauthorized")]
    [TestCase(404, "not_found", "Not Found")]
    [TestCase(409, "resource_already_exists", "Resource Already exists")]
    [TestCase(422, "invalid_configuration", "Validation Failed")]
    [TestCase(429, "too_many_requests", "Rate Limit Exceeded")]
    [TestCase(500, "out_of_gas", "Internal Error")]
    [TestCase(502, "bad_gateway", "Bad Gateway")]
    [TestCase(503, "unavailable", "Service Unavailable")]
    [TestCase(504, "gateway_timeout", "Gateway Timeout")]
    public async Task AnErrorAnswerIsMappedWithItsFailureFieldsAndRetriedOnlyWhenTransient(int status, string code, string title)
    {
        var attempts = 0;
        // A list: a read's failure is the answer itself, with no lookup to settle it.
        _mock.When(HttpMethod.Get, Collection).Respond(_ =>
        {
            var answer = Answer((HttpStatusCode)status, FailureJson(status, code, title, "attempt " + ++attempts, "/spec/endpoint"));
            answer.Headers.Add("X-Request-Id", $"req-{attempts}");
            return answer;
        });

        var error = await Expect<FlinkApiException>(() => Client(maxRetries: 2).ListAsync(Environment, null, CancellationToken.None));

        var expectedAttempts = TransientStatuses.Contains(status) ? 3 : 1;
        Assert.That(attempts, Is.EqualTo(expectedAttempts));
        Assert.That(error.Answer, Is.EqualTo(new ApiFailure((HttpStatusCode)status)
        {
            Code = code, Title = title, Detail = $"attempt {attempts}", Source = "/spec/endpoint", RequestId = $"req-{attempts}",
        }), "the last answer's fields");
        Assert.That(error.Message, Is.EqualTo($"Confluent API {status} {code}: {title}: attempt {attempts} (at /spec/endpoint) (request id req-{attempts})"));
    }

    [TestCaseSource(nameof(TransientStatuses))]
    public async Task ATransientAnswerIsRetriedUntilSuccess(int status)
    {
        var attempts = 0;
        _mock.When(HttpMethod.Get, C1).Respond(_ => ++attempts < 3
            ? Answer((HttpStatusCode)status, FailureJson(status, "transient", "Try Again"))
            : Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv1")));

        var connection = await Client(maxRetries: 2).GetAsync(Address("c1"), CancellationToken.None);

        Assert.That((connection!.Name, attempts), Is.EqualTo(("c1", 3)));
    }

    [Test]
    public async Task ABodyThatIsNotAFailureStillMapsStatusAndReason()
    {
        _mock.When(HttpMethod.Get, C1).Respond(HttpStatusCode.Forbidden, "text/html", "<html>denied by proxy</html>");

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("Confluent API 403: Forbidden"));
        Assert.That(error.Answer, Is.EqualTo(new ApiFailure(HttpStatusCode.Forbidden) { Title = "Forbidden" }));
    }

    [Test]
    public async Task ASuccessWithAnUnreadableBodyIsAnErrorNotNull()
    {
        _mock.When(HttpMethod.Get, C1).Respond("application/json", "{not json");

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(error.Message, Does.StartWith("Confluent API 200 answered a body that could not be read as Connection"));
    }

    [Test]
    public async Task ATransportFailureAfterRetriesNamesHostAttemptsAndTimeWithoutAStatus()
    {
        var get = _mock.When(HttpMethod.Get, C1).Throw(new HttpRequestException("Connection reset by peer"));

        var error = await Expect<FlinkApiException>(() => Client(maxRetries: 2).GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.Message, Does.Match($@"^Confluent API unreachable: GET \S+/c1 to {Host} failed: Connection reset by peer, after 3 attempt\(s\) in \d+\.\d s$"));
        Assert.That(_mock.GetMatchCount(get), Is.EqualTo(3));
    }

    [Test]
    public async Task ARetryIsOneWarningNamingMethodPathReasonAttemptAndWait()
    {
        var attempts = 0;
        _mock.When(HttpMethod.Post, Collection).Respond(_ => ++attempts switch
        {
            1 => Answer(HttpStatusCode.ServiceUnavailable, FailureJson(503, "unavailable", "Service Unavailable", "detail stays out of the log")),
            2 => throw new HttpRequestException(HttpRequestError.ResponseEnded),
            _ => Answer(HttpStatusCode.Created, ConnectionJson("c1", "rv1")),
        });
        // A body that breaks off after its first bytes: read inside the attempt, so it is retried like a drop.
        _mock.When(HttpMethod.Get, C1).Respond(_ => ++attempts == 4
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream(ConnectionJson("c1", "rv1"))) }
            : Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv1")));
        var client = Client(maxRetries: 2);

        await client.CreateAsync(Address("c1"), New(), CancellationToken.None);
        await client.GetAsync(Address("c1"), CancellationToken.None);
        await client.GetAsync(Address("c1"), CancellationToken.None);

        var path = Address("c1").Path;
        Assert.That(Warnings(), Is.EqualTo(new[]
        {
            $"Flink API POST {path[..path.LastIndexOf('/')]} failed (HTTP 503); retrying: attempt 2 of 3 in # ms",
            $"Flink API POST {path[..path.LastIndexOf('/')]} failed (connection closed before the answer); retrying: attempt 3 of 3 in # ms",
            $"Flink API GET {path} failed (connection dropped); retrying: attempt 2 of 3 in # ms",
        }), "the last read, answered at once, logs none");
    }

    [Test]
    public async Task RetryAfterIsHonouredAndACancelDuringTheWaitStopsAtOnce()
    {
        var list = _mock.When(HttpMethod.Get, Collection).Respond(_ => RateLimited(seconds: 60));
        using var cancel = new CancellationTokenSource();
        var client = Client(Settings(new Uri($"https://{Host}"), maxRetries: 3) with { MaxDelay = TimeSpan.FromMinutes(5) }, _mock);

        var call = client.ListAsync(Environment, null, cancel.Token);
        var warning = await Log.WhenLogged(line => line.Contains("retrying"));
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Expect<OperationCanceledException>(() => call);
        Assert.That(warning, Does.Contain("in 60000 ms"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the 60 s wait was cut short");
        Assert.That(_mock.GetMatchCount(list), Is.EqualTo(1));
    }

    [Test]
    public async Task RetryAfterIsCappedByMaxDelay()
    {
        var attempts = 0;
        _mock.When(HttpMethod.Get, Collection).Respond(_ => ++attempts == 1 ? RateLimited(seconds: 3600) : Answer(HttpStatusCode.OK, ListJson([], null)));
        var client = Client(Settings(new Uri($"https://{Host}")) with { MaxDelay = TimeSpan.FromMilliseconds(50) }, _mock);

        await client.ListAsync(Environment, null, CancellationToken.None);

        Assert.That(Log.Lines.Single(l => l.Contains("retrying")), Does.Contain("in 50 ms"));
    }

    [Test]
    public async Task TotalTimeIsBoundedWhenEveryAttemptTimesOut()
    {
        var get = _mock.When(HttpMethod.Get, C1);
        get.Respond(() => new TaskCompletionSource<HttpResponseMessage>().Task);
        var client = Client(Settings(new Uri($"https://{Host}"), maxRetries: 50) with
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(200), TotalTimeout = TimeSpan.FromSeconds(1),
        }, _mock);

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() => client.GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the total timeout is one second");
        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.Message, Does.StartWith($"Confluent API unreachable: GET {Address("c1").Path} to {Host} did not finish within 1 s ("));
        Assert.That(_mock.GetMatchCount(get), Is.InRange(2, 6), "attempts of 200 ms each, cut at one second");
    }

    [TestCase(null, TestName = "A lookup cut by its own bound names that bound")]
    [TestCase(60.0, TestName = "A lookup cut by its own bound names that bound, not the longer custom timeout")]
    public async Task ALookupCutByItsOwnBoundNamesThatBound(double? timeoutSeconds)
    {
        _mock.When(HttpMethod.Post, Collection).Respond(_ => Answer(HttpStatusCode.ServiceUnavailable, FailureJson(503, "unavailable", "Service Unavailable")));
        _mock.When(HttpMethod.Get, C1).Respond(() => new TaskCompletionSource<HttpResponseMessage>().Task);
        var client = Client(Settings(new Uri($"https://{Host}")) with { LookupTimeout = TimeSpan.FromMilliseconds(300) }, _mock);

        var error = await Expect<CreateOutcomeUnknownException>(() => client.CreateAsync(Address("c1"), New(),
            new OperationBudget(timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, CancellationToken.None)));

        Assert.That(error.Message, Does.Contain(
            $"Looking the connection up to find out failed too: Confluent API unreachable: GET {Address("c1").Path} to {Host} did not finish within 0.3 s ("));
    }

    private string[] Warnings() => Log.Lines.Where(l => l.StartsWith("Warning FlinkApiClient: ", StringComparison.Ordinal))
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l["Warning FlinkApiClient: ".Length..l.IndexOf(" [", StringComparison.Ordinal)],
            @"in \d+ ms", "in # ms")).ToArray();

    private static HttpResponseMessage Conflict(HttpRequestMessage _) =>
        Answer(HttpStatusCode.Conflict, FailureJson(409, "conflict", "Conflict", "stale resource_version", "/metadata/resource_version"));

    private static HttpResponseMessage RateLimited(int seconds)
    {
        var answer = Answer(HttpStatusCode.TooManyRequests, FailureJson(429, "too_many_requests", "Rate Limit Exceeded"));
        answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return answer;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static string Body(HttpRequestMessage request) => request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();

    private static bool BodyIs(HttpRequestMessage request, object expected) => JToken.DeepEquals(JToken.Parse(Body(request)), JToken.FromObject(expected));

    private static object Spec(string authData) =>
        new { connection_type = "OPENAI", endpoint = OpenAiEndpoint, auth_data = new { kind = "PlaintextProvider", data = authData } };

    private static Models.Connection Read(string json) => JToken.Parse(json).ToObject<Models.Connection>()!;

    private static string ConnectionJson(string name, string resourceVersion) => JToken.FromObject(new
    {
        api_version = "sql/v1",
        kind = "Connection",
        metadata = new { self = $"{Collection}/{Uri.EscapeDataString(name)}", created_at = "2026-01-02T03:04:05Z", resource_version = resourceVersion },
        name,
        spec = Spec("********"),
        status = new { phase = "READY" },
    }).ToString();

    private static string FailureJson(int status, string code, string title, string? detail = null, string? pointer = null) => JToken.FromObject(new
    {
        errors = new[] { new { id = "e1", status = status.ToString(), code, title, detail, source = pointer is null ? null : new { pointer } } },
    }).ToString();

    private static string ListJson(string[] names, string? next) => new JObject
    {
        ["api_version"] = "sql/v1",
        ["kind"] = "ConnectionList",
        ["metadata"] = next is null ? new JObject { ["self"] = Collection } : new JObject { ["self"] = Collection, ["next"] = next },
        ["data"] = new JArray(names.Select(n => JToken.Parse(ConnectionJson(n, "rv1")))),
    }.ToString();

    /// <summary>Gives the first half of a body, then fails as a connection dropped mid-body does.</summary>
    private sealed class BrokenStream(string body) : MemoryStream(Encoding.UTF8.GetBytes(body[..(body.Length / 2)]))
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, count) is > 0 and var read ? read : throw new IOException("connection dropped mid-body");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            await base.ReadAsync(buffer, cancellationToken) is > 0 and var read ? read : throw new IOException("connection dropped mid-body");
    }
}
