using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Tests.Resources.Props;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>
/// Check against Confluent's catalog of connection types, written out here independently of the provider's own
/// catalog file: every type's accepted groups, the one-of rule, group completeness, foreign credentials, and MCP's
/// transport options. Each failure is checked for its property and its message.
/// </summary>
public class CredentialRuleTests
{
    /// <summary>A way to authenticate: the properties given together, and optional ones that go with them.</summary>
    public sealed record Group(string[] Required, string[] Optional)
    {
        public override string ToString() => "{" + string.Join(", ", Required.Concat(Optional)) + "}";
    }

    private static readonly Group ApiKey = new(["apiKey"], []);
    private static readonly Group Aws = new(["awsAccessKey", "awsSecretKey"], ["awsSessionToken"]);
    private static readonly Group ServiceKey = new(["serviceKey"], []);
    private static readonly Group Basic = new(["username", "password"], []);
    private static readonly Group Bearer = new(["bearerToken"], []);
    private static readonly Group OAuth = new(["oauth"], []);

    public sealed record TypeRule(string Type, Group[] Groups, string[] Options)
    {
        public override string ToString() => Type;
    }

    // connection-types.md, "The types".
    public static readonly TypeRule[] Types =
    [
        new("OPENAI", [ApiKey], []), new("AZUREML", [ApiKey], []), new("AZUREOPENAI", [ApiKey], []), new("GOOGLEAI", [ApiKey], []),
        new("PINECONE", [ApiKey], []), new("ANTHROPIC", [ApiKey], []), new("FIREWORKSAI", [ApiKey], []), new("COSMOSDB", [ApiKey], []),
        new("BEDROCK", [Aws], []), new("SAGEMAKER", [Aws], []), new("S3VECTORS", [Aws], []),
        new("VERTEXAI", [ServiceKey], []),
        new("MONGODB", [Basic], []), new("COUCHBASE", [Basic], []), new("CONFLUENT_JDBC", [Basic], []),
        new("ELASTIC", [ApiKey, Basic], []),
        new("A2A", [ApiKey, Basic, Bearer, OAuth], []),
        new("REST", [Basic, Bearer, OAuth], []),
        new("MCP_SERVER", [ApiKey, Basic, Bearer, OAuth], ["sseEndpoint", "transportType"]),
    ];

    private static readonly string[] AllCredentials =
        ["apiKey", "awsAccessKey", "awsSecretKey", "awsSessionToken", "serviceKey", "username", "password", "bearerToken", "oauth", "sseEndpoint", "transportType"];

    private static PropertyValue ValueOf(string property) => property switch
    {
        "oauth" => OAuthBlock(),
        "transportType" => new StringValue("SSE"),
        "sseEndpoint" => new StringValue("https://mcp.example.com/sse"),
        _ => new StringValue($"value-of-{property}-7f3"),
    };

    private static ObjectValue OAuthBlock(params string[] without) => new(PropertyMap.From(
        new[] { "tokenEndpoint", "clientId", "clientSecret", "scope" }.Except(without)
            .Select(f => KeyValuePair.Create(f, (PropertyValue)new StringValue(f == "tokenEndpoint" ? "https://login.example.com/token" : $"{f}-9q")))));

    private static PropertyMap Connection(string type, IEnumerable<string> properties) =>
        properties.Aggregate(Map(("displayName", "c1"), ("type", type), ("endpoint", "https://example.com/x")), (map, p) => map.With(p, ValueOf(p)));

    private static IReadOnlyList<ConfluentFlink.Provider.Contract.CheckFailure> Check(PropertyMap news) => new ProviderFixture().Check(news).Failures;

    [TestCaseSource(nameof(Types))]
    public void EachGroupOfATypeIsAcceptedAloneWithOrWithoutItsOptions(TypeRule rule)
    {
        foreach (var group in rule.Groups)
        {
            Assert.That(Check(Connection(rule.Type, group.Required)), Is.Empty, $"{group} alone");
            Assert.That(Check(Connection(rule.Type, group.Required.Concat(group.Optional).Concat(rule.Options))), Is.Empty, $"{group} with options");
        }
    }

