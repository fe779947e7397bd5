namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// A credential property of a connection: its Pulumi name, its key inside the API's <c>auth_data.data</c> JSON,
/// and the environment variable the seed reads it from on import.
/// </summary>
public sealed record ConnectionCredential(string Property, string AuthDataKey, string ImportEnvVar)
{
    public static readonly ConnectionCredential ApiKey = new("apiKey", "API_KEY", "API_KEY");
    public static readonly ConnectionCredential AwsAccessKey = new("awsAccessKey", "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID_CONNECTION");
    public static readonly ConnectionCredential AwsSecretKey = new("awsSecretKey", "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY_CONNECTION");
    public static readonly ConnectionCredential AwsSessionToken = new("awsSessionToken", "AWS_SESSION_TOKEN", "AWS_SESSION_TOKEN_CONNECTION");
    public static readonly ConnectionCredential ServiceKey = new("serviceKey", "SERVICE_KEY", "SERVICE_KEY");
    public static readonly ConnectionCredential Username = new("username", "USERNAME", "USERNAME");
    public static readonly ConnectionCredential Password = new("password", "PASSWORD", "PASSWORD");

    public static readonly IReadOnlyList<ConnectionCredential> All =
        [ApiKey, AwsAccessKey, AwsSecretKey, AwsSessionToken, ServiceKey, Username, Password];
}
