using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Provider.Tests;

/// <summary>Mistakes caught at preview: each on its property, with what is allowed, never echoing a secret.</summary>
public sealed class CheckTests : ProviderTest
{
    /// <summary>(what the program sets on an otherwise valid OPENAI connection, the property that fails, its whole reason).</summary>
    private static IEnumerable<TestCaseData> Mistakes()
    {
        TestCaseData Case(string name, (string, object?) set, string property, string reason) => new TestCaseData(set.Item1, set.Item2, property, reason).SetName(name);
        const string accepted = "accepted: apiKey, awsAccessKey, awsSecretKey, awsSessionToken, bearerToken, computePool, credentials, displayName, endpoint, " +
                                "environment, oauth, organization, password, principal, restEndpoint, serviceKey, sseEndpoint, transportType, type, username";
        const string types = "OPENAI, AZUREML, AZUREOPENAI, GOOGLEAI, PINECONE, ANTHROPIC, FIREWORKSAI, COSMOSDB, BEDROCK, SAGEMAKER, S3VECTORS, VERTEXAI, " +
                             "MONGODB, COUCHBASE, CONFLUENT_JDBC, ELASTIC, A2A, REST, MCP_SERVER";
        const string regional = "use the bare regional endpoint https://flink.<region>.<cloud>.confluent.cloud (e.g. https://flink.us-east-1.aws.confluent.cloud)";
        yield return Case("UnknownPropertyOffByCase", ("apikey", "k"), "apikey", $"apikey is not a property of FlinkConnection (did you mean apiKey?); {accepted}");
        yield return Case("UnknownPropertyOffByALetter", ("endpiont", "https://x.example.com"), "endpiont",
            $"endpiont is not a property of FlinkConnection (did you mean endpoint?); {accepted}");
        yield return Case("UnknownPropertyFarFromAny", ("bogus", true), "bogus", $"bogus is not a property of FlinkConnection; {accepted}");
        yield return Case("UnknownPropertyOffByALetterOfAShortName", ("typ", "x"), "typ", $"typ is not a property of FlinkConnection (did you mean type?); {accepted}");
        yield return Case("UnknownPropertyTooFarFromAShortName", ("tp", "x"), "tp", $"tp is not a property of FlinkConnection; {accepted}");
        yield return Case("UnknownPropertyTooFarFromALongName", ("sessionToken", "x"), "sessionToken", $"sessionToken is not a property of FlinkConnection; {accepted}");
        yield return Case("UnknownPropertyNearerToOneOfTwo", ("seEndpoint", "x"), "seEndpoint",
            $"seEndpoint is not a property of FlinkConnection (did you mean sseEndpoint?); {accepted}");
        yield return Case("TypeOffByCase", ("type", "openai"), "type", $"type 'openai' is not supported (did you mean OPENAI?); use one of {types}");
        yield return Case("TypeMisspelt", ("type", "OPNEAI"), "type", $"type 'OPNEAI' is not supported (did you mean OPENAI?); use one of {types}");
        yield return Case("TypeMarkedSecretIsNotEchoed", ("type", Wire.Secret("openai")), "", $"type is not supported (did you mean OPENAI?); use one of {types}");
        yield return Case("NameBreaksThePattern", ("displayName", "Bad_Name"), "displayName", "displayName 'Bad_Name' is not a valid connection name: use " +
            "lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit, at most 100 characters (e.g. openai-chat)");
        yield return Case("NameOverTheLimit", ("displayName", new string('a', 101)), "displayName",
            $"displayName '{new string('a', 101)}' is not a valid connection name: use lower-case letters, digits, `-` and `.`, starting and ending with a " +
            "letter or digit, at most 100 characters (e.g. openai-chat)");
        yield return Case("EndpointNotAUrl", ("endpoint", "not a url"), "endpoint",
            "endpoint must be an absolute URL of a service, at most 16384 characters, e.g. https://api.example.com/v1");
        yield return Case("EndpointALocalFile", ("endpoint", "file:///etc/passwd"), "endpoint",
            "endpoint must be an absolute URL of a service, at most 16384 characters, e.g. https://api.example.com/v1");
        yield return Case("EndpointOverTheLimit", ("endpoint", "https://x.example.com/" + new string('p', 16384)), "endpoint",
            "endpoint must be an absolute URL of a service, at most 16384 characters, e.g. https://api.example.com/v1");
        yield return Case("EndpointNotAString", ("endpoint", 42), "endpoint", "endpoint must be a string, not a number");
        yield return Case("EndpointAList", ("endpoint", new[] { "https://a.example.com" }), "endpoint", "endpoint must be a string, not a list");
        yield return Case("EndpointABoolean", ("endpoint", true), "endpoint", "endpoint must be a string, not a boolean");
        yield return Case("EndpointAnObject", ("endpoint", Wire.Struct(("url", "https://a.example.com"))), "endpoint", "endpoint must be a string, not an object");
        yield return Case("EndpointEmpty", ("endpoint", ""), "endpoint", "endpoint must not be empty");
        yield return Case("EndpointNull", ("endpoint", null), "endpoint", "endpoint is required");
        yield return Case("BlockGivenAsAString", ("organization", "org-1"), "organization", "organization must be an object { id: \"...\" }, not a string");
        yield return Case("BlockFieldMisspelt", ("credentials", Wire.Struct(("key", "K"), ("secret", Wire.Secret("S")), ("secrte", "x"))),
            "credentials.secrte", "credentials.secrte is not a field of credentials (did you mean secret?); it takes { key: \"...\", secret: \"...\" }");
        yield return Case("BlockFieldMissing", ("credentials", Wire.Struct(("key", "K"))), "credentials.secret", "credentials.secret is required when credentials is set");
        yield return Case("BlockFieldNotAString", ("organization", Wire.Struct(("id", 7))), "organization.id", "organization.id must be a string, not a number");
        yield return Case("OrganizationIdNotAUuid", ("organization", Wire.Struct(("id", "org 1/x"))), "organization.id",
            "organization.id 'org 1/x' is not of the form a UUID (e.g. 1111aaaa-11aa-11aa-11aa-111111aaaaaa)");
        yield return Case("EnvironmentIdOfAComputePool", ("environment", Wire.Struct(("id", "lfcp-123"))), "environment.id",
            "environment.id 'lfcp-123' is not of the form `env-` and letters or digits (e.g. env-abc123)");
        yield return Case("ComputePoolIdOfAnEnvironment", ("computePool", Wire.Struct(("id", "env-123"))), "computePool.id",
            "computePool.id 'env-123' is not of the form `lfcp-` and letters or digits (e.g. lfcp-abc123)");
        yield return Case("PrincipalIdOfNoKind", ("principal", Wire.Struct(("id", "x-123"))), "principal.id",
            "principal.id 'x-123' is not of the form `sa-`, `u-` or `pool-` and letters or digits (e.g. sa-abc123)");
        yield return Case("RestEndpointWithAPath", ("restEndpoint", "https://flink.us-east-1.aws.confluent.cloud/sql/v1"), "restEndpoint",
            $"restEndpoint 'https://flink.us-east-1.aws.confluent.cloud/sql/v1' has a path, query or fragment ('/sql/v1'): {regional}; the provider adds the API's paths itself");
        yield return Case("RestEndpointWithAQuery", ("restEndpoint", "https://flink.us-east-1.aws.confluent.cloud/?a=b"), "restEndpoint",
            $"restEndpoint 'https://flink.us-east-1.aws.confluent.cloud/?a=b' has a path, query or fragment ('/?a=b'): {regional}; the provider adds the API's paths itself");
        yield return Case("RestEndpointWithAFragment", ("restEndpoint", "https://flink.us-east-1.aws.confluent.cloud/#x"), "restEndpoint",
            $"restEndpoint 'https://flink.us-east-1.aws.confluent.cloud/#x' has a path, query or fragment ('/#x'): {regional}; the provider adds the API's paths itself");
        yield return Case("RestEndpointOverHttp", ("restEndpoint", "http://flink.example.com"), "restEndpoint",
            $"restEndpoint 'http://flink.example.com' uses http, which is accepted only for loopback addresses such as a local emulator: {regional}");
        yield return Case("RestEndpointOfAnotherScheme", ("restEndpoint", "ftp://127.0.0.1"), "restEndpoint", $"restEndpoint 'ftp://127.0.0.1' is not an https URL: {regional}");
        yield return Case("RestEndpointNotAUrl", ("restEndpoint", "flink.example.com"), "restEndpoint", $"restEndpoint 'flink.example.com' is not an https URL: {regional}");
        // A failure on a property that holds a secret is sent without the property, which its reason names instead.
        yield return Case("RestEndpointMarkedSecretIsNotQuoted", ("restEndpoint", Wire.Secret("ftp://127.0.0.1")), "", $"restEndpoint is not an https URL: {regional}");
        yield return Case("CredentialOfAnotherType", ("awsAccessKey", "AK"), "", "awsAccessKey is not used by type OPENAI; OPENAI takes apiKey");
        yield return Case("OrganizationIdMarkedSecret", ("organization", Wire.Struct(("id", Wire.Secret(TestStack.Organization)))), "",
            "organization.id is marked secret, but it becomes part of the resource id (<organization id>/<environment id>/<connection name>), which " +
            "Pulumi always shows in plain: pass it as a plain value");
        yield return Case("NameMarkedSecret", ("displayName", Wire.Secret("chat")), "",
            "displayName is marked secret, but it becomes part of the resource id (<organization id>/<environment id>/<connection name>), which Pulumi " +
            "always shows in plain: pass it as a plain value");
        yield return Case("SecretNameBreaksThePattern", ("displayName", Wire.Secret("Bad_Name")), "",
            "displayName is not a valid connection name: use lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit, at most " +
            "100 characters (e.g. openai-chat) | displayName is marked secret, but it becomes part of the resource id (<organization id>/<environment id>/" +
            "<connection name>), which Pulumi always shows in plain: pass it as a plain value");
    }

