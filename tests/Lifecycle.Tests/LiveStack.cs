using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Lifecycle.Tests;

/// <summary>
/// The real plugin process started as the engine starts it (engine address argument, a stub engine receiving
/// Log calls), an emulator on loopback, and a <see cref="MiniEngine"/> driving the plugin. Every secret the tests
/// use is listed in <see cref="Secrets"/> so that the transcripts can be scanned for them.
/// </summary>
internal sealed class LiveStack : IAsyncDisposable
{
    public const string Token = "confluentflink:index:FlinkConnection";
    public const string Organization = "org-live";
    public const string Environment = "env-live";
    public const string FlinkKey = "FLINKKEYLIVE";
    public const string FlinkSecret = "flink-secret-L9p3wq";

    public static readonly List<string> Secrets = [FlinkSecret];

    private LiveStack(FlinkApiEmulatorServer emulator, EngineStub engine, PluginProcess plugin)
    {
        Emulator = emulator;
        EngineLog = engine;
        Plugin = plugin;
        Engine = new MiniEngine(plugin.Client, Token);
    }

    public FlinkApiEmulatorServer Emulator { get; }
    public EngineStub EngineLog { get; }
    public PluginProcess Plugin { get; }
    public MiniEngine Engine { get; }

    public static async Task<LiveStack> StartAsync(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiKey = FlinkKey, ApiSecret = FlinkSecret });
        var engine = await EngineStub.StartAsync();
        // The tests' own environment must not leak settings into the plugin: each test says what the plugin sees.
        var env = new Dictionary<string, string?>(SettingVariables.ToDictionary(v => v, _ => (string?)null));
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            env[name] = value;
        var plugin = await PluginProcess.StartAsync(new PluginStartOptions
        {
            EngineAddress = engine.Address, Flags = ["--logtostderr", "-v=9"], Environment = env,
        });
        return new LiveStack(emulator, engine, plugin);
    }

    private static readonly string[] SettingVariables =
    [
        "CONFLUENT_ORGANIZATION_ID", "CONFLUENT_ENVIRONMENT_ID", "FLINK_COMPUTE_POOL_ID", "FLINK_PRINCIPAL_ID", "FLINK_REST_ENDPOINT",
        "FLINK_API_KEY", "FLINK_API_SECRET", "API_KEY", "AWS_ACCESS_KEY_ID_CONNECTION", "AWS_SECRET_ACCESS_KEY_CONNECTION",
        "AWS_SESSION_TOKEN_CONNECTION", "SERVICE_KEY", "USERNAME", "PASSWORD", "BEARER_TOKEN", "OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID",
        "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE", "SSE_ENDPOINT", "TRANSPORT_TYPE",
    ];

    public FlinkSettings Settings => new(Emulator.BaseAddress, Organization, Environment, FlinkKey, FlinkSecret);

    /// <summary>A stack whose engine has configured the provider against its own emulator.</summary>
    public static async Task<LiveStack> StartConfiguredAsync(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var stack = await StartAsync(environment);
        await stack.ConfigureAsync(stack);
        return stack;
    }

    /// <summary>Configures this stack's provider against <paramref name="backend"/>'s emulator (another stack's, for an import).</summary>
    public Task ConfigureAsync(LiveStack backend) => Engine.ConfigureAsync(backend.ProviderConfig, "confluentflink");

    /// <summary>Provider settings: everything in provider config, the Flink secret as a secret.</summary>
    public Struct ProviderConfig => Settings.ProviderConfig(maxRetries: 2);

    public StoredConnection? Stored(string name) => Emulator.Store.Get(new ConnectionKey(Organization, Environment, name));

    /// <summary>Everything a user could see: plugin stdout/stderr and every Log call the engine received.</summary>
    public string Transcript => Plugin.Transcript + "\n" + EngineLog.Transcript;

    public async ValueTask DisposeAsync()
    {
        await Plugin.DisposeAsync();
        await EngineLog.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
