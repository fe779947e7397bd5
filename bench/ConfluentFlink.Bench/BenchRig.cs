using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace ConfluentFlink.Bench;

/// <summary>
/// What every measurement shares: the in-process emulator (the backend), a stub engine for the plugin's logs,
/// and the way to start a plugin configured as after the engine's Configure. The direct-HTTP baseline talks to
/// the same emulator, so both sides pay the same backend cost.
/// </summary>
public sealed class BenchRig : IAsyncDisposable
{
    public const string OrganizationId = "org-bench";
    public const string EnvironmentId = "env-bench";
    public const string Type = "confluentflink:index:FlinkConnection";
    private const string ApiSecret = "bench-api-secret";

    private BenchRig(FlinkApiEmulatorServer emulator, EngineStub engine, string pluginBinary)
    {
        Emulator = emulator;
        Engine = engine;
        PluginBinary = pluginBinary;
        Direct = new DirectApi(emulator.BaseAddress, EmulatorOptions.DefaultApiKey, ApiSecret, OrganizationId, EnvironmentId);
    }

    public FlinkApiEmulatorServer Emulator { get; }
    public EngineStub Engine { get; }
    public string PluginBinary { get; }
    public DirectApi Direct { get; }

    public static async Task<BenchRig> StartAsync(string pluginBinary)
    {
        var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiSecret = ApiSecret, DefaultPageSize = 100 });
        var engine = await EngineStub.StartAsync();
        return new BenchRig(emulator, engine, pluginBinary);
    }

    /// <summary>A plugin launched as the engine launches it (engine address argument), not yet configured.</summary>
    public Task<PluginProcess> LaunchAsync() =>
        PluginProcess.StartAsync(new PluginStartOptions { BinaryPath = PluginBinary, EngineAddress = Engine.Address });

    /// <summary>A plugin launched and configured with every Flink setting pointing at the emulator.</summary>
    public async Task<PluginProcess> StartConfiguredAsync()
    {
        var plugin = await LaunchAsync();
        await plugin.Client.ConfigureAsync(new ConfigureRequest
        {
            AcceptSecrets = true,
            AcceptResources = true,
            Args = new FlinkSettings(Emulator.BaseAddress, OrganizationId, EnvironmentId, EmulatorOptions.DefaultApiKey, ApiSecret).ProviderConfig(),
        });
        return plugin;
    }

    public static Struct Inputs(string name) => Wire.Struct(
        ("displayName", name),
        ("type", DirectApi.ConnectionType),
        ("endpoint", DirectApi.Endpoint),
        ("apiKey", Wire.Secret(DirectApi.ApiKeyFor(name))));

    public static string Urn(string name) => $"urn:pulumi:bench::bench::{Type}::{name}";

    public static string IdFor(string name) => $"{OrganizationId}/{EnvironmentId}/{name}";

    /// <summary>Check as the engine runs it before a Create: gives the inputs the Create then receives.</summary>
    public static async Task<Struct> CheckAsync(ResourceProvider.ResourceProviderClient client, string name)
    {
        var checkedInputs = await client.CheckAsync(new CheckRequest { Urn = Urn(name), Type = Type, Olds = new Struct(), News = Inputs(name) });
        return checkedInputs.Failures.Count == 0
            ? checkedInputs.Inputs
            : throw new InvalidOperationException(string.Join("; ", checkedInputs.Failures.Select(f => $"{f.Property}: {f.Reason}")));
    }

    public static async Task<CreateResponse> CreateAsync(ResourceProvider.ResourceProviderClient client, string name, Struct checkedInputs) =>
        await client.CreateAsync(new CreateRequest { Urn = Urn(name), Type = Type, Properties = checkedInputs });

    public static async Task<ReadResponse> ReadAsync(ResourceProvider.ResourceProviderClient client, string name, Struct outputs, Struct inputs) =>
        await client.ReadAsync(new ReadRequest { Urn = Urn(name), Type = Type, Id = IdFor(name), Properties = outputs, Inputs = inputs });

    public static async Task DeleteAsync(ResourceProvider.ResourceProviderClient client, string name, Struct outputs, Struct inputs) =>
        await client.DeleteAsync(new DeleteRequest { Urn = Urn(name), Type = Type, Id = IdFor(name), Properties = outputs, OldInputs = inputs });

    public async ValueTask DisposeAsync()
    {
        Direct.Dispose();
        await Engine.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