    [TestCaseSource(nameof(Mistakes))]
    public async Task AMistakeFailsOnItsPropertyWithWhatIsAllowed(string property, object? value, string failing, string reason)
    {
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields[property] = Wire.ToValue(value);

        var failures = await FailuresAsync(inputs);

        Assert.That(failures, Is.EqualTo(new Dictionary<string, string> { [failing] = reason }));
    }

    [TestCase("https://flink.us-east-1.aws.confluent.cloud")]
    [TestCase("https://flink.us-east-1.aws.confluent.cloud/")]
    [TestCase("https://flink.eu-west-1.aws.private.confluent.cloud:443")]
    [TestCase("http://127.0.0.1:8080")]
    [TestCase("http://localhost:8080")]
    [TestCase("http://[::1]:8080")]
    public async Task AnHttpsOriginOrALoopbackRestEndpointIsAccepted(string endpoint) =>
        Assert.That(await FailuresAsync(OpenAi(more: ("restEndpoint", endpoint)).Inputs), Is.Empty);

    [TestCase("mongodb+srv://cluster0.example.net")]
    [TestCase("jdbc:postgresql://db.example.com:5432/app")]
    public async Task ServicesOfAnyUrlSchemeAreAccepted(string endpoint) =>
        Assert.That(await FailuresAsync(OpenAi(endpoint: endpoint).Inputs), Is.Empty);

