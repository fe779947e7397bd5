using System.Collections.Concurrent;
using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApi.Models;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>An in-memory Connections API for resource-logic tests; records every call and the settings it was made with.</summary>
internal sealed class FakeConnectionsClient : IFlinkConnectionsClient
{
    private int _version;
    public ConcurrentDictionary<string, Connection> Store { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();
    public List<FlinkApiSettings> SettingsSeen { get; } = new();
    public int StaleConflictsToReturn { get; set; }
    public bool AdoptNextCreate { get; set; }
    /// <summary>When set, every call waits for its token to be cancelled, as a service that holds the request would.</summary>
    public bool HoldEveryCall { get; set; }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (HoldEveryCall)
            await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public IFlinkConnectionsClient For(FlinkApiSettings settings)
    {
        lock (SettingsSeen) SettingsSeen.Add(settings);
        return this;
    }

    private static string Key(ConnectionScope scope, string name) => $"{scope.OrganizationId}/{scope.EnvironmentId}/{name}";

    public async Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue("POST " + request.Name);
        await HoldAsync(cancellationToken);
        var connection = new Connection
        {
            ApiVersion = "sql/v1", Kind = "Connection", Name = request.Name,
            Metadata = new ObjectMeta { ResourceVersion = $"v{Interlocked.Increment(ref _version)}" },
            Spec = new ConnectionSpec { ConnectionType = request.ConnectionType, Endpoint = request.Endpoint, AuthData = new AuthData { Data = request.AuthDataJson } },
            Status = new ConnectionStatus { Phase = "READY" },
        };
        if (!Store.TryAdd(Key(scope, request.Name), connection))
            throw new FlinkApiException("Confluent API 409 resource_already_exists", HttpStatusCode.Conflict, "resource_already_exists");
        return new CreateOutcome(connection, AdoptNextCreate);
    }

    public async Task<Connection?> GetAsync(ConnectionScope scope, string name, CancellationToken cancellationToken)
    {
        Calls.Enqueue("GET " + name);
        await HoldAsync(cancellationToken);
        return Store.TryGetValue(Key(scope, name), out var c) ? Copy(c) : null;
    }

    public Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Connection>>(Store.Values.ToList());

    public Task UpdateAsync(ConnectionScope scope, Connection connection, CancellationToken cancellationToken)
    {
        Calls.Enqueue("PUT " + connection.Name);
        if (StaleConflictsToReturn > 0)
        {
            StaleConflictsToReturn--;
            throw new FlinkApiException("Confluent API 409 stale resource_version", HttpStatusCode.Conflict);
        }
        var stored = Store[Key(scope, connection.Name!)];
        stored.Spec!.AuthData = connection.Spec!.AuthData;
        stored.Metadata!.ResourceVersion = $"v{Interlocked.Increment(ref _version)}";
        return Task.CompletedTask;
    }

    public async Task<bool> DeleteAsync(ConnectionScope scope, string name, CancellationToken cancellationToken)
    {
        Calls.Enqueue("DELETE " + name);
        await HoldAsync(cancellationToken);
        return Store.TryRemove(Key(scope, name), out _);
    }

    private static Connection Copy(Connection c) => Newtonsoft.Json.JsonConvert.DeserializeObject<Connection>(Newtonsoft.Json.JsonConvert.SerializeObject(c))!;
}
