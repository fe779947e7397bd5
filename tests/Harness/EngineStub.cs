using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Pulumirpc;

namespace ConfluentFlink.Harness;

/// <summary>
/// Plays the Pulumi engine's side of the plugin protocol: an h2c gRPC server implementing
/// <c>pulumirpc.Engine</c> that records every Log call (and keeps the root resource), so tests can check what
/// the plugin would show in <c>pulumi up</c>. Pass <see cref="Address"/> as <see cref="PluginStartOptions.EngineAddress"/>.
/// </summary>
public sealed class EngineStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Recorder _recorder;

    private EngineStub(WebApplication app, Recorder recorder, int port)
    {
        _app = app;
        _recorder = recorder;
        Address = $"127.0.0.1:{port}";
    }

    /// <summary>host:port, the form the engine passes to plugins.</summary>
    public string Address { get; }

    /// <summary>Every Log call received so far, in arrival order.</summary>
    public IReadOnlyList<LogRequest> Logs => _recorder.Logs.ToArray();

    /// <summary>All logged messages, for searching.</summary>
    public string Transcript => string.Join("\n", Logs.Select(log => $"{log.Severity}: {log.Message}"));

    public static async Task<EngineStub> StartAsync()
    {
        var recorder = new Recorder();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(recorder);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<EngineService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EngineStub(app, recorder, new Uri(address).Port);
    }

    /// <summary>Waits until a Log call matching <paramref name="predicate"/> has arrived (or throws TimeoutException).</summary>
    public async Task<LogRequest> WaitForLogAsync(Func<LogRequest, bool> predicate, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Taken before looking, so a call arriving in between still wakes the wait.
            var next = _recorder.NextLog;
            var match = Logs.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching Log call within {timeout}; received:\n{Transcript}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Recorder
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<LogRequest> Logs { get; } = new();

        public string RootResource { get; set; } = "";

        public void Add(LogRequest log)
        {
            Logs.Enqueue(log);
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        /// <summary>Completes when the next Log call arrives.</summary>
        public Task NextLog => Volatile.Read(ref _next).Task;
    }

    private sealed class EngineService(Recorder recorder) : Engine.EngineBase
    {
        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            recorder.Add(request);
            return Task.FromResult(new Empty());
        }

        public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context) =>
            Task.FromResult(new GetRootResourceResponse { Urn = recorder.RootResource });

        public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context)
        {
            recorder.RootResource = request.Urn;
            return Task.FromResult(new SetRootResourceResponse());
        }
    }
}