    /// <summary>Credentials that fit their type, options included, pass: the rules forbid only what the catalog forbids.</summary>
    [TestCase("BEDROCK", "awsAccessKey", "awsSecretKey", "awsSessionToken")]
    [TestCase("ELASTIC", "username", "password")]
    [TestCase("MCP_SERVER", "bearerToken", "transportType=SSE", "sseEndpoint=https://mcp.example.com/sse")]
    [TestCase("MCP_SERVER", "apiKey", "transportType=STREAMABLE_HTTP")]
    [TestCase("REST", "oauth")]
    [TestCase("ELASTIC", "apiKey")]
    public async Task CredentialsThatFitTheTypePass(string type, params string[] given)
    {
        var inputs = Wire.Struct([("displayName", "c"), ("type", type), ("endpoint", "https://svc.example.com"), .. given.Select(g => g.Split('=') switch
        {
            [var option, var value] => (option, (object?)value),
            ["oauth"] => ("oauth", Wire.Struct(("tokenEndpoint", "https://a.example.com/t"), ("clientId", "c"), ("clientSecret", Wire.Secret(Secret("oauth"))), ("scope", "s"))),
            [var credential] => (credential, Wire.Secret(Secret(credential))),
            _ => throw new ArgumentException(g),
        })]);
        Assert.That(await FailuresAsync(inputs), Is.Empty);
    }

    [Test]
    public async Task AUserAndPasswordInTheRestEndpointAreRefusedWithoutRepeatingThem()
    {
        var password = Secret("endpoint-password");
        var failures = await FailuresAsync(OpenAi(more: ("restEndpoint", $"https://admin:{password}@flink.us-east-1.aws.confluent.cloud")).Inputs);
        Assert.That(failures["restEndpoint"], Does.Contain("user name or password").And.Not.Contain(password));
    }

