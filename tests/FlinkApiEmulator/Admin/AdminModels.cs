namespace ConfluentFlink.FlinkApiEmulator.Admin;

/// <summary>A stored connection as <c>GET /_emulator/connections</c> lists it; the credential only as "present" or "absent".</summary>
public sealed record StoredConnectionView(
    string OrganizationId,
    string EnvironmentId,
    string Name,
    string ConnectionType,
    string Endpoint,
    string ResourceVersion,
    string Credential);
