using System.Net;
using ConfluentFlink.Provider.Logging;
using ConfluentFlink.Provider.Contract;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// The gRPC server of the plugin: Kestrel on 127.0.0.1 with a free port, HTTP/2 without TLS (what the engine
/// dials), the ResourceProvider service over the given <see cref="IProvider"/>, logs to stderr and to the
/// engine. Built on the empty web host so the first call is answered quickly after process start.
/// </summary>
public sealed class PluginHost : IAsyncDisposable
{
    // Pulumi's own providers accept messages this large (big states travel in one Struct).
    private const int MaxMessageBytes = 400 * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly EngineLogForwarder _engineLog;

    private PluginHost(WebApplication app, EngineLogForwarder engineLog, int port)
    {
        _app = app;
        _engineLog = engineLog;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts serving; <paramref name="createProvider"/> gets the logger the provider should use.</summary>
    public static async Task<PluginHost> StartAsync(PluginIdentity identity, string? engineAddress, Func<ILogger, IProvider> createProvider)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            // The engine runs up to 4 x CPUs calls at once on one connection.
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1024;
        });

        var engineLog = new EngineLogForwarder();
        engineLog.Connect(engineAddress);
        builder.Logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Grpc", LogLevel.Warning)
            .AddProvider(new StderrLoggerProvider())
            .AddProvider(new EngineLoggerProvider(engineLog));

        builder.Services.AddSingleton(engineLog);
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton<ProviderCancellation>();
        builder.Services.AddSingleton(services =>
            createProvider(services.GetRequiredService<ILoggerFactory>().CreateLogger("ConfluentFlink.Provider")));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<SecretRedaction>();
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.MaxSendMessageSize = MaxMessageBytes;
        });

        var app = builder.Build();
        app.MapGrpcService<ResourceProviderService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PluginHost(app, engineLog, new Uri(address).Port);
    }

    /// <summary>Completes when the host is asked to stop (SIGTERM, Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _engineLog.DisposeAsync(); // after the stop, so shutdown records reach the engine too
        await _app.DisposeAsync();
    }
}