    public static IEnumerable<TestCaseData> EveryType => Catalog.Types.Select(t => new TestCaseData(t.Name).SetArgDisplayNames(t.Name));

    /// <summary>Each type refuses a credential it does not take, naming what it takes instead.</summary>
    [TestCaseSource(nameof(EveryType))]
    public async Task ACredentialOfAnotherTypeFails(string type)
    {
        var rule = Catalog.Find(type)!;
        var foreign = Catalog.Types.SelectMany(t => t.AcceptedEntries).Select(e => e.Property)
            .First(p => !p.Contains('.') && rule.AcceptedEntries.All(e => e.Property != p));
        var inputs = Wire.Struct(("displayName", "c"), ("type", type), ("endpoint", "https://svc.example.com"), (foreign, Wire.Secret(Secret(foreign))));

        var failures = await FailuresAsync(inputs);

        Assert.That(failures.Values, Has.Some.StartWith($"{foreign} is not used by type {type}"));
    }

    /// <summary>(type, credentials given, the failing property, a phrase of the reason): the catalog's credential rules.</summary>
    [TestCase("OPENAI", new string[0], "apiKey", "apiKey is required for type OPENAI")]
    [TestCase("BEDROCK", new[] { "awsAccessKey" }, "awsSecretKey", "awsSecretKey is required for type BEDROCK, which takes awsAccessKey, awsSecretKey (awsSessionToken optional)")]
    [TestCase("ELASTIC", new[] { "apiKey", "username", "password" }, "", "apiKey cannot be combined with username and password: type ELASTIC takes exactly one of {apiKey}, {username, password}")]
    [TestCase("ELASTIC", new[] { "username" }, "password", "password is required with username: type ELASTIC takes {username, password} together")]
    [TestCase("A2A", new string[0], "", "type A2A needs credentials: give one of {apiKey}, {username, password}, {bearerToken}, {oauth}")]
    [TestCase("REST", new[] { "apiKey" }, "", "apiKey is not used by type REST")]
    [TestCase("VERTEXAI", new[] { "serviceKey", "sseEndpoint" }, "", "sseEndpoint is not used by type VERTEXAI")]
    [TestCase("REST", new[] { "oauth=partial" }, "oauth.scope", "oauth.scope is required when oauth is set")]
    public async Task CredentialsMustFitTheType(string type, string[] credentials, string failing, string phrase)
    {
        var inputs = Wire.Struct([("displayName", "c"), ("type", type), ("endpoint", "https://svc.example.com"),
            .. credentials.Select(c => c == "oauth=partial"
                ? ("oauth", Wire.Struct(("tokenEndpoint", "https://a.example.com/t"), ("clientId", "c"), ("clientSecret", Wire.Secret(Secret("oauth")))))
                : (c, (object?)Wire.Secret(Secret(c))))]);
        var failures = await FailuresAsync(inputs);
        // Credentials are secret: their failures are sent without the property, which the reason names instead.
        Assert.That(failures.GetValueOrDefault(failing), Does.Contain(phrase));
    }

    [Test]
    public async Task SseEndpointIsRefusedWithStreamableHttpAndTransportTypeGetsAHint()
    {
        var inputs = Wire.Struct(("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com"), ("bearerToken", Wire.Secret(Secret("bearer"))),
            ("transportType", "STREAMABLE_HTTP"), ("sseEndpoint", "https://mcp.example.com/sse"));
        Assert.That((await FailuresAsync(inputs))["sseEndpoint"], Does.Contain("sseEndpoint is not used when transportType is STREAMABLE_HTTP"));

        inputs.Fields["transportType"] = Value.ForString("sse");
        Assert.That((await FailuresAsync(inputs))["transportType"], Does.Contain("did you mean SSE?"));
    }

    [Test]
    public async Task EveryProblemIsReportedAtOnce()
    {
        var failures = await FailuresAsync(Wire.Struct(("displayName", "Bad_Name"), ("type", "openai"), ("endpoint", "not a url"),
            ("awsAccessKey", Wire.Secret(Secret("aws"))), ("organization", "org-1"), ("bogus", true)));
        Assert.That(failures.Keys, Is.EquivalentTo(new[] { "bogus", "displayName", "type", "endpoint", "apiKey", "", "organization" }));
        Assert.That(failures[""], Does.StartWith("awsAccessKey is not used by type OPENAI"));
    }

