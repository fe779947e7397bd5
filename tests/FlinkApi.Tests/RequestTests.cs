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
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RequestTests : ClientTest, IDisposable
{
    private const string Host = "flink.us-east-1.aws.confluent.cloud";
    private static readonly string Collection = $"https://{Host}{Address("").Path.TrimEnd('/')}", C1 = Collection + "/c1";
    private static readonly int[] TransientStatuses = [429, 500, 502, 503, 504], ErrorStatuses = [400, 401, 403, 404, 409, 422, .. TransientStatuses];
    private readonly MockHttpMessageHandler _mock = new();

    public void Dispose() => _mock.Dispose();

    private IFlinkConnectionsClient Client(Func<FlinkApiSettings, FlinkApiSettings>? change = null) =>
        Client((change ?? (s => s))(Settings(new Uri($"https://{Host}"))), _mock);

    [Test]
    public async Task RequestsCarryBasicAuthUserAgentAndTheEscapedNameListsFollowNextAndA404IsAbsenceForReadsAndDeletes()
    {
        var sent = New();
        _mock.Expect(HttpMethod.Post, Collection).WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}").WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString() == $"pulumi-resource-confluentflink/{Version}")
            .With(r => BodyIs(r, new { name = "c1", spec = Spec(sent.AuthDataJson) }))
            .Respond(_ => Answer(HttpStatusCode.Created, ConnectionJson("c1", "rv1")));
        _mock.Expect(HttpMethod.Get, Collection + "/*").With(r => r.RequestUri!.AbsoluteUri == Collection + "/a%20b%2Fc")
            .Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("a b/c", "rv7")));
        void Page(string query, string[] names, string? nextToken) => _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString(query)
            .Respond(_ => Answer(HttpStatusCode.OK, ListJson(names, nextToken is null ? null : $"{Collection}?page_size=2&page_token={nextToken}")));
        Page("spec.connection_type=OPENAI&page_size=2", ["a", "b"], "tok%2F1");
        Page("spec.connection_type=OPENAI&page_size=2&page_token=tok%2F1", ["c"], null);
        Page("page_size=2", ["a", "b"], "same");
        Page("page_size=2&page_token=same", ["c", "d"], "same");
        _mock.When(Collection + "/gone").Respond(_ => Failure(404));
        var delete = _mock.When(HttpMethod.Delete, C1).Respond(HttpStatusCode.OK);
        var client = Client(s => s with { ListPageSize = 2 });

        var created = await client.CreateAsync(Address("c1"), sent, CancellationToken.None);
        var read = await client.GetAsync(Address("a b/c"), CancellationToken.None);
        var listed = await client.ListAsync(Environment, "OPENAI", CancellationToken.None);
        var repeated = await Expect<FlinkApiException>(() => client.ListAsync(Environment, null, CancellationToken.None));

        _mock.VerifyNoOutstandingExpectation();
        Assert.That((created.Kind, created.Connection.Name, created.Connection.Metadata!.ResourceVersion), Is.EqualTo((CreateOutcomeKind.Created, "c1", "rv1")));
        Assert.That((read!.Spec!.ConnectionType, read.Metadata!.CreatedAt), Is.EqualTo(("OPENAI", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))));
        Assert.That(listed.Select(c => c.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(repeated.Message, Does.Contain("repeated page token 'same'"));
        Assert.That(await client.GetAsync(Address("gone"), CancellationToken.None), Is.Null);
        Assert.That(await client.DeleteAsync(Address("gone"), CancellationToken.None), Is.False);
        Assert.That(await client.DeleteAsync(Address("c1"), CancellationToken.None), Is.True);
        Assert.That(_mock.GetMatchCount(delete), Is.EqualTo(1));
    }

    [TestCase(null, new[] { 200 }, "rv4", TestName = "SetAuthData reads the connection, then puts name, spec and metadata on its resource_version")]
    [TestCase("rv3", new[] { 200 }, "rv4", TestName = "SetAuthData given the connection just read puts without reading it again")]
    [TestCase("rv3", new[] { 409, 200 }, "rv6", TestName = "SetAuthData after a 409 reads the connection again and tries once more")]
    [TestCase("rv3", new[] { 409, 409 }, "Connection 'c1' was changed by someone else twice*",
        TestName = "SetAuthData after a second 409 reports the connection changed by someone else twice")]
    [TestCase("rv3", new[] { 503, 422 }, "The update of connection 'c1' may or may not have happened*moved from 'rv3' to 'rv5'*Confluent API 422*" +
        "Running the update again is safe.", TestName = "An update whose resend fails may or may not have happened")]
    [TestCase("", new int[0], "*without metadata.resource_version*", TestName = "SetAuthData refuses a connection without resource_version and sends nothing")]
    public async Task SetAuthDataPutsNameSpecAndResourceVersionAndTriesOnceMoreWhenTheVersionMoved(string? current, int[] puts, string outcome)
    {
        var credential = AuthDataSamples.For("OPENAI");
        if (current is null) _mock.Expect(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv3")));
        for (var put = 0; put < puts.Length; put++)
        {
            var (status, on, next) = (puts[put], put == 0 ? "rv3" : "rv5", put == 0 ? "rv4" : "rv6");
            if (put > 0) _mock.Expect(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv5")));
            // A 503 is retried: every attempt sends the same request.
            for (var attempt = 0; attempt < (status == 503 ? 3 : 1); attempt++)
                _mock.Expect(HttpMethod.Put, C1).WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
                    .With(r => BodyIs(r, new { name = "c1", spec = Spec(credential), metadata = new { self = C1, resource_version = on } }))
                    .Respond(_ => status == 200 ? Answer(HttpStatusCode.OK, ConnectionJson("c1", next)) : Failure(status));
        }

        var given = current switch { null => null, "" => new Connection(), _ => JToken.Parse(ConnectionJson("c1", current)).ToObject<Connection>() };
        var update = () => Client().SetAuthDataAsync(Address("c1"), credential, CancellationToken.None, given);

        if (outcome.StartsWith("rv", StringComparison.Ordinal)) Assert.That((await update()).Metadata!.ResourceVersion, Is.EqualTo(outcome));
        else Assert.That((await Expect<FlinkApiException>(update)).Message, Does.Match(Pattern(outcome)));
        _mock.VerifyNoOutstandingExpectation();
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
    public async Task AnErrorAnswerIsMappedWithItsFieldsATransientOneRetriedUntilSuccessAFinalOneNeitherRetriedNorLookedUp(int status)
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
            { Code = code, Title = title, Detail = $"attempt {attempts}", Source = "/spec/endpoint", RequestId = $"req-{attempts}" }), "the last answer's fields");
        Assert.That(error.Message, Is.EqualTo($"Confluent API {status} {code}: {title}: attempt {attempts} (at /spec/endpoint) (request id req-{attempts})"));
        if (attempts == 1)
        {
            // A write refused on its first attempt is neither retried nor looked up.
            var posts = _mock.When(HttpMethod.Post, Collection).Respond(_ => Failure(status));
            var lookups = _mock.When(HttpMethod.Get, C1).Respond(_ => Answer(HttpStatusCode.OK, ConnectionJson("c1", "rv1")));
            var refused = await Expect<FlinkApiException>(() => Client().CreateAsync(Address("c1"), New(), CancellationToken.None));
            Assert.That(((int?)refused.StatusCode, _mock.GetMatchCount(posts), _mock.GetMatchCount(lookups)), Is.EqualTo((status, 1, 0)));
            return;
        }
        // Answered twice more as before, then with success from the fourth answer on: retried until it succeeds.
        attempts = 1;
        Assert.That(await Client().ListAsync(Environment, null, CancellationToken.None), Is.Empty);
        Assert.That(attempts, Is.EqualTo(4));
    }

    private static TestCaseData Failed(string name, Func<Task<HttpResponseMessage>> get, int? status, string message, int attempts, int? atMost = null,
        Func<FlinkApiSettings, FlinkApiSettings>? change = null, double? timeout = null, bool create = false) =>
        new TestCaseData(create, get, change, timeout, status, message, attempts, atMost ?? attempts).SetName(name);

    private static Task<HttpResponseMessage> Never() => new TaskCompletionSource<HttpResponseMessage>().Task;

    public static IEnumerable<TestCaseData> FailedCalls() =>
    [
        Failed("A body that is not a Failure still maps status and reason", () => Task.FromResult(Answer(HttpStatusCode.Forbidden,
            "<html>denied by proxy</html>", "text/html")), 403, "Confluent API 403: Forbidden*", 1),
        Failed("A success with an unreadable body is an error, not null", () => Task.FromResult(Answer(HttpStatusCode.OK, "{not json")), 200,
            "Confluent API 200 answered a body that could not be read as Connection*", 1),
        Failed("A transport failure after retries names host, attempts and time without a status",
            () => throw new HttpRequestException("Connection reset by peer"), null,
            $"Confluent API unreachable: GET {Address("c1").Path} to {Host} failed: Connection reset by peer, after 3 attempt(s) in * s", 3),
        Failed("Total time is bounded when every attempt times out", Never, null,
            $"Confluent API unreachable: GET {Address("c1").Path} to {Host} did not finish within 1 s (*", 2, atMost: 6,
            change: s => s with { MaxRetries = 50, AttemptTimeout = TimeSpan.FromMilliseconds(200), TotalTimeout = TimeSpan.FromSeconds(1) }),
        Failed("A read held past its custom timeout fails naming the timeout", Never, null,
            "The read of connection 'c1' did not finish within the 1 s custom timeout (1 attempt(s), last: no answer in time)", 1, timeout: 1),
        LookupCut("A lookup cut by its own bound names that bound", null),
        LookupCut("A lookup cut by its own bound names that bound, not the longer custom timeout", 60),
    ];

    /// <summary>The create is answered 503 throughout; the lookup's GET never.</summary>
    private static TestCaseData LookupCut(string name, double? timeout) => Failed(name, Never, null, "The create of connection 'c1' may have succeeded: " +
        $"Confluent API 503 *. Looking the connection up to find out failed too: Confluent API unreachable: GET {Address("c1").Path} to {Host} did not " +
        "finish within 0.3 s (*). The connection may exist.", 1, change: s => s with { LookupTimeout = TimeSpan.FromMilliseconds(300) }, timeout: timeout,
        create: true);

    [TestCaseSource(nameof(FailedCalls))]
    public async Task AFailedCallSaysWhatFailedWithinItsBound(bool create, Func<Task<HttpResponseMessage>> answer,
        Func<FlinkApiSettings, FlinkApiSettings>? change, double? timeout, int? status, string message, int attempts, int atMost)
    {
        _mock.When(HttpMethod.Post, Collection).Respond(_ => Failure(503));
        var get = _mock.When(HttpMethod.Get, C1);
        get.Respond(answer);
        var (client, budget) = (Client(change), new OperationBudget(timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null, CancellationToken.None));

        var clock = Stopwatch.StartNew();
        var error = await Expect<FlinkApiException>(() => create ? client.CreateAsync(Address("c1"), New(), budget) : client.GetAsync(Address("c1"), budget));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "well within the generous bounds that are not the test's");
        Assert.That((int?)error.StatusCode, Is.EqualTo(status));
        Assert.That(error.Message, Does.Match(Pattern(message)));
        Assert.That(_mock.GetMatchCount(get), Is.InRange(attempts, atMost), "GET attempts");
    }

    [Test]
    public async Task EachRetryIsOneWarningNamingMethodPathReasonAttemptAndWaitWhichRetryAfterSetsUpToMaxDelay()
    {
        var attempts = 0;
        _mock.When(HttpMethod.Post, Collection).Respond(_ => ++attempts switch
        {
            1 => Failure(429, retryAfter: 3600),
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

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpResponseMessage Failure(int status, string code = "refused", string title = "Refused", string? detail = null, string? pointer = null,
        int? retryAfter = null)
    {
        var answer = Answer((HttpStatusCode)status, JToken.FromObject(new
        {
            errors = new[] { new { id = "e1", status = status.ToString(), code, title, detail, source = pointer is null ? null : new { pointer } } },
        }).ToString());
        if (retryAfter is { } seconds) answer.Headers.RetryAfter = new(TimeSpan.FromSeconds(seconds));
        return answer;
    }

    private static bool BodyIs(HttpRequestMessage request, object expected) =>
        JToken.DeepEquals(JToken.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()), JToken.FromObject(expected));

    private static object Spec(string authData) =>
        new { connection_type = "OPENAI", endpoint = "https://api.openai.com/v1/chat/completions", auth_data = new { kind = "PlaintextProvider", data = authData } };

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
