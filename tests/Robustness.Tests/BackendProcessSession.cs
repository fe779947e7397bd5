using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The published plugin configured against the published emulator running as its own process, so that a test can
/// kill the backend mid-call (open connections reset, new ones refused). Its API secret is fresh, for secret scans.
/// </summary>
public sealed class BackendProcessSession : IAsyncDisposable
{
    private bool _backendAlive = true;

    private BackendProcessSession(EmulatorProcess backend, PluginProcess plugin, string apiSecret)
    {
        Backend = backend;
        Plugin = plugin;
        ApiSecret = apiSecret;
        Admin = new EmulatorAdminClient(backend.BaseUrl);
    }

    public EmulatorProcess Backend { get; }
    public EmulatorAdminClient Admin { get; }
    public PluginProcess Plugin { get; }
    public string ApiSecret { get; }

    public static async Task<BackendProcessSession> StartAsync(int maxRetries)
    {
        var apiSecret = "api-secret-" + Guid.NewGuid().ToString("N");
        var backend = await EmulatorProcess.StartAsync(new Dictionary<string, string?> { ["FLINK_API_SECRET"] = apiSecret });
        try
        {
            return new BackendProcessSession(backend, await PluginSession.StartConfiguredPluginAsync(backend.BaseUrl, apiSecret, maxRetries),
                apiSecret);
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    public async Task KillBackendAsync()
    {
        _backendAlive = false;
        await Backend.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Plugin.DisposeAsync();
        if (_backendAlive) await Backend.DisposeAsync();
    }
}
