using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The emulator's API as any HTTP client meets it: refusals, page tokens, and statuses from rules and overrides.</summary>
public sealed class EmulatorContractTests : EmulatorTest
{
    private const string OpenAiEndpoint = "https://api.openai.com/v1/chat/completions";
    private static readonly string Collection = Address("").Path.TrimEnd('/'), Item = Collection + "/c1";

    private static readonly JsonSerializerOptions Wire =
        new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <param name="Detail">A phrase the detail must hold: the part that tells the user what was expected.</param>
    /// <param name="Challenge">The WWW-Authenticate scheme expected; a refusal with one is sent without the key.</param>
    public sealed record Refusal(string Name, HttpMethod Method, string Path, string? ContentType, string? Body, int Status, string Code,
        string? Pointer = null, string? Detail = null, string? Parameter = null, string[]? Allow = null, string? Challenge = null)
    {
        public override string ToString() => Name;
    }

    private static Refusal Post(string name, string body, string? pointer, string detail, int status = 400, string code = "invalid_input",
        string contentType = "application/json") => new(name, HttpMethod.Post, Collection, contentType, body, status, code) { Pointer = pointer, Detail = detail };

    private static Refusal Invalid(string name, string body, string pointer, string detail) => Post(name, body, pointer, detail, 422, "invalid_configuration");

    private static Refusal ListWithToken(string name, string token) =>
        new(name, HttpMethod.Get, $"{Collection}?page_token={token}", null, null, 400, "invalid_parameter") { Parameter = "page_token" };

    private static Refusal Unsupported(HttpMethod method, string path, params string[] allow) =>
        new($"{method} on {(path == Item ? "a connection" : "the collection")}", method, path, null, null, 405, "method_not_allowed") { Allow = allow };

