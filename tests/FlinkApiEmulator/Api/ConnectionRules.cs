using System.Text.RegularExpressions;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>A field that broke a rule: where (JSON pointer) and why.</summary>
internal sealed record RuleViolation(string Pointer, string Detail);

/// <summary>The field rules of sql.v1.Connection from the OpenAPI file, applied the way the service applies them.</summary>
internal static partial class ConnectionRules
{
    public const int NameMaxLength = 100;
    public const int EndpointMaxLength = 16384;
    public const string PlaintextProvider = "PlaintextProvider";

    // The schema's pattern, anchored: the service matches whole names (a DNS-subdomain-like name).
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NamePattern();

    public static RuleViolation? CheckCreate(ConnectionBody body) =>
        CheckName(body.Name)
        ?? (body.Spec is null ? new RuleViolation("/spec", "spec is required.") : null)
        ?? CheckConnectionType(body.Spec!.ConnectionType)
        ?? CheckEndpoint(body.Spec.Endpoint)
        ?? CheckAuthData(body.Spec.AuthData);

    /// <summary>PUT carries the whole resource; name, type and endpoint are immutable, so they must match what is stored.</summary>
    public static RuleViolation? CheckUpdate(ConnectionBody body, string pathName, string storedType, string storedEndpoint)
    {
        if (body.Name is null) return new RuleViolation("/name", "name is required.");
        if (body.Name != pathName) return new RuleViolation("/name", $"name '{body.Name}' does not match the path's '{pathName}'; name is immutable.");
        if (string.IsNullOrEmpty(body.Metadata?.ResourceVersion))
            return new RuleViolation("/metadata/resource_version", "metadata.resource_version is required on update.");
        if (body.Spec is null) return new RuleViolation("/spec", "spec is required.");
        if (body.Spec.ConnectionType is { } type && type != storedType)
            return new RuleViolation("/spec/connection_type", $"connection_type is immutable (it is {storedType}).");
        if (body.Spec.Endpoint is { } endpoint && endpoint != storedEndpoint)
            return new RuleViolation("/spec/endpoint", "endpoint is immutable.");
        return CheckAuthData(body.Spec.AuthData);
    }

    private static RuleViolation? CheckName(string? name) => name switch
    {
        null or "" => new RuleViolation("/name", "name is required."),
        { Length: > NameMaxLength } => new RuleViolation("/name", $"name must be at most {NameMaxLength} characters (it has {name.Length})."),
        _ when !NamePattern().IsMatch(name) => new RuleViolation("/name",
            "name must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit."),
        _ => null,
    };

    private static RuleViolation? CheckConnectionType(string? type) => type switch
    {
        null or "" => new RuleViolation("/spec/connection_type", "spec.connection_type is required."),
        _ when !AuthDataRules.ByType.ContainsKey(type) => new RuleViolation("/spec/connection_type",
            $"spec.connection_type '{type}' is not one of {string.Join(", ", AuthDataRules.ByType.Keys.Order(StringComparer.Ordinal))}."),
        _ => null,
    };

    private static RuleViolation? CheckEndpoint(string? endpoint) => endpoint switch
    {
        null or "" => new RuleViolation("/spec/endpoint", "spec.endpoint is required."),
        { Length: > EndpointMaxLength } => new RuleViolation("/spec/endpoint", $"spec.endpoint must be at most {EndpointMaxLength} characters."),
        _ => null,
    };

    // Never echo the credential itself in a detail: the emulator should be as careful as the service.
    private static RuleViolation? CheckAuthData(AuthDataBody? authData) => authData switch
    {
        null => new RuleViolation("/spec/auth_data", "spec.auth_data is required."),
        { Kind: { } kind } when kind != PlaintextProvider =>
            new RuleViolation("/spec/auth_data/kind", $"spec.auth_data.kind must be {PlaintextProvider}."),
        { Data: null or "" } => new RuleViolation("/spec/auth_data/data", "spec.auth_data.data is required."),
        _ => null,
    };
}
