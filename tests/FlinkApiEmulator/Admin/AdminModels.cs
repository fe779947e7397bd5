using ConfluentFlink.FlinkApiEmulator.Status;

namespace ConfluentFlink.FlinkApiEmulator.Admin;

/// <summary>
/// A stored connection as <c>GET /_emulator/connections</c> lists it. Of the credential it shows only whether it is
/// "present" or "absent", the key names of auth_data.data (ordinal order) and its AUTH_TYPE, never a value.
/// </summary>
public sealed record StoredConnectionView(
    string OrganizationId,
    string EnvironmentId,
    string Name,
    string ConnectionType,
    string Endpoint,
    string ResourceVersion,
    string Credential,
    IReadOnlyList<string> AuthDataKeys,
    string? AuthType,
    ConnectionStatus Status);