    [Test]
    public async Task ValuesNotKnownAtPreviewAreNeverErrors()
    {
        var inputs = Wire.Struct(("displayName", Wire.Unknown), ("type", Wire.Unknown), ("endpoint", Wire.Unknown), ("apiKey", Wire.Unknown),
            ("organization", Wire.Unknown), ("environment", Wire.Struct(("id", Wire.Unknown))), ("restEndpoint", Wire.Unknown));
        Assert.That(await FailuresAsync(inputs), Is.Empty);
    }

    [Test]
    public async Task AMissingSettingNamesTheResourcePropertyTheConfigKeyAndTheVariable()
    {
        Assert.That(await Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0"))), Is.Empty);
        Environment["CONFLUENT_ENVIRONMENT_ID"] = ""; // as a shell exports a variable it never set
        var failures = await FailuresAsync(OpenAi().Inputs);
        Assert.That(failures.Keys, Is.EquivalentTo(Catalog.Settings.Select(s => s.Property)));
        Assert.That(failures["environment.id"], Is.EqualTo("environment.id is not set: set `environment.id` on the resource, or the provider config " +
                                                           "`confluentflink:environmentId`, or the environment variable CONFLUENT_ENVIRONMENT_ID"));
    }

    [Test]
    public async Task EverySettingCanComeFromTheResourceTheConfigOrTheEnvironment()
    {
        Assert.That(await Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0"))), Is.Empty);
        Assert.That(await FailuresAsync(Stack.OnResource(OpenAi().Inputs)), Is.Empty, "per-resource settings");
        Assert.That((await Engine.UpAsync(OpenAi() with { Inputs = Stack.OnResource(OpenAi().Inputs) })).Single().Error, Is.Null, "and created with them");

        foreach (var setting in Catalog.Settings)
            Environment[setting.EnvironmentVariable] = Wire.Text(Stack.OnResource(new Struct()), setting.Property)!;
        Assert.That(await FailuresAsync(OpenAi().Inputs), Is.Empty, "settings from the environment");
    }

    [Test]
    public async Task AMalformedSettingFromTheEnvironmentNamesTheVariableAndTheConfigKey()
    {
        Assert.That(await Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0"))), Is.Empty);
        foreach (var setting in Catalog.Settings)
            Environment[setting.EnvironmentVariable] = Wire.Text(Stack.OnResource(new Struct()), setting.Property)!;
        Environment["CONFLUENT_ENVIRONMENT_ID"] = "lfcp-123";

        var failures = await FailuresAsync(OpenAi().Inputs);

        Assert.That(failures.Keys, Is.EquivalentTo(new[] { "" }), "the program never set environment.id, so no property of it fails");
        Assert.That(failures[""], Does.Contain("environment.id 'lfcp-123' from the environment variable CONFLUENT_ENVIRONMENT_ID")
            .And.Contain("`confluentflink:environmentId`").And.Contain("e.g. env-abc123"));
    }

    [Test]
    public async Task AFailureOnASecretPropertyIsSentWithoutItsPathSoTheEngineCannotPrintTheValue()
    {
        var check = await Engine.CheckAsync("chat", new Struct(), OpenAi(more: ("bearerToken", Wire.Secret(Secret("bearer")))).Inputs);
        var failure = check.Failures.Single();
        Assert.That(failure.Property, Is.Empty);
        Assert.That(failure.Reason, Does.StartWith("bearerToken is not used by type OPENAI"));
    }

    [Test]
    public async Task CheckedInputsMarkEveryCredentialSecretAndKeepWhatTheProgramMarked()
    {
        var inputs = Wire.Struct(("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com"),
            ("oauth", Wire.Struct(("tokenEndpoint", "https://auth.example.com/t"), ("clientId", Wire.Secret("client-from-secret-config")),
                ("clientSecret", Secret("oauth-secret")), ("scope", "mcp"))));
        var check = await Engine.CheckAsync("tools", new Struct(), inputs);
        Assert.That(check.Failures, Is.Empty);
        await Engine.UpAsync(new ResourceGoal("tools", inputs));
        foreach (var properties in new[] { check.Inputs, Engine.State["tools"].Outputs })
        {
            var oauth = properties.Fields["oauth"].StructValue.Fields;
            Assert.That(Wire.IsSecret(oauth["clientSecret"]) && Wire.IsSecret(oauth["clientId"]), Is.True, "schema secret and program secret");
            Assert.That(Wire.IsSecret(oauth["scope"]), Is.False);
        }
    }
}
