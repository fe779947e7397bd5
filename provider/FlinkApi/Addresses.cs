using ConfluentFlink.FlinkApi.Models;

namespace ConfluentFlink.FlinkApi;

/// <summary>Where connections live: the path prefix of every Connections call.</summary>
public sealed record EnvironmentAddress(string OrganizationId, string EnvironmentId)
{
    public ConnectionAddress Connection(string name) => new(OrganizationId, EnvironmentId, name);

    public override string ToString() => $"organization {OrganizationId}, environment {EnvironmentId}";
}

/// <summary>One connection: its environment and its name, which is unique there.</summary>
public sealed record ConnectionAddress(string OrganizationId, string EnvironmentId, string Name)
{
    public EnvironmentAddress Environment => new(OrganizationId, EnvironmentId);

    /// <summary>The path of the connection under the REST endpoint.</summary>
    public string Path => IConnectionsApi.Collection
        .Replace("{organizationId}", Uri.EscapeDataString(OrganizationId), StringComparison.Ordinal)
        .Replace("{environmentId}", Uri.EscapeDataString(EnvironmentId), StringComparison.Ordinal) + "/" + Uri.EscapeDataString(Name);
}

/// <summary>What a create asks for. <see cref="AuthDataJson"/> is secret.</summary>
public sealed record NewConnection(string ConnectionType, string Endpoint, string AuthDataJson)
{
    public override string ToString() => $"NewConnection {{ ConnectionType = {ConnectionType}, Endpoint = {Endpoint}, AuthDataJson = [secret] }}";
}

public enum CreateOutcomeKind
{
    /// <summary>The service answered that it created the connection.</summary>
    Created,

    /// <summary>
    /// The answer was lost, and a lookup by name found a connection born during this create that matches the request:
    /// an earlier attempt created it. The API masks credentials, so the caller should set them again.
    /// </summary>
    AdoptedAfterLostAnswer,
}

/// <summary>A create that ended with the connection existing, and how that is known.</summary>
public sealed record CreateOutcome(Connection Connection, CreateOutcomeKind Kind);

/// <summary>
/// The Connections operations of the Flink SQL API, with retries and error mapping applied. Each call ends by the
/// <see cref="OperationBudget"/> of the Pulumi operation it serves. Every non-2xx answer (after retries) and every
/// transport failure surfaces as <see cref="FlinkApiException"/>; cancelling the budget as <see cref="OperationCanceledException"/>.
/// </summary>
public interface IFlinkConnectionsClient
{
    /// <summary>
    /// POST. When the answer may have been lost (a retry met 409, or the last attempt failed after reaching the service),
    /// a lookup by name settles it: a connection born during this create that matches is adopted; one that is not ours
    /// throws 409; none throws the failure. When the lookup fails or the budget is cancelled, throws
    /// <see cref="CreateOutcomeUnknownException"/>.
    /// </summary>
    Task<CreateOutcome> CreateAsync(ConnectionAddress address, NewConnection connection, OperationBudget budget);

    /// <summary>GET one connection; <c>null</c> when the API answers 404.</summary>
    Task<Connection?> GetAsync(ConnectionAddress address, OperationBudget budget);

    /// <summary>GET the collection, following <c>metadata.next</c> to the last page.</summary>
    Task<IReadOnlyList<Connection>> ListAsync(EnvironmentAddress environment, string? connectionType, OperationBudget budget);

    /// <summary>
    /// Replaces the connection's <c>auth_data</c> and answers the connection as the service then holds it. The PUT needs
    /// the current <c>resource_version</c>: it starts from <paramref name="current"/> when the caller has just read the
    /// connection, else reads it, and after a 409 (another writer) reads it again and tries once more. An answer lost on
    /// the way back is settled by reading the connection.
    /// </summary>
    Task<Connection> SetAuthDataAsync(ConnectionAddress address, string authDataJson, OperationBudget budget, Connection? current = null);

    /// <summary>
    /// DELETE; returns false when the connection was already gone (404). When the answer may have been lost, a lookup
    /// that answers 404 confirms the delete.
    /// </summary>
    Task<bool> DeleteAsync(ConnectionAddress address, OperationBudget budget);
}
