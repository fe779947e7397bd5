using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Harness;

/// <summary>
/// One set of Flink settings, as provider settings (what the engine sends to Configure) or as
/// per-resource settings (blocks on the resource). The API secret is always wrapped as a secret, as a program's config would be.
/// </summary>
public sealed record FlinkSettings(Uri RestEndpoint, string OrganizationId, string EnvironmentId, string ApiKey, string ApiSecret)
{
    public string ComputePoolId { get; init; } = "lfcp-" + EnvironmentId;
    public string PrincipalId { get; init; } = "sa-" + EnvironmentId;

    private string Endpoint => RestEndpoint.ToString().TrimEnd('/');

    /// <summary>Provider config naming every setting; <c>version</c> is the key the engine always adds.</summary>
    public Struct ProviderConfig(int? maxRetries = null)
    {
        var config = Wire.Struct(
            ("organizationId", OrganizationId), ("environmentId", EnvironmentId), ("flinkComputePoolId", ComputePoolId),
            ("flinkPrincipalId", PrincipalId), ("flinkRestEndpoint", Endpoint), ("flinkApiKey", ApiKey),
            ("flinkApiSecret", Wire.Secret(ApiSecret)), ("version", "0.1.0"));
        if (maxRetries is { } retries)
            config.Fields["maxRetries"] = Value.ForNumber(retries);
        return config;
    }

    /// <summary><paramref name="inputs"/> with every setting as the resource's own blocks.</summary>
    public Struct OnResource(Struct inputs)
    {
        var result = inputs.Clone();
        result.Fields["organization"] = Wire.ToValue(Wire.Struct(("id", OrganizationId)));
        result.Fields["environment"] = Wire.ToValue(Wire.Struct(("id", EnvironmentId)));
        result.Fields["computePool"] = Wire.ToValue(Wire.Struct(("id", ComputePoolId)));
        result.Fields["principal"] = Wire.ToValue(Wire.Struct(("id", PrincipalId)));
        result.Fields["restEndpoint"] = Value.ForString(Endpoint);
        result.Fields["credentials"] = Wire.ToValue(Wire.Struct(("key", ApiKey), ("secret", Wire.Secret(ApiSecret))));
        return result;
    }

    public override string ToString() => $"FlinkSettings {{ {OrganizationId}/{EnvironmentId} at {Endpoint}, ApiSecret = [secret] }}";
}
