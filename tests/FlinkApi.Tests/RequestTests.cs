using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.FlinkApi.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>What the client sends, and how it reads and retries the answers, against a scripted HTTP handler.</summary>
public sealed class RequestTests : ClientTest
{
    private const string Host = "flink.us-east-1.aws.confluent.cloud";
    private static readonly string Collection = $"https://{Host}{Address("").Path.TrimEnd('/')}", C1 = Collection + "/c1";
    private static readonly int[] TransientStatuses = [429, 500, 502, 503, 504], ErrorStatuses = [400, 401, 403, 404, 409, 422, .. TransientStatuses];
    private MockHttpMessageHandler _mock = null!;

    [SetUp]
    public void NewMock() => _mock = new MockHttpMessageHandler();

    [TearDown]
    public void DisposeMock() => _mock.Dispose();

    private IFlinkConnectionsClient Client(Func<FlinkApiSettings, FlinkApiSettings>? change = null) =>
        Client((change ?? (s => s))(Settings(new Uri($"https://{Host}"))), _mock);

    [Test]
    public async Task CreatePostsTheConnectionWithBasicAuthAndUserAgent()
    {
        var sent = New();
        _mock.Expect(HttpMethod.Post, Collection)
            .WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString() == $"pulumi-resource-confluentflink/{Version}")
            .With(r => BodyIs(r, new { name = "c1", spec = Spec(sent.AuthDataJson) }))
            .Respond(_ => Answer(HttpStatusCode.Created, ConnectionJson("c1", "rv1")));

        var outcome = await Client().CreateAsync(Address("c1"), sent, CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That((outcome.Kind, outcome.Connection.Name, outcome.Connection.Metadata!.ResourceVersion), Is.EqualTo((CreateOutcomeKind.Created, "c1", "rv1")));
    }

