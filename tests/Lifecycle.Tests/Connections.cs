using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Lifecycle.Tests;

/// <summary>Programs' resources. Every credential value is registered in <see cref="LiveStack.Secrets"/>.</summary>
internal static class Connections
{
    public static string Credential(string label)
    {
        var value = $"{label}-cred-{Guid.NewGuid():N}"[..Math.Min(label.Length + 18, 40)];
        lock (LiveStack.Secrets) LiveStack.Secrets.Add(value);
        return value;
    }

    public static ResourceGoal OpenAi(string name, string apiKey, string endpoint = "https://api.openai.com/v1/chat/completions") =>
        new(name, Wire.Struct(("displayName", name), ("type", "OPENAI"), ("endpoint", endpoint), ("apiKey", Wire.Secret(apiKey))));

    /// <summary>A connection of <paramref name="type"/> with exactly the credentials given, passed in plain as a careless program would.</summary>
    public static Struct OfType(string name, string type, IEnumerable<string> credentials) =>
        Wire.Struct(new[] { ("displayName", (object?)name), ("type", type), ("endpoint", $"https://{type.ToLowerInvariant().Replace('_', '-')}.example.com/v1") }
            .Concat(credentials.Select(c => (c, c == "oauth" ? (object?)OAuth() : Credential(c)))).ToArray());

    /// <summary>OAuth client credentials; only the client secret is a credential.</summary>
    public static Struct OAuth() => Wire.Struct(("tokenEndpoint", "https://login.example.com/oauth2/token"), ("clientId", "flink-client"),
        ("clientSecret", Credential("oauth-secret")), ("scope", "mcp.read"));

    /// <summary>Every type with one way it authenticates (the first of its groups, with optional values where it has them).</summary>
    public static readonly (string Type, string[] Credentials)[] Types =
    [
        ("OPENAI", ["apiKey"]), ("AZUREML", ["apiKey"]), ("AZUREOPENAI", ["apiKey"]), ("GOOGLEAI", ["apiKey"]), ("PINECONE", ["apiKey"]),
        ("ANTHROPIC", ["apiKey"]), ("FIREWORKSAI", ["apiKey"]), ("COSMOSDB", ["apiKey"]),
        ("BEDROCK", ["awsAccessKey", "awsSecretKey", "awsSessionToken"]), ("SAGEMAKER", ["awsAccessKey", "awsSecretKey"]),
        ("S3VECTORS", ["awsAccessKey", "awsSecretKey"]), ("VERTEXAI", ["serviceKey"]),
        ("MONGODB", ["username", "password"]), ("COUCHBASE", ["username", "password"]), ("CONFLUENT_JDBC", ["username", "password"]),
        ("ELASTIC", ["apiKey"]), ("A2A", ["bearerToken"]), ("REST", ["oauth"]), ("MCP_SERVER", ["username", "password"]),
    ];

    /// <summary>Every string in a Struct that is not inside a secret wrapper: what Pulumi would print in plain.</summary>
    public static IEnumerable<string> PlainStrings(Struct properties) => properties.Fields.Values.SelectMany(PlainStrings);

    private static IEnumerable<string> PlainStrings(Value value) => value.KindCase switch
    {
        _ when Wire.IsSecret(value) => [],
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.StructValue => PlainStrings(value.StructValue),
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany(PlainStrings),
        _ => [],
    };
}
