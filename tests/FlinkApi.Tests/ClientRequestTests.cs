using System.Net;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.FlinkApi.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>What the client puts on the wire, checked against a mock: paths, verbs, queries, bodies and headers.</summary>
public sealed class ClientRequestTests : LeakCheckedTest
{
    private const string Base = "https://flink.us-east-1.aws.confluent.cloud";
    private const string Collection = Base + "/sql/v1/organizations/0b6a1b0e-1111-4c2d-9e8f-000000000001/environments/env-abc123/connections";

    private MockHttpMessageHandler _mock = null!;
    private IFlinkConnectionsClient _client = null!;

    [SetUp]
    public void CreateClient()
    {
        _mock = new MockHttpMessageHandler();
        _client = FlinkConnectionsClient.Create(Settings(new Uri(Base)), ClientLogger, _mock);
    }

    [TearDown]
    public void DisposeMock() => _mock.Dispose();

    [Test]
    public async Task CreatePostsTheConnectionWithBasicAuthAndUserAgent()
    {
        var expectedBody = new JObject
        {
            ["name"] = "my-openai",
            ["spec"] = new JObject
            {
                ["connection_type"] = "OPENAI",
                ["endpoint"] = "https://api.openai.com/v1/chat/completions",
                ["auth_data"] = new JObject { ["kind"] = "PlaintextProvider", ["data"] = TestSecrets.CredentialJson },
            },
        };
        var create = _mock.Expect(HttpMethod.Post, Collection)
            .WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .WithHeaders("User-Agent", $"pulumi-resource-confluentflink/{FlinkConnectionsClient.ProviderVersion()}")
            .WithHeaders("Accept", "application/json")
            .With(request => JToken.DeepEquals(JToken.Parse(request.Content!.ReadAsStringAsync().Result), expectedBody))
            .Respond(HttpStatusCode.Created, "application/json", ConnectionJson("my-openai", "rv1"));

        var outcome = await _client.CreateAsync(Scope, Request("my-openai"), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(_mock.GetMatchCount(create), Is.EqualTo(1));
        Assert.That(outcome.Kind, Is.EqualTo(CreateOutcomeKind.Created));
        Assert.That(outcome.Connection.Name, Is.EqualTo("my-openai"));
        Assert.That(outcome.Connection.Metadata!.ResourceVersion, Is.EqualTo("rv1"));
        Assert.That(outcome.Connection.Status!.Phase, Is.EqualTo("READY"));
    }

    [Test]
    public void UserAgentNamesTheProviderAndAPlainVersion()
    {
        Assert.That(FlinkConnectionsClient.ProviderVersion(), Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
    }

    [Test]
    public async Task GetReadsOneConnectionAndEscapesTheName()
    {
        _mock.Expect(HttpMethod.Get, Collection + "/my.conn-1")
            .Respond("application/json", ConnectionJson("my.conn-1", "rv7"));

        var connection = await _client.GetAsync(Scope, "my.conn-1", CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(connection!.Spec!.ConnectionType, Is.EqualTo("OPENAI"));
        Assert.That(connection.Metadata!.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [Test]
    public async Task GetAnswersNullFor404AndDeleteAnswersFalse()
    {
        _mock.When(Collection + "/gone").Respond(HttpStatusCode.NotFound, "application/json", FailureJson("404", null, "Not Found"));

        Assert.That(await _client.GetAsync(Scope, "gone", CancellationToken.None), Is.Null);
        Assert.That(await _client.DeleteAsync(Scope, "gone", CancellationToken.None), Is.False);
    }

    [Test]
    public async Task DeleteSendsDeleteAndAnswersTrue()
    {
        _mock.Expect(HttpMethod.Delete, Collection + "/old").Respond(HttpStatusCode.OK);

        Assert.That(await _client.DeleteAsync(Scope, "old", CancellationToken.None), Is.True);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ListFiltersByTypeAndFollowsNextWithItsPageToken()
    {
        var client = FlinkConnectionsClient.Create(Settings(new Uri(Base), listPageSize: 2), ClientLogger, _mock);
        _mock.Expect(HttpMethod.Get, Collection)
            .WithExactQueryString("spec.connection_type=OPENAI&page_size=2")
            .Respond("application/json", ListJson(["a", "b"], Collection + "?page_size=2&page_token=tok%2F1&spec.connection_type=OPENAI"));
        _mock.Expect(HttpMethod.Get, Collection)
            .WithExactQueryString("spec.connection_type=OPENAI&page_size=2&page_token=tok%2F1")
            .Respond("application/json", ListJson(["c"], next: null));

        var all = await client.ListAsync(Scope, "OPENAI", CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(all.Select(c => c.Name), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task ListWithoutATypeSendsNoFilter()
    {
        _mock.Expect(HttpMethod.Get, Collection).WithExactQueryString("page_size=100").Respond("application/json", ListJson([], null));

        Assert.That(await _client.ListAsync(Scope, null, CancellationToken.None), Is.Empty);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ListStopsWithAnErrorWhenTheServerRepeatsAPageToken()
    {
        _mock.When(HttpMethod.Get, Collection).Respond("application/json", ListJson(["a"], Collection + "?page_token=same"));

        var error = await Expect<FlinkApiException>(() => _client.ListAsync(Scope, null, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("repeated page token"));
    }

    [Test]
    public async Task UpdatePutsNameSpecAndResourceVersion()
    {
        var expectedBody = new JObject
        {
            ["metadata"] = new JObject { ["self"] = Collection + "/c1", ["resource_version"] = "rv3" },
            ["name"] = "c1",
            ["spec"] = new JObject
            {
                ["connection_type"] = "OPENAI",
                ["endpoint"] = "https://api.openai.com/v1/chat/completions",
                ["auth_data"] = new JObject { ["kind"] = "PlaintextProvider", ["data"] = TestSecrets.CredentialJson },
            },
        };
        _mock.Expect(HttpMethod.Put, Collection + "/c1")
            .WithHeaders("Authorization", $"Basic {TestSecrets.BasicParameter}")
            .With(request => JToken.DeepEquals(JToken.Parse(request.Content!.ReadAsStringAsync().Result), expectedBody))
            .Respond("application/json", ConnectionJson("c1", "rv4"));
        var read = JObject.Parse(ConnectionJson("c1", "rv3")).ToObject<Connection>()!;

        await _client.UpdateAsync(Scope, ForUpdate(read, TestSecrets.CredentialJson), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void UpdateRefusesAConnectionWithoutResourceVersionOrCredential()
    {
        var noVersion = new Connection { Name = "c1", Spec = new ConnectionSpec { AuthData = new AuthData { Data = "{}" } } };
        var noCredential = new Connection { Name = "c1", Metadata = new ObjectMeta { ResourceVersion = "rv1" }, Spec = new ConnectionSpec() };

        Assert.That(() => _client.UpdateAsync(Scope, noVersion, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("ResourceVersion"));
        Assert.That(() => _client.UpdateAsync(Scope, noCredential, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("AuthData"));
    }

    [TestCase("RestEndpoint")]
    [TestCase("ApiSecret")]
    [TestCase("MaxRetries")]
    [TestCase("ListPageSize")]
    public void CreateRejectsSettingsNamingTheProperty(string property)
    {
        var good = Settings(new Uri(Base));
        var bad = property switch
        {
            "RestEndpoint" => new FlinkApiSettings { RestEndpoint = new Uri("/relative", UriKind.Relative), ApiKey = "k", ApiSecret = "s", MaxRetries = 3 },
            "ApiSecret" => new FlinkApiSettings { RestEndpoint = good.RestEndpoint, ApiKey = "k", ApiSecret = "", MaxRetries = 3 },
            "MaxRetries" => new FlinkApiSettings { RestEndpoint = good.RestEndpoint, ApiKey = "k", ApiSecret = "s", MaxRetries = -1 },
            _ => new FlinkApiSettings { RestEndpoint = good.RestEndpoint, ApiKey = "k", ApiSecret = "s", MaxRetries = 3, ListPageSize = 500 },
        };

        Assert.That(() => FlinkConnectionsClient.Create(bad), Throws.ArgumentException.With.Message.Contains(property));
    }

    internal static string ConnectionJson(string name, string resourceVersion) => new JObject
    {
        ["api_version"] = "sql/v1",
        ["kind"] = "Connection",
        ["metadata"] = new JObject
        {
            ["self"] = $"{Collection}/{name}",
            ["created_at"] = "2026-01-02T03:04:05Z",
            ["updated_at"] = "2026-01-02T03:04:05Z",
            ["resource_version"] = resourceVersion,
        },
        ["name"] = name,
        ["spec"] = new JObject
        {
            ["connection_type"] = "OPENAI",
            ["endpoint"] = "https://api.openai.com/v1/chat/completions",
            ["auth_data"] = new JObject { ["kind"] = "PlaintextProvider", ["data"] = "********" },
        },
        ["status"] = new JObject { ["phase"] = "READY" },
    }.ToString();

    internal static string FailureJson(string status, string? code, string title, string? detail = null, string? pointer = null)
    {
        var error = new JObject { ["id"] = "e1", ["status"] = status, ["title"] = title };
        if (code is not null) error["code"] = code;
        if (detail is not null) error["detail"] = detail;
        if (pointer is not null) error["source"] = new JObject { ["pointer"] = pointer };
        return new JObject { ["errors"] = new JArray(error) }.ToString();
    }

    private static string ListJson(string[] names, string? next)
    {
        var metadata = new JObject { ["self"] = Collection };
        if (next is not null) metadata["next"] = next;
        return new JObject
        {
            ["api_version"] = "sql/v1",
            ["kind"] = "ConnectionList",
            ["metadata"] = metadata,
            ["data"] = new JArray(names.Select(n => JObject.Parse(ConnectionJson(n, "rv1")))),
        }.ToString();
    }
}
