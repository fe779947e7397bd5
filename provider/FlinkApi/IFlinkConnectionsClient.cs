using ConfluentFlink.FlinkApi.Models;

namespace ConfluentFlink.FlinkApi;

/// <summary>Where connections live: the path prefix of every Connections call.</summary>
public sealed record ConnectionScope(string OrganizationId, string EnvironmentId);

/// <summary>What a create asks for. <see cref="AuthDataJson"/> is secret.</summary>
public sealed class ConnectionRequest
{
    public required string Name { get; init; }
    public required string ConnectionType { get; init; }
    public required string Endpoint { get; init; }
    public required string AuthDataJson { get; init; }

    public override string ToString() =>
        $"ConnectionRequest {{ Name = {Name}, ConnectionType = {ConnectionType}, Endpoint = {Endpoint}, AuthDataJson = [secret] }}";
}

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
    Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, OperationBudget budget);

    /// <summary>GET one connection; <c>null</c> when the API answers 404.</summary>
    Task<Connection?> GetAsync(ConnectionScope scope, string name, OperationBudget budget);

    /// <summary>GET the collection, following <c>metadata.next</c> to the last page.</summary>
    Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, OperationBudget budget);

    /// <summary>
    /// PUT with <c>metadata.resource_version</c> taken from <paramref name="connection"/>; stale versions get 409. When
    /// the answer may have been lost, reading the connection back settles it: a resource_version that moved means the
    /// update was applied.
    /// </summary>
    Task UpdateAsync(ConnectionScope scope, Connection connection, OperationBudget budget);

    /// <summary>
    /// DELETE; returns false when the connection was already gone (404). When the answer may have been lost, a lookup
    /// that answers 404 confirms the delete.
    /// </summary>
    Task<bool> DeleteAsync(ConnectionScope scope, string name, OperationBudget budget);
}
