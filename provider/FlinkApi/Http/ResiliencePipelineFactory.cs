using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Builds the one pipeline every call runs through: total timeout (outer) → retry → per-attempt timeout (inner).
/// Only answers that a later attempt can change are retried: 429, 500/502/503/504, transport failures and
/// attempts that hit their own timeout. Any other 4xx is final.
/// </summary>
internal static class ResiliencePipelineFactory
{
    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    public static ResiliencePipeline<HttpResponseMessage> Create(FlinkApiSettings settings, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.TotalTimeout });

        // Polly refuses zero retry attempts, so "no retries" means no retry strategy at all.
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, settings.MaxDelay)),
                OnRetry = args =>
                {
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout }).Build();
    }

    public static bool IsTransientStatus(HttpStatusCode status) => TransientStatuses.Contains(status);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken token) => outcome switch
    {
        // Once the caller (or the total timeout) cancelled, nothing is worth another attempt.
        _ when token.IsCancellationRequested => false,
        // A name that does not resolve or a TLS handshake that fails will not heal within a retry budget.
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } } => false,
        { Exception: HttpRequestException or IOException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    /// <summary>A server that says when to come back is believed, up to <paramref name="maxDelay"/>.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } delay) return null;
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        return delay > maxDelay ? maxDelay : delay;
    }

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        if (!args.Context.Properties.TryGetValue(ResilienceKeys.Request, out var request)) return;
        var reason = args.Outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode}"
            : $"{args.Outcome.Exception!.GetType().Name}: {args.Outcome.Exception.Message}";
        logger.LogWarning("Flink API {Method} {Path} failed ({Reason}); retry {Retry} in {DelayMs} ms",
            request.Method, request.RequestUri?.AbsolutePath, reason, args.AttemptNumber + 1,
            (long)args.RetryDelay.TotalMilliseconds);
    }
}

internal static class ResilienceKeys
{
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("ConfluentFlink.Request");
}
