using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Runs every request through the resilience pipeline and turns a final transport failure or timeout into
/// <see cref="FlinkApiException"/>. The caller's own cancellation is left as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(AttemptLog.OptionKey, out var attempts))
        {
            attempts = new AttemptLog();
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceKeys.Request, request);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    state.attempts.RecordSent();
                    var answer = await state.handler.SendOnceAsync(state.request, ctx.CancellationToken).ConfigureAwait(false);
                    return answer;
                },
                context, (handler: this, request, attempts)).ConfigureAwait(false);
            logger.LogDebug("Flink API {Method} {Path} answered {Status} after {Attempts} attempt(s) in {ElapsedMs} ms",
                request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, attempts.Sent, clock.ElapsedMilliseconds);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                   ex is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw TransportFailure(request, ex, attempts.Sent, clock.Elapsed);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken token)
    {
        var response = await base.SendAsync(request, token).ConfigureAwait(false);
        try
        {
            // Read the body inside the attempt so a connection dropped mid-body is retried like any other drop.
            await response.Content.LoadIntoBufferAsync(token).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private FlinkApiException TransportFailure(HttpRequestMessage request, Exception ex, int attempts, TimeSpan elapsed)
    {
        var host = request.RequestUri?.Authority ?? "the Flink API";
        // Transport messages name hosts and sockets, never headers or bodies, so they are safe to pass on.
        var reason = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        var message = $"Confluent API unreachable: {request.Method} {request.RequestUri?.AbsolutePath} to {host} failed: " +
                      $"{reason}, after {attempts} attempt(s) in {elapsed.TotalSeconds:0.0} s";
        logger.LogWarning("{Message}", message);
        return new FlinkApiException(message, innerException: ex);
    }
}
