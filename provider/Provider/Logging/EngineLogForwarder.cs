using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using Pulumirpc;

namespace ConfluentFlink.Provider.Logging;

/// <summary>
/// Sends log records to the engine's <c>pulumirpc.Engine/Log</c> so they show in <c>pulumi up</c>.
/// Best effort by design: records queue in a bounded buffer (the oldest are dropped when the engine is slow),
/// a single background pump sends them in order, and a failing engine never slows or fails a provider call.
/// Records posted before the engine address is known wait in the buffer.
/// </summary>
internal sealed class EngineLogForwarder : IAsyncDisposable
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<LogRequest> _queue = Channel.CreateBounded<LogRequest>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly object _connectLock = new();
    private GrpcChannel? _channel;
    private Task _pump = Task.CompletedTask;

    /// <summary>Starts forwarding to the engine at <paramref name="address"/> (host:port); later calls are ignored.</summary>
    public void Connect(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }
        lock (_connectLock)
        {
            if (_channel is not null)
            {
                return;
            }
            _channel = GrpcChannel.ForAddress(address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address);
            var client = new Engine.EngineClient(_channel);
            _pump = Task.Run(() => PumpAsync(client));
        }
    }

    /// <param name="urn">The resource the record is about, so the engine shows it under that resource; "" for none.</param>
    public void Post(LogSeverity severity, string message, string urn) =>
        _queue.Writer.TryWrite(new LogRequest { Severity = severity, Message = message, Urn = urn, Ephemeral = false });

    private async Task PumpAsync(Engine.EngineClient client)
    {
        var reportedFailure = false;
        await foreach (var record in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await client.LogAsync(record, deadline: DateTime.UtcNow + SendTimeout);
            }
            catch (RpcException exception) when (!reportedFailure)
            {
                // Written to stderr directly: logging it would feed the failure back into this queue.
                reportedFailure = true;
                await Console.Error.WriteLineAsync($"confluentflink: cannot forward logs to the engine ({exception.StatusCode}); they still go to stderr");
            }
            catch (RpcException)
            {
            }
        }
    }

    /// <summary>Sends what is still queued (briefly) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(_pump, Task.Delay(DrainTimeout));
        _channel?.Dispose();
    }
}
