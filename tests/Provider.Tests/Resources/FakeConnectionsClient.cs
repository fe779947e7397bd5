using System.Collections.Concurrent;
using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApi.Models;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>
/// An in-memory Connections API for resource-logic tests; records every call, the settings it was made with and the
/// operation budget it was given.
/// </summary>
internal sealed class FakeConnectionsClient : IFlinkConnectionsClient
{
    private int _version;
    public ConcurrentDictionary<string, Connection> Store { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();
    public ConcurrentQueue<OperationBudget> BudgetsSeen { get; } = new();
    public List<FlinkApiSettings> SettingsSeen { get; } = new();
    public int StaleConflictsToReturn { get; set; }
    public bool AdoptNextCreate { get; set; }

    public IFlinkConnectionsClient For(FlinkApiSettings settings)
    {
        lock (SettingsSeen) SettingsSeen.Add(settings);
        return this;
    }

    private static string Key(ConnectionScope scope, string name) => $"{scope.OrganizationId}/{scope.EnvironmentId}/{name}";

    private void Record(string call, OperationBudget budget)
    {
        Calls.Enqueue(call);
        BudgetsSeen.Enqueue(budget);
    }

    public Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, OperationBudget budget)
    {
        Record("POST " + request.Name, budget);
        var connection = new Connection
        {
            ApiVersion = "sql/v1", Kind = "Connection", Name = request.Name,
            Metadata = new ObjectMeta { ResourceVersion = $"v{Interlocked.Increment(ref _version)}" },
            Spec = new ConnectionSpec { ConnectionType = request.ConnectionType, Endpoint = request.Endpoint, AuthData = new AuthData { Data = request.AuthDataJson } },
            Status = new ConnectionStatus { Phase = "READY" },
        };
        if (!Store.TryAdd(Key(scope, request.Name), connection))
            throw new FlinkApiException("Confluent API 409 resource_already_exists", HttpStatusCode.Conflict, "resource_already_exists");
        return Task.FromResult(new CreateOutcome(connection, AdoptNextCreate ? CreateOutcomeKind.AdoptedAfterLostAnswer : CreateOutcomeKind.Created));
    }

    public Task<Connection?> GetAsync(ConnectionScope scope, string name, OperationBudget budget)
    {
        budget.Cancellation.ThrowIfCancellationRequested();
        Record("GET " + name, budget);
        return Task.FromResult(Store.TryGetValue(Key(scope, name), out var c) ? Copy(c) : null);
    }

    public Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, OperationBudget budget) =>
        Task.FromResult<IReadOnlyList<Connection>>(Store.Values.ToList());

    public Task UpdateAsync(ConnectionScope scope, Connection connection, OperationBudget budget)
    {
        // As the real client: a cancelled operation sends nothing.
        budget.Cancellation.ThrowIfCancellationRequested();
        Record("PUT " + connection.Name, budget);
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

    public Task<bool> DeleteAsync(ConnectionScope scope, string name, OperationBudget budget)
    {
        Record("DELETE " + name, budget);
        return Task.FromResult(Store.TryRemove(Key(scope, name), out _));
    }

    private static Connection Copy(Connection c) => Newtonsoft.Json.JsonConvert.DeserializeObject<Connection>(Newtonsoft.Json.JsonConvert.SerializeObject(c))!;
}
