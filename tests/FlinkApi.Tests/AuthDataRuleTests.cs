using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Admin;
using static ConfluentFlink.FlinkApi.Tests.Support.AuthDataSamples;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The emulator's credential rules on auth_data.data (connection-types.md), through the client, on create and on update.</summary>
public sealed class AuthDataRuleTests : EmulatorTest
{
    private const string Secret = TestSecrets.CredentialValue;
    private static readonly string[] OAuth2 = ["OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE"];

    /// <summary>(type, entries): each type's sample, then the groups and options the samples leave out.</summary>
    public static IEnumerable<TestCaseData> Accepted() => ByType.Select(sample => Accept(sample.Key, sample.Value)).Concat(
    [
        Accept("BEDROCK", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]),
        Accept("ELASTIC", ["AUTH_TYPE=API_KEY", "API_KEY"]),
        Accept("A2A", ["AUTH_TYPE=API_KEY", "API_KEY"]),
        Accept("A2A", ["AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"]),
        Accept("A2A", ["AUTH_TYPE=OAUTH2", .. OAuth2]),
        Accept("REST", ["AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"]),
        Accept("REST", ["AUTH_TYPE=BEARER", "BEARER_TOKEN"]),
        Accept("MCP_SERVER", ["AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"]),
        Accept("MCP_SERVER", ["AUTH_TYPE=BEARER", "BEARER_TOKEN", "TRANSPORT_TYPE=STREAMABLE_HTTP"]),
        Accept("MCP_SERVER", ["AUTH_TYPE=OAUTH2", .. OAuth2, "SSE_ENDPOINT"]),
    ]);

    /// <summary>(type, data, a phrase of the detail, the keys the detail must name).</summary>
    public static IEnumerable<TestCaseData> Rejected() =>
    [
        Reject("not JSON", "OPENAI", $"API_KEY={Secret}", "JSON object", "API_KEY"),
        Reject("a JSON array", "OPENAI", $"[\"{Secret}\"]", "JSON object", "API_KEY"),
        Reject("a JSON string", "OPENAI", $"\"{Secret}\"", "JSON object", "API_KEY"),
        Reject("a number value", "OPENAI", "{\"API_KEY\":4711}", "not a string", "API_KEY"),
        Reject("an object value", "VERTEXAI", $"{{\"SERVICE_KEY\":{{\"private_key\":\"{Secret}\"}}}}", "not a string", "SERVICE_KEY"),
        Reject("a key twice", "OPENAI", $"{{\"API_KEY\":\"{Secret}-1\",\"API_KEY\":\"{Secret}-2\"}}", "more than once", "API_KEY"),
        Reject("BEARER_TOKEN on OPENAI", "OPENAI", Data("API_KEY", "BEARER_TOKEN"), "does not accept", "BEARER_TOKEN", "API_KEY"),
        Reject("an unknown key", "OPENAI", Data("API_KEY", "TOKEN"), "of any connection type", "TOKEN"),
        Reject("a lower-case key", "PINECONE", Data("api_key"), "of any connection type", "api_key", "API_KEY"),
        Reject("AWS keys on an API key type", "ANTHROPIC", Data("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), "does not accept",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
        Reject("API_KEY on REST", "REST", Data("AUTH_TYPE=API_KEY", "API_KEY"), "does not accept", "API_KEY"),
        Reject("AUTH_TYPE on a type without a choice", "OPENAI", Data("AUTH_TYPE=API_KEY", "API_KEY"), "does not accept", "AUTH_TYPE"),
        Reject("AUTH_TYPE on MONGODB", "MONGODB", Data("AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"), "does not accept", "AUTH_TYPE"),
        Reject("SSE_ENDPOINT outside MCP_SERVER", "A2A", Data("AUTH_TYPE=BEARER", "BEARER_TOKEN", "SSE_ENDPOINT"), "does not accept", "SSE_ENDPOINT"),
        Reject("TRANSPORT_TYPE outside MCP_SERVER", "REST", Data("AUTH_TYPE=BEARER", "BEARER_TOKEN", "TRANSPORT_TYPE=SSE"), "does not accept", "TRANSPORT_TYPE"),
        Reject("no API_KEY", "COSMOSDB", "{}", "missing", "API_KEY"),
        Reject("no AWS_SECRET_ACCESS_KEY", "BEDROCK", Data("AWS_ACCESS_KEY_ID"), "missing", "AWS_SECRET_ACCESS_KEY"),
        Reject("no AWS_ACCESS_KEY_ID", "S3VECTORS", Data("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"), "missing", "AWS_ACCESS_KEY_ID"),
        Reject("a session token alone", "SAGEMAKER", Data("AWS_SESSION_TOKEN"), "missing", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
        Reject("no SERVICE_KEY", "VERTEXAI", "{}", "missing", "SERVICE_KEY"),
        Reject("USERNAME without PASSWORD", "MONGODB", Data("USERNAME"), "missing", "PASSWORD"),
        Reject("PASSWORD without USERNAME", "COUCHBASE", Data("PASSWORD"), "missing", "USERNAME"),
        Reject("neither USERNAME nor PASSWORD", "CONFLUENT_JDBC", "{}", "missing", "USERNAME", "PASSWORD"),
        Reject("no AUTH_TYPE", "ELASTIC", Data("API_KEY"), "needs AUTH_TYPE", "AUTH_TYPE"),
        Reject("AUTH_TYPE of another type's group", "ELASTIC", Data("AUTH_TYPE=BEARER", "API_KEY"), "names no group", "AUTH_TYPE"),
        Reject("AUTH_TYPE of no group", "A2A", Data("AUTH_TYPE=TOKEN", "BEARER_TOKEN"), "names no group", "AUTH_TYPE"),
        Reject("two groups", "ELASTIC", Data("AUTH_TYPE=API_KEY", "API_KEY", "USERNAME", "PASSWORD"), "must not be given", "USERNAME", "PASSWORD"),
        Reject("the keys of a group AUTH_TYPE does not name", "A2A", Data("AUTH_TYPE=BASIC", "BEARER_TOKEN"), "must not be given", "BEARER_TOKEN"),
        Reject("BASIC with USERNAME only", "REST", Data("AUTH_TYPE=BASIC", "USERNAME"), "missing", "PASSWORD"),
        Reject("BASIC with PASSWORD only", "A2A", Data("AUTH_TYPE=BASIC", "PASSWORD"), "missing", "USERNAME"),
        Reject("OAUTH2 without its scope", "MCP_SERVER", Data(["AUTH_TYPE=OAUTH2", .. OAuth2[..3]]), "missing", "OAUTH2_SCOPE"),
        Reject("OAUTH2 with its token endpoint only", "REST", Data("AUTH_TYPE=OAUTH2", "OAUTH2_TOKEN_ENDPOINT"), "missing",
            "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE"),
        Reject("AUTH_TYPE alone", "MCP_SERVER", Data("AUTH_TYPE=BEARER"), "missing", "BEARER_TOKEN"),
        Reject("an unknown TRANSPORT_TYPE", "MCP_SERVER", Data("AUTH_TYPE=BEARER", "BEARER_TOKEN", "TRANSPORT_TYPE=WEBSOCKET"), "is not one", "TRANSPORT_TYPE"),
        Reject("SSE_ENDPOINT with STREAMABLE_HTTP", "MCP_SERVER", Data("AUTH_TYPE=BEARER", "BEARER_TOKEN", "TRANSPORT_TYPE=STREAMABLE_HTTP", "SSE_ENDPOINT"),
            "not allowed", "SSE_ENDPOINT"),
        Reject("an empty API_KEY", "OPENAI", Data("API_KEY="), "empty", "API_KEY"),
        Reject("an empty PASSWORD", "MONGODB", Data("USERNAME", "PASSWORD="), "empty", "PASSWORD"),
        Reject("an empty AUTH_TYPE", "A2A", Data("AUTH_TYPE=", "BEARER_TOKEN"), "empty", "AUTH_TYPE"),
        Reject("an empty SSE_ENDPOINT", "MCP_SERVER", Data("AUTH_TYPE=API_KEY", "API_KEY", "SSE_ENDPOINT="), "empty", "SSE_ENDPOINT"),
    ];

    /// <summary>Then updated to the type's sample: a document of another group or without an optional key leaves none of its keys behind.</summary>
    [TestCaseSource(nameof(Accepted))]
    public async Task AcceptedOnCreateShownByKeyNameOnlyAndReplacedWholeByAnUpdate(string type, string[] entries)
    {
        var client = Client();
        // Under the longest name the API allows.
        var address = Address(new string('a', 100));
        var created = await client.CreateAsync(address, New(type, "https://service.example", Data(entries)), CancellationToken.None);
        Assert.That(created.Connection.Spec!.ConnectionType, Is.EqualTo(type));
        await AssertStoredAsync(entries);

        await client.SetAuthDataAsync(address, For(type), CancellationToken.None, created.Connection);

        await AssertStoredAsync(ByType[type]);
    }

    [TestCaseSource(nameof(Rejected))]
    public async Task RejectedOnCreateAndUpdateWithTheReasonLeavingTheStoreAsItWas(string type, string data, string phrase, string[] named)
    {
        var client = Client();
        var create = await Expect<FlinkApiException>(() => client.CreateAsync(Address("c1"), New(type, "https://service.example", data), CancellationToken.None));
        Assert.That(Emulator.Store.Count, Is.Zero);
        var created = await client.CreateAsync(Address("c1"), New(type, "https://service.example"), CancellationToken.None);

        var update = await Expect<FlinkApiException>(() => client.SetAuthDataAsync(Address("c1"), data, CancellationToken.None, created.Connection));

        foreach (var error in new[] { create, update })
        {
            Assert.That((error.StatusCode, error.Answer!.Code, error.Answer.Source),
                Is.EqualTo((HttpStatusCode.BadRequest, "invalid_input", "/spec/auth_data/data")));
            Assert.That(error.Answer.Detail, Does.Contain(phrase));
            Assert.That(named, Has.All.Matches<string>(key => error.Answer.Detail!.Contains(key)), "the detail names the keys");
        }
        var stored = await AssertStoredAsync(ByType[type]);
        Assert.That(stored.ResourceVersion, Is.EqualTo(created.Connection.Metadata!.ResourceVersion));
    }

    /// <summary>The stored connection as the admin view shows it: key names and AUTH_TYPE, never a value.</summary>
    private async Task<StoredConnectionView> AssertStoredAsync(IReadOnlyList<string> entries)
    {
        var stored = (await Admin.ListConnectionsAsync()).Single();
        var sent = entries.Select(Entry).ToList();
        Assert.That((stored.Credential, stored.AuthType), Is.EqualTo(("present", sent.SingleOrDefault(e => e.Key == "AUTH_TYPE").Value)));
        Assert.That(stored.AuthDataKeys, Is.EqualTo(sent.Select(e => e.Key).Order(StringComparer.Ordinal)));
        return stored;
    }

    private static TestCaseData Accept(string type, string[] entries) => new TestCaseData(type, entries).SetArgDisplayNames(type, string.Join(" ", entries));

    private static TestCaseData Reject(string why, string type, string data, string phrase, params string[] named) =>
        new TestCaseData(type, data, phrase, named).SetArgDisplayNames(type, why);
}
