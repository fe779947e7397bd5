using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using RichardSzalay.MockHttp;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>Every error answer becomes one FlinkApiException carrying the Failure body, the status and the request id.</summary>
public sealed class ErrorMappingTests : LeakCheckedTest
{
    private const string Base = "https://flink.us-east-1.aws.confluent.cloud";
    private const string Collection = Base + "/sql/v1/organizations/0b6a1b0e-1111-4c2d-9e8f-000000000001/environments/env-abc123/connections";
    private const int MaxRetries = 2;

    private MockHttpMessageHandler _mock = null!;
    private IFlinkConnectionsClient _client = null!;

    [SetUp]
    public void CreateClient()
    {
        _mock = new MockHttpMessageHandler();
        _client = FlinkConnectionsClient.Create(Settings(new Uri(Base), MaxRetries), ClientLogger, _mock);
    }

    [TearDown]
    public void DisposeMock() => _mock.Dispose();

    [TestCase(400, "invalid_input", "Bad Request", 1)]
    [TestCase(401, "user_unauthenticated", "Authentication Required", 1)]
    [TestCase(403, "user_unauthorized", "User Access Unauthorized", 1)]
    [TestCase(409, "resource_already_exists", "Resource Already exists", 1)]
    [TestCase(422, "invalid_configuration", "Validation Failed", 1)]
    [TestCase(429, "too_many_requests", "Rate Limit Exceeded", MaxRetries + 1)]
    [TestCase(500, "out_of_gas", "Internal Error", MaxRetries + 1)]
    [TestCase(502, "bad_gateway", "Bad Gateway", MaxRetries + 1)]
    [TestCase(503, "unavailable", "Service Unavailable", MaxRetries + 1)]
    [TestCase(504, "gateway_timeout", "Gateway Timeout", MaxRetries + 1)]
    public async Task ErrorStatusIsMappedWithFailureFieldsAndRetriedOnlyWhenTransient(
        int status, string code, string title, int expectedAttempts)
    {
        var answer = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(ClientRequestTests.FailureJson(status.ToString(), code, title, "some detail", "/spec/endpoint"),
                System.Text.Encoding.UTF8, "application/json"),
        };
        answer.Headers.Add("X-Request-Id", "req-42");
        // A read: a write that fails after reaching the service goes on to a lookup, whose note the message would carry.
        var list = _mock.When(HttpMethod.Get, Collection);
        list.Respond(() => Task.FromResult(Clone(answer)));

        var error = await Expect<FlinkApiException>(() => _client.ListAsync(Scope, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.Title, Is.EqualTo(title));
            Assert.That(error.Detail, Is.EqualTo("some detail"));
            Assert.That(error.SourcePointer, Is.EqualTo("/spec/endpoint"));
            Assert.That(error.RequestId, Is.EqualTo("req-42"));
            Assert.That(error.Message, Is.EqualTo(
                $"Confluent API {status} {code}: {title}: some detail (at /spec/endpoint) (request id req-42)"));
            Assert.That(_mock.GetMatchCount(list), Is.EqualTo(expectedAttempts));
        });
    }

    [Test]
    public async Task ABodyThatIsNotAFailureStillMapsStatusAndReason()
    {
        _mock.When(HttpMethod.Get, Collection + "/c1")
            .Respond(HttpStatusCode.Forbidden, "text/html", "<html>denied by proxy</html>");

        var error = await Expect<FlinkApiException>(() => _client.GetAsync(Scope, "c1", CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(error.Code, Is.Null);
        Assert.That(error.Message, Is.EqualTo("Confluent API 403: Forbidden"));
    }

    [Test]
    public async Task UpdateOfAMissingConnectionIsA404Error()
    {
        _mock.When(HttpMethod.Put, Collection + "/c1")
            .Respond(HttpStatusCode.NotFound, "application/json", ClientRequestTests.FailureJson("404", "not_found", "Not Found"));
        var read = Newtonsoft.Json.JsonConvert.DeserializeObject<Models.Connection>(ClientRequestTests.ConnectionJson("c1", "rv1"))!;

        var error = await Expect<FlinkApiException>(() =>
            _client.UpdateAsync(Scope, ForUpdate(read, TestSecrets.CredentialJson), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TransportFailureAfterRetriesNamesHostAttemptsAndTimeWithoutAStatus()
    {
        var get = _mock.When(HttpMethod.Get, Collection + "/c1").Throw(new HttpRequestException("Connection refused"));

        var error = await Expect<FlinkApiException>(() => _client.GetAsync(Scope, "c1", CancellationToken.None));

        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.Message, Does.Contain("flink.us-east-1.aws.confluent.cloud").And.Contain("Connection refused")
            .And.Contain($"after {MaxRetries + 1} attempt(s)"));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(_mock.GetMatchCount(get), Is.EqualTo(MaxRetries + 1));
    }

    [Test]
    public async Task ASuccessWithAnUnreadableBodyIsReportedNotReturnedAsNull()
    {
        _mock.When(HttpMethod.Get, Collection + "/c1").Respond("application/json", "{not json");

        var error = await Expect<FlinkApiException>(() => _client.GetAsync(Scope, "c1", CancellationToken.None));

        Assert.That(error.Message, Does.StartWith("Confluent API 200 answered a body that could not be read as Connection"));
    }

    // MockHttp hands out the same response object each time; a retried request needs a fresh one.
    private static HttpResponseMessage Clone(HttpResponseMessage template)
    {
        var copy = new HttpResponseMessage(template.StatusCode)
        {
            Content = new StringContent(template.Content.ReadAsStringAsync().Result, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var header in template.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }
}
