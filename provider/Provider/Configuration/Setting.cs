namespace ConfluentFlink.Provider.Configuration;

/// <summary>
/// One Flink setting a connection needs, and every place it may come from, in the order they are tried:
/// the resource's own property (seed Option #1), the provider config (Option #2), then the environment.
/// <see cref="ImportEnvVar"/> is the seed's <c>IMPORT_*</c> variable, tried first on import.
/// </summary>
public sealed record Setting(string ResourcePath, string ConfigKey, string EnvVar, string ImportEnvVar, bool IsSecret = false)
{
    public static readonly Setting Organization = new("organization.id", "organizationId", "CONFLUENT_ORGANIZATION_ID", "IMPORT_CONFLUENT_ORGANIZATION_ID");
    public static readonly Setting Environment = new("environment.id", "environmentId", "CONFLUENT_ENVIRONMENT_ID", "IMPORT_CONFLUENT_ENVIRONMENT_ID");
    public static readonly Setting ComputePool = new("computePool.id", "flinkComputePoolId", "FLINK_COMPUTE_POOL_ID", "IMPORT_FLINK_COMPUTE_POOL_ID");
    public static readonly Setting Principal = new("principal.id", "flinkPrincipalId", "FLINK_PRINCIPAL_ID", "IMPORT_FLINK_PRINCIPAL_ID");
    public static readonly Setting RestEndpoint = new("restEndpoint", "flinkRestEndpoint", "FLINK_REST_ENDPOINT", "IMPORT_FLINK_REST_ENDPOINT");
    public static readonly Setting ApiKey = new("credentials.key", "flinkApiKey", "FLINK_API_KEY", "IMPORT_FLINK_API_KEY");
    public static readonly Setting ApiSecret = new("credentials.secret", "flinkApiSecret", "FLINK_API_SECRET", "IMPORT_FLINK_API_SECRET", IsSecret: true);

    public static readonly IReadOnlyList<Setting> All = [Organization, Environment, ComputePool, Principal, RestEndpoint, ApiKey, ApiSecret];

    /// <summary>The top-level resource property holding this setting (<c>organization</c> for <c>organization.id</c>).</summary>
    public string ResourceProperty => ResourcePath.Split('.')[0];

    /// <summary>The nested field, or null for a top-level string property.</summary>
    public string? ResourceField => ResourcePath.Contains('.') ? ResourcePath.Split('.')[1] : null;

    public string MissingMessage =>
        $"{ResourcePath} is not set: set `{ResourcePath}` on the resource, or the provider config `confluentflink:{ConfigKey}`, or the environment variable {EnvVar}";
}