    [Test]
    public async Task GetEscapesTheNameAndA404IsAbsenceForReadsAndDeletes()
    {
        _mock.Expect(HttpMethod.Get, Collection + "/*").With(r => r.RequestUri!.AbsoluteUri == Collection + "/a%20b%2Fc")
            .Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("a b/c", "rv7")));
        _mock.When(Collection + "/gone").Respond(_ => Failure(404));
        var delete = _mock.When(HttpMethod.Delete, C1).Respond(HttpStatusCode.OK);
        var client = Client();

        var read = await client.GetAsync(Address("a b/c"), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That((read!.Spec!.ConnectionType, read.Metadata!.CreatedAt), Is.EqualTo(("OPENAI", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))));
        Assert.That(await client.GetAsync(Address("gone"), CancellationToken.None), Is.Null);
        Assert.That(await client.DeleteAsync(Address("gone"), CancellationToken.None), Is.False);
        Assert.That(await client.DeleteAsync(Address("c1"), CancellationToken.None), Is.True);
        Assert.That(_mock.GetMatchCount(delete), Is.EqualTo(1));
    }

    [Test]
    public async Task ListFiltersByTypeFollowsNextAndStopsWhenAPageTokenRepeats()
    {
        var client = Client(s => s with { ListPageSize = 2 });
        void Page(string query, string[] names, string? nextToken) => _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString(query)
            .Respond(_ => Answer(HttpStatusCode.OK, ListJson(names, nextToken is null ? null : $"{Collection}?page_size=2&page_token={nextToken}")));
        Page("spec.connection_type=OPENAI&page_size=2", ["a", "b"], "tok%2F1");
        Page("spec.connection_type=OPENAI&page_size=2&page_token=tok%2F1", ["c"], null);
        Page("page_size=2", ["a", "b"], "same");
        Page("page_size=2&page_token=same", ["c", "d"], "same");

        Assert.That((await client.ListAsync(Environment, "OPENAI", CancellationToken.None)).Select(c => c.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        var error = await Expect<FlinkApiException>(() => client.ListAsync(Environment, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("repeated page token 'same'"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [TestCase(false, 0, TestName = "SetAuthData reads the connection, then puts name, spec and metadata on its resource_version")]
    [TestCase(true, 0, TestName = "SetAuthData given the connection just read puts without reading it again")]
    [TestCase(true, 1, TestName = "SetAuthData after a 409 reads the connection again and tries once more")]
    [TestCase(true, 2, TestName = "SetAuthData after a second 409 reports the connection changed by someone else twice")]
    public async Task SetAuthDataPutsNameSpecAndResourceVersionAndTriesOnceMoreAfterA409(bool givenCurrent, int conflicts)
    {
        var credential = AuthDataSamples.For("OPENAI");
        if (!givenCurrent) _mock.Expect(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv3")));
        _mock.Expect(HttpMethod.Put, C1).WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .With(r => BodyIs(r, new { name = "c1", spec = Spec(credential), metadata = new { self = C1, resource_version = "rv3" } }))
            .Respond(_ => conflicts > 0 ? Failure(409) : Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv4")));
        if (conflicts > 0) _mock.Expect(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv5")));
        if (conflicts > 0) _mock.Expect(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv5\""))
            .Respond(_ => conflicts > 1 ? Failure(409) : Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv6")));

        var update = () => Client().SetAuthDataAsync(Address("c1"), credential, CancellationToken.None, givenCurrent ? Read("rv3") : null);

        if (conflicts > 1) Assert.That((await Expect<FlinkApiException>(update)).Message, Does.StartWith("Connection 'c1' was changed by someone else twice"));
        else Assert.That((await update()).Metadata!.ResourceVersion, Is.EqualTo(conflicts == 0 ? "rv4" : "rv6"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task SetAuthDataRefusesAConnectionWithoutResourceVersionAndSendsNothing()
    {
        var error = await Expect<FlinkApiException>(() => Client().SetAuthDataAsync(Address("c1"), "{}", CancellationToken.None, new Connection()));

        Assert.That(error.Message, Does.Contain("without metadata.resource_version"));
    }

    [Test]
    public async Task AnUpdateWhoseResendFailsMayOrMayNotHaveHappened()
    {
        _mock.When(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv3\"")).Respond(_ => Failure(503));
        _mock.When(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv4")));
        _mock.When(HttpMethod.Put, C1).With(r => Body(r).Contains("\"rv4\"")).Respond(_ => Failure(422));

        var error = await Expect<FlinkApiException>(() => Client().SetAuthDataAsync(Address("c1"), "{}", CancellationToken.None, Read("rv3")));

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
        ("TotalTimeout", s => s with { TotalTimeout = TimeSpan.FromSeconds(-1) }),
        ("LookupTimeout", s => s with { LookupTimeout = TimeSpan.Zero }),
        ("ListPageSize", s => s with { ListPageSize = 101 }),
    }.Select((c, i) => new TestCaseData(c.Property, c.Change).SetArgDisplayNames(c.Property, i.ToString()));

    [TestCaseSource(nameof(InvalidSettings))]
    public void SettingsAreRefusedNamingTheProperty(string property, Func<FlinkApiSettings, FlinkApiSettings> change) =>
        Assert.That(() => FlinkConnectionsClient.Create(change(Settings(new Uri($"https://{Host}"))), Version),
            Throws.ArgumentException.With.Message.StartsWith($"FlinkApiSettings.{property} ").And.Property("ParamName").EqualTo(property));

    [TestCaseSource(nameof(ErrorStatuses))]
    public async Task AnErrorAnswerIsMappedWithItsFailureFieldsAndRetriedOnlyWhenTransientUntilItSucceeds(int status)
    {
        var (attempts, code, title) = (0, $"code_{status}", $"Title {status}");
        // A list: a read's failure is the answer itself, with no lookup to settle it.
        _mock.When(HttpMethod.Get, Collection).Respond(_ =>
        {
            if (++attempts > 3) return Answer(HttpStatusCode.OK, ListJson([], null));
            var answer = Failure(status, code, title, "attempt " + attempts, "/spec/endpoint");
            answer.Headers.Add("X-Request-Id", $"req-{attempts}");
            return answer;
        });

        var error = await Expect<FlinkApiException>(() => Client().ListAsync(Environment, null, CancellationToken.None));

        Assert.That(attempts, Is.EqualTo(TransientStatuses.Contains(status) ? 3 : 1));
        Assert.That(error.Answer, Is.EqualTo(new ApiFailure((HttpStatusCode)status)
        {
            Code = code, Title = title, Detail = $"attempt {attempts}", Source = "/spec/endpoint", RequestId = $"req-{attempts}",
        }), "the last answer's fields");
        Assert.That(error.Message, Is.EqualTo($"Confluent API {status} {code}: {title}: attempt {attempts} (at /spec/endpoint) (request id req-{attempts})"));
        if (attempts == 1) return;
        // Answered twice more as before, then with success from the fourth answer on: retried until it succeeds.
        attempts = 1;
        Assert.That(await Client().ListAsync(Environment, null, CancellationToken.None), Is.Empty);
        Assert.That(attempts, Is.EqualTo(4));
    }

    [TestCase(403, "text/html", "<html>denied by proxy</html>", "Confluent API 403: Forbidden",
        TestName = "A body that is not a Failure still maps status and reason")]
    [TestCase(200, "application/json", "{not json", "Confluent API 200 answered a body that could not be read as Connection",
        TestName = "A success with an unreadable body is an error, not null")]
    public async Task AnAnswerWithoutTheDocumentItShouldCarryFailsWithItsStatus(int status, string mediaType, string body, string message)
    {
        _mock.When(HttpMethod.Get, C1).Respond((HttpStatusCode)status, mediaType, body);

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(error.Message, Does.StartWith(message));
        Assert.That((int?)error.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task ATransportFailureAfterRetriesNamesHostAttemptsAndTimeWithoutAStatus()
    {
        var get = _mock.When(HttpMethod.Get, C1).Throw(new HttpRequestException("Connection reset by peer"));

        var error = await Expect<FlinkApiException>(() => Client().GetAsync(Address("c1"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.Message, Does.Match(Pattern(
            $"Confluent API unreachable: GET {Address("c1").Path} to {Host} failed: Connection reset by peer, after 3 attempt(s) in * s")));
        Assert.That(_mock.GetMatchCount(get), Is.EqualTo(3));
    }

    [Test]
    public async Task EachRetryIsOneWarningNamingMethodPathReasonAttemptAndWaitWhichRetryAfterSetsUpToMaxDelay()
    {
        var attempts = 0;
        _mock.When(HttpMethod.Post, Collection).Respond(_ => ++attempts switch
        {
            1 => RateLimited(seconds: 3600),
            2 => throw new HttpRequestException(HttpRequestError.ResponseEnded),
            _ => Answer(HttpStatusCode.Created, ConnectionJson("c1", "rv1")),
        });
        // A body that breaks off halfway is read inside its attempt, so it is retried like a drop.
        _mock.When(HttpMethod.Get, C1).Respond(_ => ++attempts == 4
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream(ConnectionJson("c1", "rv1"))) }
            : Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv1")));
        var client = Client(s => s with { MaxDelay = TimeSpan.FromMilliseconds(50) });

        await client.CreateAsync(Address("c1"), New(), CancellationToken.None);
        await client.GetAsync(Address("c1"), CancellationToken.None);
        await client.GetAsync(Address("c1"), CancellationToken.None);

        var warnings = Log.Lines.Where(l => l.StartsWith("Warning FlinkApiClient: ", StringComparison.Ordinal))
            .Select(l => l["Warning FlinkApiClient: ".Length..l.IndexOf(" [", StringComparison.Ordinal)]);
        Assert.That(warnings, Is.EqualTo(new[]
        {
            $"Flink API POST {Address("").Path.TrimEnd('/')} failed (HTTP 429); retrying: attempt 2 of 3 in 50 ms",
            $"Flink API POST {Address("").Path.TrimEnd('/')} failed (connection closed before the answer); retrying: attempt 3 of 3 in * ms",
            $"Flink API GET {Address("c1").Path} failed (connection dropped); retrying: attempt 2 of 3 in * ms",
        }).Using<string, string>((line, pattern) => Regex.IsMatch(line, Pattern(pattern))),
            "the last read, answered at once, logs none");
    }

    [Test]
    public async Task RetryAfterIsHonouredAndACancelDuringTheWaitStopsAtOnce()
    {
        var list = _mock.When(HttpMethod.Get, Collection).Respond(_ => RateLimited(seconds: 60));
        using var cancel = new CancellationTokenSource();

        var retrying = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Log.Logged += line =>
        {
            if (line.Contains("retrying")) retrying.TrySetResult(line);
        };

        var call = Client(s => s with { MaxDelay = TimeSpan.FromMinutes(5) }).ListAsync(Environment, null, cancel.Token);
        var warning = await retrying.Task;
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Expect<OperationCanceledException>(() => call);

        Assert.That(warning, Does.Contain("in 60000 ms"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the 60 s wait was cut short");
        Assert.That(_mock.GetMatchCount(list), Is.EqualTo(1));
    }

    [Test]
    public async Task TotalTimeIsBoundedWhenEveryAttemptTimesOut()
    {
        var get = _mock.When(HttpMethod.Get, C1);
        get.Respond(() => new TaskCompletionSource<HttpResponseMessage>().Task);
        var client = Client(s => s with { MaxRetries = 50, AttemptTimeout = TimeSpan.FromMilliseconds(200), TotalTimeout = TimeSpan.FromSeconds(1) });

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
        _mock.When(HttpMethod.Post, Collection).Respond(_ => Failure(503));
        _mock.When(HttpMethod.Get, C1).Respond(() => new TaskCompletionSource<HttpResponseMessage>().Task);
        var budget = new OperationBudget(timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, CancellationToken.None);

        var error = await Expect<CreateOutcomeUnknownException>(() =>
            Client(s => s with { LookupTimeout = TimeSpan.FromMilliseconds(300) }).CreateAsync(Address("c1"), New(), budget));

        Assert.That(error.Message, Does.Contain(
            $"Looking the connection up to find out failed too: Confluent API unreachable: GET {Address("c1").Path} to {Host} did not finish within 0.3 s ("));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Failure(int status, string code = "refused", string title = "Refused", string? detail = null, string? pointer = null) =>
        Answer((HttpStatusCode)status, JToken.FromObject(new
        {
            errors = new[] { new { id = "e1", status = status.ToString(), code, title, detail, source = pointer is null ? null : new { pointer } } },
        }).ToString());

    private static HttpResponseMessage RateLimited(int seconds)
    {
        var answer = Failure(429);
        answer.Headers.RetryAfter = new(TimeSpan.FromSeconds(seconds));
        return answer;
    }

    private static string Body(HttpRequestMessage request) => request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();

    private static bool BodyIs(HttpRequestMessage request, object expected) => JToken.DeepEquals(JToken.Parse(Body(request)), JToken.FromObject(expected));

    private static object Spec(string authData) =>
        new { connection_type = "OPENAI", endpoint = "https://api.openai.com/v1/chat/completions", auth_data = new { kind = "PlaintextProvider", data = authData } };

    private static Connection Read(string resourceVersion) => JToken.Parse(ConnectionJson("c1", resourceVersion)).ToObject<Connection>()!;

    private static string ConnectionJson(string name, string resourceVersion) => JToken.FromObject(new
    {
        api_version = "sql/v1", kind = "Connection", name, spec = Spec("********"), status = new { phase = "READY" },
        metadata = new { self = $"{Collection}/{Uri.EscapeDataString(name)}", created_at = "2026-01-02T03:04:05Z", resource_version = resourceVersion },
    }).ToString();

    private static string ListJson(string[] names, string? next) => JToken.FromObject(new
    {
        api_version = "sql/v1", kind = "ConnectionList", metadata = new { self = Collection, next },
        data = names.Select(n => JToken.Parse(ConnectionJson(n, "rv1"))),
    }).ToString();

    /// <summary>Gives the first half of a body, then fails as a connection dropped mid-body does.</summary>
    private sealed class BrokenStream(string body) : MemoryStream(Encoding.UTF8.GetBytes(body[..(body.Length / 2)]))
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            await base.ReadAsync(buffer, cancellationToken) is > 0 and var read ? read : throw new IOException("connection dropped mid-body");
    }
}