    [TestCaseSource(nameof(Types))]
    public void ACredentialTheTypeDoesNotListIsRejectedOnItsProperty(TypeRule rule)
    {
        var accepted = rule.Groups.SelectMany(g => g.Required.Concat(g.Optional)).Concat(rule.Options).ToHashSet();
        foreach (var foreign in AllCredentials.Where(c => !accepted.Contains(c)))
        {
            var failures = Check(Connection(rule.Type, rule.Groups[0].Required.Append(foreign)));
            Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { foreign }), $"{foreign} on {rule.Type}");
            Assert.That(failures[0].Reason, Does.Contain($"not used by type {rule.Type}"));
        }
    }

    [TestCaseSource(nameof(Types))]
    public void AnIncompleteGroupNamesEachMissingProperty(TypeRule rule)
    {
        foreach (var group in rule.Groups.Where(g => g.Required.Length > 1))
            foreach (var missing in group.Required)
            {
                var failures = Check(Connection(rule.Type, group.Required.Where(r => r != missing)));
                Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { missing }), $"{missing} missing from {group}");
                Assert.That(failures[0].Reason, Does.Contain("required"));
            }
    }

    [TestCaseSource(nameof(Types))]
    public void NoCredentialAtAllIsAFailureThatListsWhatTheTypeAccepts(TypeRule rule)
    {
        var failures = Check(Connection(rule.Type, []));
        if (rule.Groups.Length == 1)
        {
            Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(rule.Groups[0].Required));
            Assert.That(failures[0].Reason, Does.Contain($"required for type {rule.Type}"));
        }
        else
        {
            Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { "" }));
            foreach (var group in rule.Groups)
                Assert.That(failures[0].Reason, Does.Contain("{" + string.Join(", ", group.Required) + "}"), group.ToString());
        }
    }

    public static IEnumerable<TypeRule> TypesWithAChoice => Types.Where(t => t.Groups.Length > 1);

    [TestCaseSource(nameof(TypesWithAChoice))]
    public void TwoGroupsAtOnceAreRejectedOnEveryPropertyGiven(TypeRule rule)
    {
        var (first, second) = (rule.Groups[0], rule.Groups[^1]);
        var failures = Check(Connection(rule.Type, first.Required.Concat(second.Required)));
        Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(first.Required.Concat(second.Required)));
        Assert.That(failures.Select(f => f.Reason), Has.All.Contain($"type {rule.Type} takes exactly one of"));
    }

    [Test]
    public void ElasticStillTakesAnApiKeyAloneAsBefore()
    {
        Assert.That(Check(Connection("ELASTIC", ["apiKey"])), Is.Empty);
    }

    [TestCase("tokenEndpoint")]
    [TestCase("clientId")]
    [TestCase("clientSecret")]
    [TestCase("scope")]
    public void EveryOauthFieldIsRequiredOnceOauthIsGiven(string field)
    {
        var failures = Check(Connection("REST", []).With("oauth", OAuthBlock(without: field)));
        Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { $"oauth.{field}" }));
        Assert.That(failures[0].Reason, Does.Contain("required when oauth is set"));
    }

    [Test]
    public void TransportTypeTakesOnlyItsTwoValuesAndNamesThem()
    {
        var failures = Check(Connection("MCP_SERVER", ["bearerToken"]).With("transportType", new StringValue("websocket")));
        Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { "transportType" }));
        Assert.That(failures[0].Reason, Does.Contain("SSE").And.Contain("STREAMABLE_HTTP"));
    }

    [Test]
    public void AnSseEndpointIsRejectedWithStreamableHttp()
    {
        var news = Connection("MCP_SERVER", ["bearerToken", "sseEndpoint"]).With("transportType", new StringValue("STREAMABLE_HTTP"));
        var failures = Check(news);
        Assert.That(failures.Select(f => f.Property), Is.EqualTo(new[] { "sseEndpoint" }));
        Assert.That(failures[0].Reason, Does.Contain("STREAMABLE_HTTP"));
        Assert.That(Check(news.With("sseEndpoint", PropertyValue.Null)), Is.Empty);
    }

    [Test]
    public void ValuesNotYetKnownNeverFailTheGroupRules()
    {
        Assert.That(Check(Connection("MCP_SERVER", []).With("bearerToken", PropertyValue.Unknown)), Is.Empty, "an unknown token chooses the group");
        Assert.That(Check(Connection("A2A", []).With("oauth", PropertyValue.Unknown)), Is.Empty, "an unknown oauth block");
        Assert.That(Check(Connection("REST", []).With("oauth", new ObjectValue(OAuthBlock().Properties.With("clientSecret", PropertyValue.Unknown)))), Is.Empty);
        Assert.That(Check(Connection("OPENAI", ["apiKey"]).With("type", PropertyValue.Unknown)), Is.Empty, "an unknown type checks no credential");
    }

    [Test]
    public void NewCredentialsComeBackSecretEvenWhenPassedInPlain()
    {
        var inputs = new ProviderFixture().Check(Connection("REST", []).With("oauth", OAuthBlock())).Inputs;
        Assert.That(inputs.IsSecretAt("oauth.clientSecret"), Is.True);
        Assert.That(inputs.IsSecretAt("oauth.clientId"), Is.False);
        Assert.That(new ProviderFixture().Check(Connection("REST", ["bearerToken"])).Inputs.Get("bearerToken"), Is.InstanceOf<SecretValue>());
    }

    [Test]
    public async Task AnOauthFieldTheProgramMarkedSecretStaysSecretInInputsAndOutputs()
    {
        var fixture = new ProviderFixture();
        var oauth = new ObjectValue(OAuthBlock().Properties.With("clientId", new SecretValue(new StringValue("clientId-9q"))));
        var news = Connection("REST", []).With("oauth", oauth);
        Assert.That(fixture.Check(news).Inputs.IsSecretAt("oauth.clientId"), Is.True, "checked inputs");
        var (_, outputs, inputs) = await fixture.CreateAsync(news);
        Assert.That(inputs.IsSecretAt("oauth.clientId"), Is.True, "recorded inputs");
        Assert.That(outputs.IsSecretAt("oauth.clientId"), Is.True, "outputs");
        Assert.That(outputs.IsSecretAt("oauth.scope"), Is.False, "a field nobody marked stays plain");
    }
}
