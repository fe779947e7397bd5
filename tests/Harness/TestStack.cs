using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Provider;
using ConfluentFlink.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Pulumirpc;

namespace ConfluentFlink.Harness;

/// <summary>Where the plugin under test runs: in the test process (fast, and seen by mutation testing) or as the published executable.</summary>
public enum PluginHosting { InProcess, Process }

/// <summary>How a <see cref="TestStack"/> starts. The defaults give a plugin configured with provider settings against an empty emulator.</summary>
public sealed record StackOptions
{
    public PluginHosting Hosting { get; init; } = PluginHosting.InProcess;

    /// <summary>
    /// The plugin's environment variables. In-process it sees exactly these; as a process these come on top of the
    /// inherited environment, from which every variable the provider reads is removed first, so the machine's own
    /// settings never leak into a test.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>As a process, the flags the engine may pass before its address (<c>--logtostderr</c>, <c>-v=9</c>, <c>--tracing url</c>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Whether the engine configures the provider with <see cref="TestStack.ProviderConfig"/> before the test starts.</summary>
    public bool Configured { get; init; } = true;

    public int MaxRetries { get; init; } = 2;

    /// <summary>The emulator's clock behind created_at; tests move it to make a connection look old.</summary>
    public TimeProvider EmulatorClock { get; init; } = TimeProvider.System;

    /// <summary>The plugin executable when hosted as a process; defaults to the published one in bin/.</summary>
    public string? PluginBinary { get; init; }
}

/// <summary>
/// The one way tests, the demo and the bench start the plugin: a Flink API emulator on loopback, a stub engine that
/// records the plugin's Log calls, the plugin started as the engine starts it (in-process or as a process) and, unless
/// asked otherwise, configured by a <see cref="MiniEngine"/> with every Flink setting in provider config.
/// </summary>
public sealed class TestStack : IAsyncDisposable
{
    public const string Organization = "1111aaaa-11aa-11aa-11aa-111111aaaaaa";
    public const string Environment = "env-test1";
    public const string ComputePool = "lfcp-test1";
    public const string Principal = "sa-test1";
    public const string FlinkKey = "FLINKKEYTEST";

    private readonly IAsyncDisposable _plugin;
    private readonly GrpcChannel _channel;
    private readonly Func<string> _pluginOutput;

    private TestStack(FlinkApiEmulatorServer emulator, EngineStub engineLog, IAsyncDisposable plugin, GrpcChannel channel, Func<string> pluginOutput,
        string flinkSecret, int maxRetries)
    {
        Emulator = emulator;
        EngineLog = engineLog;
        _plugin = plugin;
        _channel = channel;
        _pluginOutput = pluginOutput;
        FlinkSecret = flinkSecret;
        MaxRetries = maxRetries;
        Client = new ResourceProvider.ResourceProviderClient(channel);
        Engine = new MiniEngine(Client);
    }

    public FlinkApiEmulatorServer Emulator { get; }
    public EngineStub EngineLog { get; }
    public ResourceProvider.ResourceProviderClient Client { get; }
    public MiniEngine Engine { get; }

    /// <summary>The plugin's process, for its stdout, stderr and liveness; null when it runs in the test process.</summary>
    public PluginProcess? Process => _plugin as PluginProcess;

    /// <summary>Fresh per stack, so that a secret scan can look for it.</summary>
    public string FlinkSecret { get; }

    public int MaxRetries { get; }

    public string Endpoint => Emulator.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Everything a user could see: the plugin's stdout and stderr (as a process) and every Log call the engine received.</summary>
    public string Transcript => _pluginOutput() + "\n" + EngineLog.Transcript;

    public static async Task<TestStack> StartAsync(StackOptions? options = null)
    {
        options ??= new StackOptions();
        var secret = "flink-secret-" + Guid.NewGuid().ToString("N")[..12];
        var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiKey = FlinkKey, ApiSecret = secret, Clock = options.EmulatorClock });
        var engineLog = await EngineStub.StartAsync();
        TestStack stack;
        if (options.Hosting == PluginHosting.InProcess)
        {
            var host = await Plugin.StartAsync(engineLog.Address, name => options.Environment.GetValueOrDefault(name));
            stack = new TestStack(emulator, engineLog, host, GrpcChannel.ForAddress($"http://127.0.0.1:{host.Port}"), () => "", secret, options.MaxRetries);
        }
        else
        {
            var environment = ProviderVariables.ToDictionary(v => v, _ => (string?)null);
            foreach (var (name, value) in options.Environment) environment[name] = value;
            var process = await PluginProcess.StartAsync(new PluginStartOptions
            {
                EngineAddress = engineLog.Address, Environment = environment, BinaryPath = options.PluginBinary, Flags = options.Flags,
            });
            stack = new TestStack(emulator, engineLog, process, process.Channel, () => process.Transcript, secret, options.MaxRetries);
        }
        if (options.Configured && await stack.Engine.ConfigureAsync(stack.ProviderConfig()) is { Count: > 0 } failures)
            throw new InvalidOperationException("the provider refused the test's config: " + string.Join("; ", failures.Select(f => f.Reason)));
        return stack;
    }

    /// <summary>Provider config naming every Flink setting, the API secret as a secret; <c>version</c> is the key the engine always adds.</summary>
    public Struct ProviderConfig() => Wire.Struct(
        ("organizationId", Organization), ("environmentId", Environment), ("flinkComputePoolId", ComputePool), ("flinkPrincipalId", Principal),
        ("flinkRestEndpoint", Endpoint), ("flinkApiKey", FlinkKey), ("flinkApiSecret", Wire.Secret(FlinkSecret)), ("version", Plugin.Version),
        ("maxRetries", MaxRetries));

    /// <summary><paramref name="inputs"/> with every Flink setting as the resource's own blocks.</summary>
    public Struct OnResource(Struct inputs)
    {
        var result = inputs.Clone();
        result.Fields["organization"] = Wire.ToValue(Wire.Struct(("id", Organization)));
        result.Fields["environment"] = Wire.ToValue(Wire.Struct(("id", Environment)));
        result.Fields["computePool"] = Wire.ToValue(Wire.Struct(("id", ComputePool)));
        result.Fields["principal"] = Wire.ToValue(Wire.Struct(("id", Principal)));
        result.Fields["restEndpoint"] = Value.ForString(Endpoint);
        result.Fields["credentials"] = Wire.ToValue(Wire.Struct(("key", FlinkKey), ("secret", Wire.Secret(FlinkSecret))));
        return result;
    }

    /// <summary>The resource id of a connection in the stack's organization and environment.</summary>
    public static string IdOf(string name) => $"{Organization}/{Environment}/{name}";

    /// <summary>What the emulator holds for a connection of the stack's environment.</summary>
    public StoredConnection? Stored(string name) => Emulator.Store.Get(new ConnectionKey(Organization, Environment, name));

    /// <summary>Every variable the provider reads: the settings', the import variables and the import credentials'.</summary>
    public static IReadOnlyList<string> ProviderVariables { get; } = ConnectionCatalog.Embedded.Settings
        .SelectMany(s => new[] { s.EnvironmentVariable, s.ImportVariable })
        .Concat(ConnectionCatalog.Embedded.AuthData.Select(e => e.ImportVariable)).Distinct().ToList();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _plugin.DisposeAsync();
        await EngineLog.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
