using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Runs every request through the resilience pipeline its <see cref="CallPlan"/> asks for, records each attempt, and
/// turns a final transport failure or timeout into <see cref="FlinkApiException"/>. The caller's own cancellation is
/// left as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class RetryingHttpHandler(
    ResiliencePipeline<HttpResponseMessage> operations,
    ResiliencePipeline<HttpResponseMessage> lookups,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(CallPlan.OptionKey, out var plan))
        {
            plan = new CallPlan(CallKind.Operation, deadline: null);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceKeys.Request, request);
        context.Properties.Set(ResilienceKeys.Plan, plan);
        var clock = Stopwatch.StartNew();
        try
        {
            var pipeline = plan.Kind == CallKind.ResolvingLookup ? lookups : operations;
            var response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                    await state.handler.AttemptAsync(state.request, state.plan.Attempts, ctx.CancellationToken).ConfigureAwait(false),
                context, (handler: this, request, plan)).ConfigureAwait(false);
            logger.LogDebug("Flink API {Method} {Path} answered {Status} after {Attempts} attempt(s) in {ElapsedMs} ms",
                request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, plan.Attempts.Sent, clock.ElapsedMilliseconds);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                   ex is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw TransportFailure(request, ex, plan.Attempts.Sent, clock.Elapsed);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, AttemptLog attempts, CancellationToken token)
    {
        attempts.RecordSent();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, token).ConfigureAwait(false);
            // Read the body inside the attempt so a connection dropped mid-body is retried like any other drop.
            await response.Content.LoadIntoBufferAsync(token).ConfigureAwait(false);
            attempts.RecordAnswer(response.StatusCode);
            return response;
        }
        catch (Exception failure)
        {
            response?.Dispose();
            attempts.RecordFailure(failure);
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
        // Each retry was a warning already and the caller reports the failure itself: one more warning would repeat it.
        logger.LogDebug("{Message}", message);
        return new FlinkApiException(message, innerException: ex);
    }
}
