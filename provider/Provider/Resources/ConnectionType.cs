namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// A connection type and the credentials it takes, as the seed and the Terraform provider rule them:
/// every <see cref="Required"/> credential must be set, <see cref="Optional"/> ones may be, and any other is rejected.
/// </summary>
public sealed record ConnectionType(string Name, IReadOnlyList<ConnectionCredential> Required, IReadOnlyList<ConnectionCredential> Optional)
{
    private static ConnectionType ApiKeyType(string name) => new(name, [ConnectionCredential.ApiKey], []);
    private static ConnectionType AwsType(string name) =>
        new(name, [ConnectionCredential.AwsAccessKey, ConnectionCredential.AwsSecretKey], [ConnectionCredential.AwsSessionToken]);
    private static ConnectionType DatabaseType(string name) => new(name, [ConnectionCredential.Username, ConnectionCredential.Password], []);

    public static readonly IReadOnlyList<ConnectionType> All =
    [
        ApiKeyType("OPENAI"), ApiKeyType("AZUREML"), ApiKeyType("AZUREOPENAI"),
        AwsType("BEDROCK"), AwsType("SAGEMAKER"),
        ApiKeyType("GOOGLEAI"), new("VERTEXAI", [ConnectionCredential.ServiceKey], []),
        DatabaseType("MONGODB"), ApiKeyType("PINECONE"), ApiKeyType("ELASTIC"), DatabaseType("COUCHBASE"),
    ];

    public static ConnectionType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    public static string AllNames => string.Join(", ", All.Select(t => t.Name));

    public bool Accepts(ConnectionCredential credential) => Required.Contains(credential) || Optional.Contains(credential);

    /// <summary>"apiKey", or "awsAccessKey and awsSecretKey (awsSessionToken optional)": for error messages.</summary>
    public string Describe()
    {
        var required = string.Join(" and ", Required.Select(c => c.Property));
        return Optional.Count == 0 ? required : $"{required} ({string.Join(", ", Optional.Select(c => c.Property))} optional)";
    }
}
