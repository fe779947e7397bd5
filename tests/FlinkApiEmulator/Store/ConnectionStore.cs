using ConfluentFlink.FlinkApiEmulator.Status;

namespace ConfluentFlink.FlinkApiEmulator.Store;

public enum UpdateStatus { Updated, NotFound, StaleVersion }

public sealed record UpdateResult(UpdateStatus Status, StoredConnection? Connection);

/// <summary>
/// The emulator's in-memory state. One lock guards the map and the version counter so a check-then-write
/// (duplicate name, stale resource_version) is atomic under concurrent requests.
/// </summary>
public sealed class ConnectionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<ConnectionKey, StoredConnection> _items = new();
    private readonly TimeProvider _clock;
    private readonly StatusRules _statusRules;
    private long _lastVersion;

    /// <param name="statusRules">Decide each written connection's status; without them every connection is READY.</param>
    public ConnectionStore(TimeProvider? clock = null, StatusRules? statusRules = null)
    {
        _clock = clock ?? TimeProvider.System;
        _statusRules = statusRules ?? new StatusRules();
    }

    public int Count
    {
        get { lock (_gate) return _items.Count; }
    }

    /// <summary>Adds a connection; when the name is taken, returns false and the one already there.</summary>
    public bool TryCreate(ConnectionKey key, string connectionType, string endpoint, string authDataKind, string authData,
        out StoredConnection connection)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(key, out var existing))
            {
                connection = existing;
                return false;
            }

            var now = _clock.GetUtcNow();
            connection = new StoredConnection(key, connectionType, endpoint, authDataKind, authData, Guid.NewGuid().ToString(),
                NextVersion(), now, now) { Status = _statusRules.StatusOf(endpoint, authData) };
            _items.Add(key, connection);
            return true;
        }
    }

    public StoredConnection? Get(ConnectionKey key)
    {
        lock (_gate) return _items.GetValueOrDefault(key);
    }

    /// <summary>Replaces the credential when <paramref name="expectedVersion"/> is the current one.</summary>
    public UpdateResult Update(ConnectionKey key, string expectedVersion, string authDataKind, string authData)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(key, out var current)) return new UpdateResult(UpdateStatus.NotFound, null);
            if (!string.Equals(current.ResourceVersion, expectedVersion, StringComparison.Ordinal))
                return new UpdateResult(UpdateStatus.StaleVersion, current);

            var updated = current with
            {
                AuthDataKind = authDataKind,
                AuthData = authData,
                ResourceVersion = NextVersion(),
                UpdatedAt = _clock.GetUtcNow(),
                Status = _statusRules.StatusOf(current.Endpoint, authData),
            };
            _items[key] = updated;
            return new UpdateResult(UpdateStatus.Updated, updated);
        }
    }

    /// <summary>
    /// Overrides the status the rules gave, until the next write computes it again. The status is the service's to report,
    /// not part of what a client writes, so the resource version stays.
    /// </summary>
    /// <returns>The connection with its new status, or null when there is none.</returns>
    public StoredConnection? SetStatus(ConnectionKey key, ConnectionStatus status)
    {
        lock (_gate)
        {
            if (!_items.TryGetValue(key, out var current)) return null;
            return _items[key] = current with { Status = status };
        }
    }

    public bool Delete(ConnectionKey key)
    {
        lock (_gate) return _items.Remove(key);
    }

    /// <summary>
    /// One page of an environment's connections in name order, starting after <paramref name="afterName"/>.
    /// A name cursor (not an offset) keeps pages stable while others create and delete between requests.
    /// </summary>
    public IReadOnlyList<StoredConnection> Page(string organizationId, string environmentId, string? connectionType,
        string? afterName, int pageSize, out bool hasMore)
    {
        lock (_gate)
        {
            var matching = _items.Values
                .Where(c => c.Key.OrganizationId == organizationId && c.Key.EnvironmentId == environmentId)
                .Where(c => connectionType is null || c.ConnectionType == connectionType)
                .Where(c => afterName is null || string.CompareOrdinal(c.Key.Name, afterName) > 0)
                .OrderBy(c => c.Key.Name, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
            hasMore = matching.Count > pageSize;
            return hasMore ? matching.GetRange(0, pageSize) : matching;
        }
    }

    public IReadOnlyList<StoredConnection> All()
    {
        lock (_gate)
            return _items.Values.OrderBy(c => c.Key.OrganizationId, StringComparer.Ordinal)
                .ThenBy(c => c.Key.EnvironmentId, StringComparer.Ordinal)
                .ThenBy(c => c.Key.Name, StringComparer.Ordinal).ToList();
    }

    public void Clear()
    {
        lock (_gate) _items.Clear();
    }

    // Opaque to clients, unique for the store's lifetime (never reused after a delete and re-create).
    private string NextVersion() => $"rv{++_lastVersion:x}";
}
