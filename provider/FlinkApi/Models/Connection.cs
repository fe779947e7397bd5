using Newtonsoft.Json;

namespace ConfluentFlink.FlinkApi.Models;

/// <summary>The <c>sql.v1.Connection</c> resource of the Flink SQL API.</summary>
public sealed class Connection
{
    [JsonProperty("api_version")] public string? ApiVersion { get; set; }
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("metadata")] public ObjectMeta? Metadata { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("spec")] public ConnectionSpec? Spec { get; set; }
    [JsonProperty("status")] public ConnectionStatus? Status { get; set; }
}

public sealed class ConnectionSpec
{
    [JsonProperty("connection_type")] public string? ConnectionType { get; set; }
    [JsonProperty("endpoint")] public string? Endpoint { get; set; }
    [JsonProperty("auth_data")] public AuthData? AuthData { get; set; }
}

/// <summary><c>sql.v1.PlaintextProvider</c>: the credential document, sent as a JSON string.</summary>
public sealed class AuthData
{
    public const string PlaintextProviderKind = "PlaintextProvider";

    [JsonProperty("kind")] public string Kind { get; set; } = PlaintextProviderKind;

    /// <summary>Credential JSON. Secret: never log it, never put it in a message.</summary>
    [JsonProperty("data")] public string? Data { get; set; }

    // Debuggers and string interpolation call ToString; keep the credential out of both.
    public override string ToString() => $"AuthData {{ Kind = {Kind}, Data = [secret] }}";
}

public sealed class ObjectMeta
{
    [JsonProperty("self")] public string? Self { get; set; }
    [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonProperty("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonProperty("uid")] public string? Uid { get; set; }
    [JsonProperty("resource_version")] public string? ResourceVersion { get; set; }
}

public sealed class ConnectionStatus
{
    [JsonProperty("phase")] public string? Phase { get; set; }
    [JsonProperty("detail")] public string? Detail { get; set; }
}

public sealed class ConnectionList
{
    [JsonProperty("api_version")] public string? ApiVersion { get; set; }
    [JsonProperty("kind")] public string? Kind { get; set; }
    [JsonProperty("metadata")] public ListMeta? Metadata { get; set; }
    [JsonProperty("data")] public List<Connection> Data { get; set; } = new();
}

public sealed class ListMeta
{
    [JsonProperty("self")] public string? Self { get; set; }
    [JsonProperty("next")] public string? Next { get; set; }
}
