using System.Net.Http.Json;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Hosting;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Admin;

/// <summary>
/// Drives the <c>/_emulator/</c> paths of a running emulator, in this process or another one (tests, benchmark, demo).
/// </summary>
public sealed class EmulatorAdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    /// <param name="baseAddress">The emulator's base URL, as its first stdout line prints it.</param>
    public EmulatorAdminClient(Uri baseAddress) : this(new HttpClient { BaseAddress = baseAddress }, ownsClient: true)
    {
    }

    /// <param name="http">A client whose BaseAddress is the emulator's base URL; it stays the caller's to dispose.</param>
    public EmulatorAdminClient(HttpClient http) : this(http, ownsClient: false)
    {
    }

    private EmulatorAdminClient(HttpClient http, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(http.BaseAddress, nameof(http) + ".BaseAddress");
        _http = http;
        _ownsClient = ownsClient;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync("/_emulator/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Replaces the fault plan; answers it as the emulator now holds it.</summary>
    public Task<FaultPlan> SetFaultsAsync(FaultPlan plan, CancellationToken cancellationToken = default) =>
        PutAsync<FaultPlan>("/_emulator/faults", plan, cancellationToken);

    public Task<FaultPlan> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<FaultPlan>("/_emulator/faults", cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) => DeleteAsync("/_emulator/faults", cancellationToken);

    /// <summary>Replaces the status rules (the first match wins); answers them as the emulator now holds them.</summary>
    public Task<List<StatusRule>> SetStatusRulesAsync(IReadOnlyList<StatusRule> rules, CancellationToken cancellationToken = default) =>
        PutAsync<List<StatusRule>>("/_emulator/status-rules", rules, cancellationToken);

    public Task<List<StatusRule>> GetStatusRulesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<StatusRule>>("/_emulator/status-rules", cancellationToken);

    public Task ClearStatusRulesAsync(CancellationToken cancellationToken = default) => DeleteAsync("/_emulator/status-rules", cancellationToken);

    /// <summary>Overrides one connection's status until its next write; answers the connection as now stored.</summary>
    public Task<StoredConnectionView> SetConnectionStatusAsync(ConnectionKey key, ConnectionStatus status,
        CancellationToken cancellationToken = default) =>
        PutAsync<StoredConnectionView>(
            $"/_emulator/connections/{Uri.EscapeDataString(key.OrganizationId)}/{Uri.EscapeDataString(key.EnvironmentId)}/" +
            $"{Uri.EscapeDataString(key.Name)}/status", status, cancellationToken);

    public Task<StatsSnapshot> GetStatsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<StatsSnapshot>("/_emulator/stats", cancellationToken);

    public Task ResetStatsAsync(CancellationToken cancellationToken = default) => DeleteAsync("/_emulator/stats", cancellationToken);

    public Task<List<StoredConnectionView>> ListConnectionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<StoredConnectionView>>("/_emulator/connections", cancellationToken);

    public Task ResetStoreAsync(CancellationToken cancellationToken = default) => DeleteAsync("/_emulator/connections", cancellationToken);

    /// <summary>Empties the store, clears faults and zeroes the statistics.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("/_emulator/reset", content: null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    private async Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync(path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"Emulator admin {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered " +
            $"{(int)response.StatusCode}: {body}", null, response.StatusCode);
    }
}
