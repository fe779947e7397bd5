extern alias harness;
using ConfluentFlink.Provider.Protocol;
using Grpc.Net.Client;
using harness::Pulumirpc;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>The plugin's gRPC host, served in the test process over a <see cref="FakeProvider"/> and called over real h2c.</summary>
internal sealed class InProcessPlugin : IAsyncDisposable
{
    private readonly PluginHost _host;

    private InProcessPlugin(PluginHost host, FakeProvider provider)
    {
        _host = host;
        Provider = provider;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Port}");
        Client = new ResourceProvider.ResourceProviderClient(Channel);
    }

    public FakeProvider Provider { get; }
    public GrpcChannel Channel { get; }
    public ResourceProvider.ResourceProviderClient Client { get; }

    public static async Task<InProcessPlugin> StartAsync(string? engineAddress = null)
    {
        var provider = new FakeProvider();
        var host = await PluginHost.StartAsync(new PluginArguments(engineAddress), logger =>
        {
            provider.Logger = logger;
            return provider;
        });
        return new InProcessPlugin(host, provider);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _host.DisposeAsync();
    }
}
