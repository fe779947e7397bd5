using System.Net;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.FlinkApiEmulator.Api;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Hosting;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ConfluentFlink.FlinkApiEmulator;

/// <summary>
/// A running emulator of the Flink SQL API's Connections paths on 127.0.0.1, with its store, fault injector, status rules
/// and request statistics reachable in-process. The standalone process (Program) is this same server.
/// </summary>
public sealed class FlinkApiEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FlinkApiEmulatorServer(WebApplication app, Uri baseAddress, ConnectionStore store, FaultInjector faults,
        StatusRules statusRules, RequestStats stats)
    {
        _app = app;
        BaseAddress = baseAddress;
        Store = store;
        Faults = faults;
        StatusRules = statusRules;
        Stats = stats;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:43567/</c>.</summary>
    public Uri BaseAddress { get; }
    public ConnectionStore Store { get; }
    public FaultInjector Faults { get; }
    public StatusRules StatusRules { get; }
    public RequestStats Stats { get; }

    /// <summary>An admin client for this server (the same one another process would use).</summary>
    public EmulatorAdminClient CreateAdminClient() => new(BaseAddress);

    public static async Task<FlinkApiEmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "EmulatorOptions.Port must be 0 (any free port) to 65535.");
        if (string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(options.ApiSecret))
            throw new ArgumentException("EmulatorOptions.ApiKey and ApiSecret must not be empty.", nameof(options));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FlinkApiEmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        ConfigureLogging(builder.Logging, options);
        if (!options.HandleProcessSignals) builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();

        var statusRules = new StatusRules();
        var store = new ConnectionStore(options.Clock, statusRules);
        var faults = new FaultInjector();
        var stats = new RequestStats();
        var app = builder.Build();
        var requestLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ConfluentFlink.FlinkApiEmulator.Requests");

        app.UseRequestId();
        app.UseStats(stats, requestLogger);
        app.UseFaults(faults);
        app.UseBasicAuth(options.ApiKey, options.ApiSecret);
        app.UseRoutingFailures();
        app.MapAdmin(store, faults, statusRules, stats);
        app.MapConnections(store, options.DefaultPageSize);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FlinkApiEmulatorServer(app, new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/"),
            store, faults, statusRules, stats);
    }

    /// <summary>Completes when the host stops (Ctrl-C or SIGTERM for the standalone process).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, EmulatorOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.MinimumLogLevel);
        // ASP.NET's own per-request chatter adds nothing to the emulator's one line per request.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.LogToStandardError)
            logging.AddSimpleConsole(console => console.SingleLine = true)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        if (options.LoggerProvider is { } provider) logging.AddProvider(provider);
    }

    /// <summary>A host lifetime that ignores process signals, so an emulator inside a test run never stops the test host's.</summary>
    private sealed class InProcessLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
