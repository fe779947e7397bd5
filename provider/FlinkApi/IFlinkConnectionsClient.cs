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
/// The result of a create. <see cref="Adopted"/> is true when a retried POST met 409 because an earlier
/// attempt had already created a connection of the same type and endpoint, which is returned instead.
/// </summary>
public sealed record CreateOutcome(Connection Connection, bool Adopted);

/// <summary>
/// The Connections operations of the Flink SQL API, with retries and error mapping applied.
/// Every non-2xx answer (after retries) and every transport failure surfaces as <see cref="FlinkApiException"/>.
/// </summary>
public interface IFlinkConnectionsClient
{
    /// <summary>POST. A retried POST that meets 409 for a matching connection adopts it; a mismatching one throws 409.</summary>
    Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, CancellationToken cancellationToken);

    /// <summary>GET one connection; <c>null</c> when the API answers 404.</summary>
    Task<Connection?> GetAsync(ConnectionScope scope, string name, CancellationToken cancellationToken);

    /// <summary>GET the collection, following <c>metadata.next</c> to the last page.</summary>
    Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, CancellationToken cancellationToken);

    /// <summary>PUT with <c>metadata.resource_version</c> taken from <paramref name="connection"/>; stale versions get 409.</summary>
    Task UpdateAsync(ConnectionScope scope, Connection connection, CancellationToken cancellationToken);

    /// <summary>DELETE; returns false when the connection was already gone (404).</summary>
    Task<bool> DeleteAsync(ConnectionScope scope, string name, CancellationToken cancellationToken);
}
