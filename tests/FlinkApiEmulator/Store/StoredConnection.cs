using ConfluentFlink.FlinkApiEmulator.Status;

namespace ConfluentFlink.FlinkApiEmulator.Store;

/// <summary>Where a connection lives: organization, environment and its name, as in the API's paths.</summary>
public readonly record struct ConnectionKey(string OrganizationId, string EnvironmentId, string Name);

/// <summary>One stored connection. Immutable: every write replaces it, which keeps readers lock-free.</summary>
public sealed record StoredConnection(
    ConnectionKey Key,
    string ConnectionType,
    string Endpoint,
    string AuthDataKind,
    string AuthData,
    string Uid,
    string ResourceVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Set by the store from the status rules on every write, or by an override until the next write.</summary>
    public ConnectionStatus Status { get; init; } = ConnectionStatus.Ready;

    /// <summary>The key names in <see cref="AuthData"/>, in ordinal order: what a test may see of the credential's shape.</summary>
    public IReadOnlyList<string> AuthDataKeys => AuthDataEntries.Read(AuthData)?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>The AUTH_TYPE in <see cref="AuthData"/>, if any.</summary>
    public string? AuthType => AuthDataEntries.Read(AuthData)?.Strings.GetValueOrDefault(AuthDataEntries.AuthTypeKey);

    // Records print every member by default; the credential must not reach a log or an assertion message.
    public override string ToString() =>
        $"StoredConnection {{ Key = {Key}, ConnectionType = {ConnectionType}, Endpoint = {Endpoint}, ResourceVersion = {ResourceVersion}, Status = {Status}, " +
        $"AuthData = [secret], AuthDataKeys = [{string.Join(", ", AuthDataKeys)}] }}";
}
