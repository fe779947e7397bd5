namespace ConfluentFlink.FlinkApiEmulator.Api;

// Wire shapes of sql/v1, written independently of the client's models so the contract tests compare two readings
// of the OpenAPI file rather than one model with itself. Names become snake_case through WireJson.Options.

/// <summary>A POST or PUT body as sent. Every member is optional here; validation says what is missing.</summary>
internal sealed class ConnectionBody
{
    public string? Name { get; set; }
    public SpecBody? Spec { get; set; }
    public MetadataBody? Metadata { get; set; }
}

internal sealed class SpecBody
{
    public string? ConnectionType { get; set; }
    public string? Endpoint { get; set; }
    public AuthDataBody? AuthData { get; set; }
}

internal sealed class AuthDataBody
{
    public string? Kind { get; set; }
    public string? Data { get; set; }
}

internal sealed class MetadataBody
{
    public string? ResourceVersion { get; set; }
}

internal sealed record ConnectionView(string ApiVersion, string Kind, ObjectMetaView Metadata, string Name, SpecView Spec, StatusView Status);

internal sealed record ObjectMetaView(string Self, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Uid, string ResourceVersion);

internal sealed record SpecView(string ConnectionType, string Endpoint, AuthDataView AuthData);

internal sealed record AuthDataView(string Kind, string Data);

internal sealed record StatusView(string Phase, string? Detail);

internal sealed record ConnectionListView(string ApiVersion, string Kind, ListMetaView Metadata, IReadOnlyList<ConnectionView> Data);

internal sealed record ListMetaView(string Self, string? Next);

internal sealed record FailureView(IReadOnlyList<ErrorView> Errors);

internal sealed record ErrorView(string Id, string Status, string? Code, string Title, string? Detail, ErrorSourceView? Source);

internal sealed record ErrorSourceView(string? Pointer, string? Parameter);