    public static IEnumerable<Refusal> Refusals =>
    [
        Post("a string body", "\"a string\"", "/", "must be a JSON object, not a string"),
        Post("an array body", "[1]", "/", "must be a JSON object, not an array"),
        Post("a number body", "42", "/", "must be a JSON object, not a number"),
        Post("a number for name", "{\"name\":5}", "/name", "/name must be a string"),
        Post("an array for endpoint", "{\"name\":\"c1\",\"spec\":{\"connection_type\":\"OPENAI\",\"endpoint\":[\"x\"]}}", "/spec/endpoint",
            "/spec/endpoint must be a string"),
        Post("an object for auth_data.data", "{\"name\":\"c1\",\"spec\":{\"auth_data\":{\"data\":{\"API_KEY\":\"k\"}}}}", "/spec/auth_data/data",
            "/spec/auth_data/data must be a string"),
        new Refusal("a string for metadata", HttpMethod.Put, Item, "application/json", "{\"name\":\"c1\",\"metadata\":\"rv1\"}", 400, "invalid_input")
            { Pointer = "/metadata", Detail = "/metadata must be a JSON object" },
        Invalid("a name with upper case", ConnectionJson("Upper-Case"), "/name", "lower case letters"),
        Invalid("a name starting with a dash", ConnectionJson("-dash"), "/name", "start and end with"),
        Invalid("an empty name", ConnectionJson(""), "/name", "name is required"),
        Invalid("a name of 101 characters", ConnectionJson(new string('a', 101)), "/name", "at most 100 characters"),
        Invalid("a type outside the API's list", ConnectionJson("c1", "TELEPATHY"), "/spec/connection_type", "is not one of A2A, ANTHROPIC"),
        Invalid("an endpoint of 16385 characters", ConnectionJson("c1", endpoint: "https://x/" + new string('p', 16375)), "/spec/endpoint",
            "at most 16384 characters"),
        Post("JSON cut short", "{\"name\":", "/", "not valid JSON"),
        Post("an empty body", "", "/", "empty"),
        Post("a form", "name=c1", null, "application/json", 415, "unsupported_media_type", "application/x-www-form-urlencoded"),
        Post("JSON sent as text/plain", "{}", null, "application/json", 415, "unsupported_media_type", "text/plain"),
        new Refusal("a PUT without Content-Type", HttpMethod.Put, Item, null, "{}", 415, "unsupported_media_type") { Detail = "application/json" },
        Post("a body over 1 MiB", $"{{\"name\":\"{new string('a', 2 * 1024 * 1024)}\"}}", null, "at most 1048576 bytes", 413, "request_entity_too_large"),
        new Refusal("a request without the key", HttpMethod.Get, Collection, null, null, 401, "user_unauthenticated") { Challenge = "Basic" },
        ListWithToken("a made-up page token", "abc"),
        ListWithToken("a random base64url page token", WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24))),
        ListWithToken("a connection's name as page token", WebEncoders.Base64UrlEncode("c1"u8.ToArray())),
        ListWithToken("a page token with a forged signature",
            $"{WebEncoders.Base64UrlEncode("c1"u8.ToArray())}.{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}"),
        Unsupported(HttpMethod.Patch, Item, "GET", "PUT", "DELETE"),
        Unsupported(HttpMethod.Post, Item, "GET", "PUT", "DELETE"),
        Unsupported(HttpMethod.Delete, Collection, "GET", "POST"),
        Unsupported(HttpMethod.Put, Collection, "GET", "POST"),
    ];

    [TestCaseSource(nameof(Refusals))]
    public async Task EveryRefusalIsAFailureDocumentWrittenForTheUser(Refusal refusal)
    {
        var answer = await SendAsync(refusal.Method, refusal.Path, refusal.Body, refusal.ContentType, authorized: refusal.Challenge is null);

        var error = AssertFailure(answer, refusal.Status, refusal.Code);
        Assert.That(error.Source?.Pointer, Is.EqualTo(refusal.Pointer), "source.pointer");
        Assert.That(error.Source?.Parameter, Is.EqualTo(refusal.Parameter), "source.parameter");
        if (refusal.Detail is { } phrase) Assert.That(error.Detail, Does.Contain(phrase));
        Assert.That(answer.Allow, Is.EquivalentTo(refusal.Allow ?? []), "Allow");
        Assert.That(answer.Challenge, Is.EqualTo(refusal.Challenge), "WWW-Authenticate");
    }

    [Test]
    public async Task NextLinksLeadThroughEveryPageOfAFilteredListingAndItsTokensServeNoOtherListing()
    {
        var types = Enumerable.Range(0, 12).ToDictionary(i => $"c-{i:00}", i => i % 3 == 2 ? "BEDROCK" : "OPENAI");
        foreach (var (name, type) in types)
            Read<ConnectionAnswer>(await SendAsync(HttpMethod.Post, Collection, ConnectionJson(name, type,
                type == "OPENAI" ? OpenAiEndpoint : "https://bedrock.us-east-1.amazonaws.com", AuthDataSamples.For(type))), 201);

        var (listed, tokens) = (new List<string>(), new List<string>());
        for (string? next = $"{Collection}?page_size=2&spec.connection_type=OPENAI"; next is not null;)
        {
            var page = Read<ListAnswer>(await SendAsync(HttpMethod.Get, next), 200);
            listed.AddRange(page.Data.Select(c => c.Name));
            next = page.Metadata.Next;
            if (next is null) continue;
            var query = QueryHelpers.ParseQuery(new Uri(next).Query);
            Assert.That(query["spec.connection_type"].ToString(), Is.EqualTo("OPENAI"));
            tokens.Add(query["page_token"].ToString());
        }

        Assert.That(listed, Is.EqualTo(types.Where(t => t.Value == "OPENAI").Select(t => t.Key)));
        Assert.That(tokens, Has.Count.EqualTo(3), "eight OPENAI connections at two a page: four pages");
        foreach (var otherListing in new[] { "", "&spec.connection_type=BEDROCK" })
        {
            var error = AssertFailure(await SendAsync(HttpMethod.Get, $"{Collection}?page_size=2&page_token={tokens[0]}{otherListing}"), 400,
                "invalid_parameter");
            Assert.That(error.Source?.Parameter, Is.EqualTo("page_token"), otherListing);
        }
    }

    private static readonly StatusRule RejectedSecret = new() { CredentialValue = "rejected-secret", Phase = "INVALID_AUTH", Detail = "AWS refused the key." };
    private static readonly StatusRule HostDown = new() { EndpointHost = "llm.example.com", Phase = "UNREACHABLE", Detail = "Lookup failed: llm.example.com" };

    private static TestCaseData Rule(string name, StatusRule[] rules, string type, string endpoint, string authData, string phase) =>
        new TestCaseData(rules, type, endpoint, authData, phase).SetArgDisplayNames(name);

    public static IEnumerable<TestCaseData> RuleCases =>
    [
        Rule("a credential among several values", [RejectedSecret], "BEDROCK", "https://bedrock.us-east-1.amazonaws.com",
            "{\"AWS_ACCESS_KEY_ID\":\"AKIA1\",\"AWS_SECRET_ACCESS_KEY\":\"rejected-secret\"}", "INVALID_AUTH"),
        Rule("a value that only contains the credential", [RejectedSecret], "OPENAI", OpenAiEndpoint, ApiKey("not-rejected-secret"), "READY"),
        Rule("a key named like the credential", [RejectedSecret with { CredentialValue = "API_KEY" }], "OPENAI", OpenAiEndpoint, ApiKey("k1"), "READY"),
        Rule("the endpoint's host in other letter case", [HostDown], "OPENAI", "https://LLM.Example.com/v1", ApiKey("k1"), "UNREACHABLE"),
        Rule("another host", [HostDown], "OPENAI", OpenAiEndpoint, ApiKey("k1"), "READY"),
        Rule("two matching rules, the first deciding", [HostDown, RejectedSecret], "OPENAI", "https://llm.example.com/v1", ApiKey("rejected-secret"),
            "UNREACHABLE"),
    ];

    [TestCaseSource(nameof(RuleCases))]
    public async Task StatusRulesMatchACredentialValueOrTheEndpointHost(StatusRule[] rules, string type, string endpoint, string authData, string phase)
    {
        await Admin.SetStatusRulesAsync(rules);

        var created = Read<ConnectionAnswer>(await SendAsync(HttpMethod.Post, Collection, ConnectionJson("c1", type, endpoint, authData)), 201);

        Assert.That(created.Status, Is.EqualTo(new StatusAnswer(phase, rules.FirstOrDefault(r => r.Phase == phase)?.Detail)));
    }

    [TestCase("INVALID_AUTH", true, TestName = "A credential a rule rejects is shown so until an update replaces it")]
    [TestCase("UNREACHABLE", false, TestName = "An override is shown as given until the next write recomputes the status")]
    [TestCase("PENDING_SOMETHING", false, TestName = "An override of a phase the API does not list is shown as given too")]
    public async Task AStatusFromARuleOrAnOverrideIsShownUntilTheNextWriteRecomputesIt(string phase, bool byRule)
    {
        const string credential = "sk-revoked-Qw81Ld4";
        var status = new ConnectionStatus(phase, "Set by the test.");
        if (byRule) await Admin.SetStatusRulesAsync([new StatusRule { CredentialValue = credential, Phase = phase, Detail = status.Detail }]);
        var created = await SendAsync(HttpMethod.Post, Collection, ConnectionJson("c1", authData: ApiKey(credential)));
        var key = new ConnectionKey(Environment.OrganizationId, Environment.EnvironmentId, "c1");
        if (!byRule) Assert.That((await Admin.SetConnectionStatusAsync(key, status)).Status, Is.EqualTo(status), "the admin view");
        var (read, list) = (await SendAsync(HttpMethod.Get, Item), await SendAsync(HttpMethod.Get, Collection));
        var (shown, ready) = (new StatusAnswer(phase, status.Detail), new StatusAnswer("READY", null));
        var version = Read<ConnectionAnswer>(created, 201).Metadata.ResourceVersion;

        Assert.That(Read<ConnectionAnswer>(created, 201).Status, Is.EqualTo(byRule ? shown : ready));
        Assert.That(Read<ConnectionAnswer>(read, 200).Status, Is.EqualTo(shown));
        Assert.That(Read<ListAnswer>(list, 200).Data.Single().Status, Is.EqualTo(shown));
        Assert.That(Read<ConnectionAnswer>(read, 200).Metadata.ResourceVersion, Is.EqualTo(version), "a status is no write of the client's");
        Assert.That(created.Body + read.Body + list.Body, Does.Not.Contain(credential));

        // The rule's connection gets another key; an overridden one is written as it was.
        var updated = await SendAsync(HttpMethod.Put, Item,
            ConnectionJson("c1", authData: ApiKey(byRule ? "sk-valid-Zt62" : credential), resourceVersion: version));

        Assert.That(Read<ConnectionAnswer>(updated, 200).Status, Is.EqualTo(ready));
        Assert.That(Read<ConnectionAnswer>(await SendAsync(HttpMethod.Get, Item), 200).Status, Is.EqualTo(ready));
        Assert.That((await Admin.ListConnectionsAsync()).Single().Status, Is.EqualTo(ConnectionStatus.Ready));
    }

    [Test]
    public async Task ARuleWhoseDetailWouldShowItsCredentialIsRefused()
    {
        const string credential = "sk-leaky-Rb27";
        var rule = new StatusRule { CredentialValue = credential, Phase = "INVALID_AUTH", Detail = $"The key {credential} was rejected." };

        var refusal = Assert.ThrowsAsync<HttpRequestException>(() => Admin.SetStatusRulesAsync([rule]))!;

        Assert.That(refusal.Message, Does.Contain("must not contain its credentialValue").And.Not.Contain(credential));
        Assert.That(await Admin.GetStatusRulesAsync(), Is.Empty);
    }

    private sealed record Answer(int Status, string? MediaType, string Body, IReadOnlyList<string> Allow, string? Challenge);
    private sealed record FailureAnswer(IReadOnlyList<ErrorAnswer> Errors);
    private sealed record ErrorAnswer(string Id, string Status, string? Code, string Title, string? Detail, SourceAnswer? Source);
    private sealed record SourceAnswer(string? Pointer, string? Parameter);
    private sealed record ConnectionAnswer(string Name, ConnectionMetadataAnswer Metadata, StatusAnswer Status);
    private sealed record ConnectionMetadataAnswer(string ResourceVersion);
    private sealed record StatusAnswer(string Phase, string? Detail);
    private sealed record ListAnswer(ListMetadataAnswer Metadata, IReadOnlyList<ConnectionAnswer> Data);
    private sealed record ListMetadataAnswer(string? Next);

    private async Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? body = null, string? contentType = "application/json",
        bool authorized = true)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (authorized) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", TestSecrets.BasicParameter);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            // The body waits for the server's go-ahead: one refused from its length alone (413) is never sent, for the server
            // closes the connection after that answer and a body still being written would break the pipe instead.
            request.Headers.ExpectContinue = true;
        }

        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using var response = await http.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(),
            response.Content.Headers.Allow.ToList(), response.Headers.WwwAuthenticate.SingleOrDefault()?.Scheme);
    }

    /// <summary>The answer's one error, after checking it is a Failure document of that status and code that names no .NET type.</summary>
    private static ErrorAnswer AssertFailure(Answer answer, int status, string code)
    {
        Assert.That((answer.Status, answer.MediaType), Is.EqualTo((status, "application/json")), answer.Body);
        Assert.That(answer.Body, Does.Not.Contain("System.").And.Not.Contain("ConfluentFlink."), "a .NET type name in the answer");
        var error = JsonSerializer.Deserialize<FailureAnswer>(answer.Body, Wire)!.Errors.Single();
        Assert.That((error.Status, error.Code), Is.EqualTo((status.ToString(System.Globalization.CultureInfo.InvariantCulture), code)));
        Assert.That(new[] { error.Id, error.Title, error.Detail }.All(text => !string.IsNullOrEmpty(text)), Is.True, "id, title and detail");
        return error;
    }

    private static T Read<T>(Answer answer, int status)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        return JsonSerializer.Deserialize<T>(answer.Body, Wire)!;
    }

    private static string ApiKey(string key) => JsonSerializer.Serialize(new { API_KEY = key });

    private static string ConnectionJson(string name, string type = "OPENAI", string endpoint = OpenAiEndpoint, string? authData = null,
        string? resourceVersion = null) =>
        JsonSerializer.Serialize(new
        {
            name,
            spec = new { connection_type = type, endpoint, auth_data = new { kind = "PlaintextProvider", data = authData ?? ApiKey("k1") } },
            metadata = resourceVersion is null ? null : new { resource_version = resourceVersion },
        }, Wire);
}
