using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// The emulator's sql/v1 Connections API as any HTTP client meets it: every refusal is the API's Failure document, a
/// page token is good only as handed out, and a connection's status follows the status rules and overrides.
/// </summary>
public sealed class EmulatorContractTests
{
    private const string Organization = "org-contract";
    private const string Environment = "env-contract";
    private const string Collection = $"/sql/v1/organizations/{Organization}/environments/{Environment}/connections";
    private const string Item = Collection + "/c1";
    private const string OpenAiEndpoint = "https://api.openai.com/v1/chat/completions";

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private FlinkApiEmulatorServer _emulator = null!;
    private EmulatorAdminClient _admin = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiKey = TestSecrets.ApiKey, ApiSecret = TestSecrets.ApiSecret });
        _admin = _emulator.CreateAdminClient();
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", TestSecrets.BasicParameter);
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        _http.Dispose();
        _admin.Dispose();
        await _emulator.DisposeAsync();
    }

    [SetUp]
    public Task ResetEmulator() => _admin.ResetAsync();

    public sealed record Refusal(string Name, HttpMethod Method, string Path, string? ContentType, string? Body, int Status, string Code)
    {
        public string? Pointer { get; init; }
        public string? Parameter { get; init; }
        /// <summary>A phrase the detail must hold: the part that tells the user what was expected.</summary>
        public string? Detail { get; init; }
        public string[]? Allow { get; init; }

        public override string ToString() => Name;
    }

    private static Refusal Post(string name, string body, int status = 400, string code = "invalid_input", string contentType = "application/json") =>
        new(name, HttpMethod.Post, Collection, contentType, body, status, code);

    private static Refusal ListWithToken(string name, string token) =>
        new(name, HttpMethod.Get, $"{Collection}?page_token={token}", null, null, 400, "invalid_parameter") { Parameter = "page_token" };

    private static Refusal Unsupported(HttpMethod method, string path, params string[] allow) =>
        new($"{method} on {(path == Item ? "a connection" : "the collection")}", method, path, null, null, 405, "method_not_allowed") { Allow = allow };

    public static IEnumerable<Refusal> Refusals =>
    [
        Post("a string body", "\"a string\"") with { Pointer = "/", Detail = "must be a JSON object, not a string" },
        Post("an array body", "[1]") with { Pointer = "/", Detail = "must be a JSON object, not an array" },
        Post("a number body", "42") with { Pointer = "/", Detail = "must be a JSON object, not a number" },
        Post("a number for name", "{\"name\":5}") with { Pointer = "/name", Detail = "/name must be a string" },
        Post("an array for endpoint", "{\"name\":\"c1\",\"spec\":{\"connection_type\":\"OPENAI\",\"endpoint\":[\"x\"]}}")
            with { Pointer = "/spec/endpoint", Detail = "/spec/endpoint must be a string" },
        Post("an object for auth_data.data", "{\"name\":\"c1\",\"spec\":{\"auth_data\":{\"data\":{\"API_KEY\":\"k\"}}}}")
            with { Pointer = "/spec/auth_data/data", Detail = "/spec/auth_data/data must be a string" },
        new Refusal("a string for metadata", HttpMethod.Put, Item, "application/json", "{\"name\":\"c1\",\"metadata\":\"rv1\"}", 400, "invalid_input")
            { Pointer = "/metadata", Detail = "/metadata must be a JSON object" },
        Post("a name with upper case", ConnectionJson("Upper-Case"), 422, "invalid_configuration") with { Pointer = "/name", Detail = "lower case letters" },
        Post("a name starting with a dash", ConnectionJson("-dash"), 422, "invalid_configuration") with { Pointer = "/name", Detail = "start and end with" },
        Post("an empty name", ConnectionJson(""), 422, "invalid_configuration") with { Pointer = "/name", Detail = "name is required" },
        Post("a name of 101 characters", ConnectionJson(new string('a', 101)), 422, "invalid_configuration")
            with { Pointer = "/name", Detail = "at most 100 characters" },
        Post("a type outside the API's list", ConnectionJson("c1", "TELEPATHY"), 422, "invalid_configuration")
            with { Pointer = "/spec/connection_type", Detail = "is not one of A2A, ANTHROPIC" },
        Post("an endpoint of 16385 characters", ConnectionJson("c1", endpoint: "https://x/" + new string('p', 16375)), 422, "invalid_configuration")
            with { Pointer = "/spec/endpoint", Detail = "at most 16384 characters" },
        Post("JSON cut short", "{\"name\":") with { Pointer = "/", Detail = "not valid JSON" },
        Post("an empty body", "") with { Pointer = "/", Detail = "empty" },
        Post("a form", "name=c1", 415, "unsupported_media_type", "application/x-www-form-urlencoded") with { Detail = "application/json" },
        Post("JSON sent as text/plain", "{}", 415, "unsupported_media_type", "text/plain") with { Detail = "application/json" },
        new Refusal("a PUT without Content-Type", HttpMethod.Put, Item, null, "{}", 415, "unsupported_media_type") { Detail = "application/json" },
        Post("a body over 1 MiB", $"{{\"name\":\"{new string('a', 2 * 1024 * 1024)}\"}}", 413, "request_entity_too_large")
            with { Detail = "at most 1048576 bytes" },
        ListWithToken("a made-up page token", "abc"),
        ListWithToken("a random base64url page token", WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24))),
        ListWithToken("a connection's name as page token", Base64Url("c1")),
        ListWithToken("a page token with a forged signature", $"{Base64Url("c1")}.{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}"),
        Unsupported(HttpMethod.Patch, Item, "GET", "PUT", "DELETE"),
        Unsupported(HttpMethod.Post, Item, "GET", "PUT", "DELETE"),
        Unsupported(HttpMethod.Delete, Collection, "GET", "POST"),
        Unsupported(HttpMethod.Put, Collection, "GET", "POST"),
    ];

    [TestCaseSource(nameof(Refusals))]
    public async Task EveryRefusalIsAFailureDocumentWrittenForTheUser(Refusal refusal)
    {
        var answer = await SendAsync(refusal.Method, refusal.Path, refusal.Body, refusal.ContentType);

        var error = AssertFailure(answer, refusal.Status, refusal.Code);
        Assert.That(error.Source?.Pointer, Is.EqualTo(refusal.Pointer), "source.pointer");
        Assert.That(error.Source?.Parameter, Is.EqualTo(refusal.Parameter), "source.parameter");
        if (refusal.Detail is { } phrase) Assert.That(error.Detail, Does.Contain(phrase));
        Assert.That(answer.Allow, Is.EquivalentTo(refusal.Allow ?? []), "Allow");
    }

    [Test]
    public async Task ARequestWithoutTheKeyIsRefusedWithTheBasicChallenge()
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        using var response = await http.GetAsync(Collection);

        AssertFailure(new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), []),
            401, "user_unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
    }

    [Test]
    public async Task NextLinksLeadThroughEveryPageOfAFilteredListing()
    {
        var openAi = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var name = $"c-{i:00}";
            var type = i % 3 == 2 ? "BEDROCK" : "OPENAI";
            await CreateAsync(name, type);
            if (type == "OPENAI") openAi.Add(name);
        }

        var listed = new List<string>();
        var pages = 0;
        for (string? next = $"{Collection}?page_size=2&spec.connection_type=OPENAI"; next is not null; pages++)
        {
            var page = Read<ListAnswer>(await SendAsync(HttpMethod.Get, next), 200);
            listed.AddRange(page.Data.Select(c => c.Name));
            next = page.Metadata.Next;
            if (next is not null) Assert.That(QueryHelpers.ParseQuery(new Uri(next).Query)["spec.connection_type"].ToString(), Is.EqualTo("OPENAI"));
        }

        Assert.That(listed, Is.EqualTo(openAi));
        Assert.That(pages, Is.EqualTo(4), "eight OPENAI connections at two a page");
    }

    [TestCase("")]
    [TestCase("&spec.connection_type=BEDROCK")]
    public async Task APageTokenServesOnlyTheListingThatHandedItOut(string otherFilter)
    {
        await CreateAsync("c-1");
        await CreateAsync("c-2");
        var first = Read<ListAnswer>(await SendAsync(HttpMethod.Get, $"{Collection}?page_size=1&spec.connection_type=OPENAI"), 200);
        var token = QueryHelpers.ParseQuery(new Uri(first.Metadata.Next!).Query)["page_token"].ToString();

        var error = AssertFailure(await SendAsync(HttpMethod.Get, $"{Collection}?page_size=1&page_token={token}{otherFilter}"), 400, "invalid_parameter");

        Assert.That(error.Source?.Parameter, Is.EqualTo("page_token"));
    }

    [Test]
    public async Task ACredentialARuleRejectsIsInvalidAuthUntilAnUpdateReplacesIt()
    {
        const string rejectedKey = "sk-revoked-Qw81Ld4";
        var rule = new StatusRule { CredentialValue = rejectedKey, Phase = "INVALID_AUTH", Detail = "OpenAI rejected the API key." };
        await _admin.SetStatusRulesAsync([rule]);

        var createAnswer = await SendAsync(HttpMethod.Post, Collection, ConnectionJson("c1", authData: ApiKey(rejectedKey)));
        var readAnswer = await SendAsync(HttpMethod.Get, Item);
        var created = Read<ConnectionAnswer>(createAnswer, 201);
        var rejected = new StatusAnswer("INVALID_AUTH", rule.Detail);
        Assert.That(created.Status, Is.EqualTo(rejected));
        Assert.That(Read<ConnectionAnswer>(readAnswer, 200).Status, Is.EqualTo(rejected));
        Assert.That(createAnswer.Body + readAnswer.Body, Does.Not.Contain(rejectedKey));

        var updated = await SendAsync(HttpMethod.Put, Item,
            ConnectionJson("c1", authData: ApiKey("sk-valid-Zt62"), resourceVersion: created.Metadata.ResourceVersion));

        Assert.That(Read<ConnectionAnswer>(updated, 200).Status, Is.EqualTo(new StatusAnswer("READY", null)));
        Assert.That(Read<ConnectionAnswer>(await SendAsync(HttpMethod.Get, Item), 200).Status.Phase, Is.EqualTo("READY"));
        Assert.That((await _admin.ListConnectionsAsync()).Single().Status, Is.EqualTo(ConnectionStatus.Ready));
    }

    public sealed record RuleCase(string Name, StatusRule[] Rules, string Type, string Endpoint, string AuthData, string Phase)
    {
        public override string ToString() => Name;
    }

    private static readonly StatusRule RejectedSecret = new() { CredentialValue = "rejected-secret", Phase = "INVALID_AUTH", Detail = "AWS refused the key." };
    private static readonly StatusRule HostDown = new() { EndpointHost = "llm.example.com", Phase = "UNREACHABLE", Detail = "Lookup failed: llm.example.com" };

    public static IEnumerable<RuleCase> RuleCases =>
    [
        new("a credential among several values", [RejectedSecret], "BEDROCK", "https://bedrock.us-east-1.amazonaws.com",
            "{\"AWS_ACCESS_KEY_ID\":\"AKIA1\",\"AWS_SECRET_ACCESS_KEY\":\"rejected-secret\"}", "INVALID_AUTH"),
        new("a value that only contains the credential", [RejectedSecret], "OPENAI", OpenAiEndpoint, ApiKey("not-rejected-secret"), "READY"),
        new("a key named like the credential", [RejectedSecret with { CredentialValue = "API_KEY" }], "OPENAI", OpenAiEndpoint, ApiKey("k1"), "READY"),
        new("the endpoint's host in other letter case", [HostDown], "OPENAI", "https://LLM.Example.com/v1", ApiKey("k1"), "UNREACHABLE"),
        new("another host", [HostDown], "OPENAI", OpenAiEndpoint, ApiKey("k1"), "READY"),
        new("two matching rules, the first deciding", [HostDown, RejectedSecret], "OPENAI", "https://llm.example.com/v1", ApiKey("rejected-secret"),
            "UNREACHABLE"),
    ];

    [TestCaseSource(nameof(RuleCases))]
    public async Task StatusRulesMatchACredentialValueOrTheEndpointHost(RuleCase ruleCase)
    {
        await _admin.SetStatusRulesAsync(ruleCase.Rules);

        var created = Read<ConnectionAnswer>(await SendAsync(HttpMethod.Post, Collection,
            ConnectionJson("c1", ruleCase.Type, ruleCase.Endpoint, ruleCase.AuthData)), 201);

        var detail = ruleCase.Rules.FirstOrDefault(r => r.Phase == ruleCase.Phase)?.Detail;
        Assert.That(created.Status, Is.EqualTo(new StatusAnswer(ruleCase.Phase, detail)));
    }

    [TestCase("UNREACHABLE")]
    [TestCase("PENDING_SOMETHING")]
    public async Task AnOverrideIsShownAsGivenUntilTheNextWriteRecomputesTheStatus(string phase)
    {
        var created = Read<ConnectionAnswer>(await SendAsync(HttpMethod.Post, Collection, ConnectionJson("c1")), 201);
        var overridden = new ConnectionStatus(phase, "Set by the test.");

        var adminView = await _admin.SetConnectionStatusAsync(new ConnectionKey(Organization, Environment, "c1"), overridden);

        var expected = new StatusAnswer(phase, overridden.Detail);
        var read = Read<ConnectionAnswer>(await SendAsync(HttpMethod.Get, Item), 200);
        Assert.That(adminView.Status, Is.EqualTo(overridden));
        Assert.That(read.Status, Is.EqualTo(expected));
        Assert.That(Read<ListAnswer>(await SendAsync(HttpMethod.Get, Collection), 200).Data.Single().Status, Is.EqualTo(expected));
        Assert.That(read.Metadata.ResourceVersion, Is.EqualTo(created.Metadata.ResourceVersion), "the status is no write of the client's");

        var updated = await SendAsync(HttpMethod.Put, Item, ConnectionJson("c1", resourceVersion: created.Metadata.ResourceVersion));
        Assert.That(Read<ConnectionAnswer>(updated, 200).Status, Is.EqualTo(new StatusAnswer("READY", null)));
    }

    [Test]
    public async Task ARuleWhoseDetailWouldShowItsCredentialIsRefused()
    {
        const string credential = "sk-leaky-Rb27";
        var rule = new StatusRule { CredentialValue = credential, Phase = "INVALID_AUTH", Detail = $"The key {credential} was rejected." };

        var refusal = Assert.ThrowsAsync<HttpRequestException>(() => _admin.SetStatusRulesAsync([rule]))!;

        Assert.That(refusal.Message, Does.Contain("must not contain its credentialValue").And.Not.Contain(credential));
        Assert.That(await _admin.GetStatusRulesAsync(), Is.Empty);
    }

    [Test]
    public async Task AnswersWithAStatusDetailConformToTheOpenapiDocument()
    {
        var contract = await OpenApiContract.LoadSharedAsync();
        await _admin.SetStatusRulesAsync([HostDown]);

        var answers = new (HttpMethod Method, string Path, Answer Answer)[]
        {
            (HttpMethod.Post, Collection, await SendAsync(HttpMethod.Post, Collection, ConnectionJson("c1", endpoint: "https://llm.example.com/v1"))),
            (HttpMethod.Get, Item, await SendAsync(HttpMethod.Get, Item)),
            (HttpMethod.Get, Collection, await SendAsync(HttpMethod.Get, Collection)),
            (HttpMethod.Post, Collection, await SendAsync(HttpMethod.Post, Collection, "[1]")),
            (HttpMethod.Post, Collection, await SendAsync(HttpMethod.Post, Collection, "{}", "text/plain")),
            (HttpMethod.Get, Collection, await SendAsync(HttpMethod.Get, $"{Collection}?page_token=abc")),
        };

        Assert.That(Read<ConnectionAnswer>(answers[1].Answer, 200).Status.Detail, Is.EqualTo(HostDown.Detail));
        Assert.That(answers.SelectMany(a => contract.CheckResponse(a.Method, a.Path, a.Answer.Status, a.Answer.Body)
            .Select(problem => $"{a.Method} {a.Path} {a.Answer.Status}: {problem}")), Is.Empty);
    }

    private sealed record Answer(int Status, string? MediaType, string Body, IReadOnlyList<string> Allow);

    private sealed record FailureAnswer(IReadOnlyList<ErrorAnswer> Errors);

    private sealed record ErrorAnswer(string Id, string Status, string? Code, string Title, string? Detail, SourceAnswer? Source);

    private sealed record SourceAnswer(string? Pointer, string? Parameter);

    private sealed record ConnectionAnswer(string Name, ConnectionMetadataAnswer Metadata, StatusAnswer Status);

    private sealed record ConnectionMetadataAnswer(string ResourceVersion);

    private sealed record StatusAnswer(string Phase, string? Detail);

    private sealed record ListAnswer(ListMetadataAnswer Metadata, IReadOnlyList<ConnectionAnswer> Data);

    private sealed record ListMetadataAnswer(string? Next);

    private async Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? body = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            // The body waits for the server's go-ahead: one refused from its length alone (413) is never sent, for the server
            // closes the connection after that answer and a body still being written would break the pipe instead.
            request.Headers.ExpectContinue = true;
        }

        using var response = await _http.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(),
            response.Content.Headers.Allow.ToList());
    }

    /// <summary>The answer's one error, after checking it is a Failure document of that status and code that names no .NET type.</summary>
    private static ErrorAnswer AssertFailure(Answer answer, int status, string code)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        Assert.That(answer.MediaType, Is.EqualTo("application/json"));
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

    private async Task CreateAsync(string name, string type = "OPENAI") =>
        Read<ConnectionAnswer>(await SendAsync(HttpMethod.Post, Collection,
            ConnectionJson(name, type, type == "OPENAI" ? OpenAiEndpoint : "https://bedrock.us-east-1.amazonaws.com", AuthDataSamples.For(type))), 201);

    private static string Base64Url(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));

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
