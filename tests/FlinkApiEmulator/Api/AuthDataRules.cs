namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>Credential keys of auth_data.data that go together; <see cref="Name"/> is the AUTH_TYPE value that chooses them.</summary>
internal sealed record CredentialGroup(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public CredentialGroup(string name, params string[] required) : this(name, required, []) { }

    public IEnumerable<string> Keys => Required.Concat(Optional);
}

/// <summary>
/// An optional key that is not a credential: the values it may take when they form a closed list (such values are labels and
/// may appear in an error detail), and a key and value it cannot go with.
/// </summary>
internal sealed record Setting(string Key, IReadOnlyList<string>? Values = null, (string Key, string Value)? NotWith = null);

/// <summary>What a connection type accepts: exactly one of <see cref="Groups"/>, and any of <see cref="Settings"/>.</summary>
internal sealed record TypeCredentials(IReadOnlyList<CredentialGroup> Groups, IReadOnlyList<Setting> Settings)
{
    public TypeCredentials(params CredentialGroup[] groups) : this(groups, []) { }

    /// <summary>A type with a choice of groups names the one used in AUTH_TYPE.</summary>
    public bool ChoosesByAuthType => Groups.Count > 1;
}

/// <summary>
/// The credential catalog of shared/reference/confluent/connection-types.md ("The types"), with a row for each of the
/// OpenAPI's connection_type values, so its keys are also the types the emulator accepts. Written from that document alone:
/// the provider keeps its own catalog, and these rules are what it is tested against.
/// </summary>
internal static class AuthDataRules
{
    private static readonly CredentialGroup ApiKey = new("API_KEY", "API_KEY");
    private static readonly CredentialGroup Aws = new("AWS", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], ["AWS_SESSION_TOKEN"]);
    private static readonly CredentialGroup ServiceKey = new("SERVICE_KEY", "SERVICE_KEY");
    private static readonly CredentialGroup Basic = new("BASIC", "USERNAME", "PASSWORD");
    private static readonly CredentialGroup Bearer = new("BEARER", "BEARER_TOKEN");
    private static readonly CredentialGroup OAuth2 = new("OAUTH2", "OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE");

    private static readonly Setting[] McpTransport =
    [
        new("TRANSPORT_TYPE", Values: ["SSE", "STREAMABLE_HTTP"]),
        new("SSE_ENDPOINT", NotWith: ("TRANSPORT_TYPE", "STREAMABLE_HTTP")),
    ];

    public static readonly IReadOnlyDictionary<string, TypeCredentials> ByType = new Dictionary<string, TypeCredentials>(StringComparer.Ordinal)
    {
        ["OPENAI"] = new(ApiKey),
        ["AZUREML"] = new(ApiKey),
        ["AZUREOPENAI"] = new(ApiKey),
        ["GOOGLEAI"] = new(ApiKey),
        ["PINECONE"] = new(ApiKey),
        ["ANTHROPIC"] = new(ApiKey),
        ["FIREWORKSAI"] = new(ApiKey),
        ["COSMOSDB"] = new(ApiKey),
        ["BEDROCK"] = new(Aws),
        ["SAGEMAKER"] = new(Aws),
        ["S3VECTORS"] = new(Aws),
        ["VERTEXAI"] = new(ServiceKey),
        ["MONGODB"] = new(Basic),
        ["COUCHBASE"] = new(Basic),
        ["CONFLUENT_JDBC"] = new(Basic),
        ["ELASTIC"] = new(ApiKey, Basic),
        ["A2A"] = new(ApiKey, Basic, Bearer, OAuth2),
        ["REST"] = new(Basic, Bearer, OAuth2),
        ["MCP_SERVER"] = new([ApiKey, Basic, Bearer, OAuth2], McpTransport),
    };
}
