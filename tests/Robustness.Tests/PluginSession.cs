using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The published plugin configured against an in-process emulator, as after the engine's
/// Handshake/CheckConfig/Configure: every Flink setting from provider config, the API secret as a secret.
/// The emulator's API secret is fresh per session so secret scans can look for it.
/// </summary>
public sealed class PluginSession : IAsyncDisposable
{
    public const string OrganizationId = "org-robust";
    public const string EnvironmentId = "env-robust";

    /// <summary>The resource id of a connection in the session's organization and environment.</summary>
    public static string IdOf(string name) => $"{OrganizationId}/{EnvironmentId}/{name}";

    /// <summary>What the emulator holds in the session's organization and environment.</summary>
    public static async Task<List<StoredConnectionView>> StoredInScopeAsync(EmulatorAdminClient admin, CancellationToken cancellationToken = default) =>
        (await admin.ListConnectionsAsync(cancellationToken))
        .Where(c => c.OrganizationId == OrganizationId && c.EnvironmentId == EnvironmentId)
        .ToList();

    private PluginSession(FlinkApiEmulatorServer emulator, PluginProcess plugin, string apiSecret)
    {
        Emulator = emulator;
        Plugin = plugin;
        ApiSecret = apiSecret;
        Admin = emulator.CreateAdminClient();
    }

    public FlinkApiEmulatorServer Emulator { get; }
    public EmulatorAdminClient Admin { get; }
    public PluginProcess Plugin { get; }
    public ResourceProvider.ResourceProviderClient Client => Plugin.Client;
    public string ApiSecret { get; }

    public static async Task<PluginSession> StartAsync(int maxRetries)
    {
        var apiSecret = "api-secret-" + Guid.NewGuid().ToString("N");
        var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiSecret = apiSecret });
        try
        {
            return new PluginSession(emulator, await StartConfiguredPluginAsync(emulator.BaseAddress, apiSecret, maxRetries), apiSecret);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The plugin, configured as the engine does against <paramref name="restEndpoint"/>; stopped again if that fails.</summary>
    public static async Task<PluginProcess> StartConfiguredPluginAsync(Uri restEndpoint, string apiSecret, int maxRetries)
    {
        var plugin = await PluginProcess.StartAsync();
        try
        {
            await plugin.Client.ConfigureAsync(new ConfigureRequest
            {
                AcceptSecrets = true,
                AcceptResources = true,
                Args = ProviderConfig(restEndpoint, apiSecret, maxRetries),
            });
            return plugin;
        }
        catch
        {
            await plugin.DisposeAsync();
            throw;
        }
    }

    /// <summary>Provider config naming every Flink setting, so resources need only their own properties.</summary>
    public static Struct ProviderConfig(Uri restEndpoint, string apiSecret, int maxRetries) =>
        new FlinkSettings(restEndpoint, OrganizationId, EnvironmentId, EmulatorOptions.DefaultApiKey, apiSecret).ProviderConfig(maxRetries);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Plugin.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
