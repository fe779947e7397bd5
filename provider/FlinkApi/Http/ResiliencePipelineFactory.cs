using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Builds the pipelines every call runs through: total timeout (outer) → retry → per-attempt timeout (inner).
/// Only answers that a later attempt can change are retried: 429, 500/502/503/504, transport failures and
/// attempts that hit their own timeout. Any other 4xx is final. The total timeout is the call's deadline when its
/// <see cref="CallPlan"/> has one (an operation budget), else the settings' bound.
/// </summary>
internal static class ResiliencePipelineFactory
{
    // The resolving lookup runs inside a small reserve of the operation's budget: a few quick tries, each wait at
    // most a second whatever Retry-After says, rather than a second full round of the operation's retries.
    private const int LookupRetries = 5;
    private static readonly TimeSpan LookupBaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LookupMaxDelay = TimeSpan.FromSeconds(1);

    // Polly applies no timeout at all for zero or less, so a deadline already passed still gets a (tiny) one.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(1);

    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    private sealed record RetryLimits(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, TimeSpan TotalTimeout);

    public static ResiliencePipeline<HttpResponseMessage> ForOperations(FlinkApiSettings settings, ILogger logger) =>
        Build(new RetryLimits(settings.MaxRetries, settings.BaseDelay, settings.MaxDelay, settings.AttemptTimeout, settings.TotalTimeout), logger);

    public static ResiliencePipeline<HttpResponseMessage> ForResolvingLookups(FlinkApiSettings settings, ILogger logger) =>
        Build(new RetryLimits(LookupRetries, LookupBaseDelay, LookupMaxDelay,
            settings.AttemptTimeout < settings.LookupTimeout ? settings.AttemptTimeout : settings.LookupTimeout,
            settings.LookupTimeout), logger);

    public static bool IsTransientStatus(HttpStatusCode status) => TransientStatuses.Contains(status);

    private static ResiliencePipeline<HttpResponseMessage> Build(RetryLimits limits, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(TotalTimeout(args.Context, limits.TotalTimeout)),
                // Timers may fire a hair before the deadline they were set from: the plan is told, not left to the clock.
                OnTimeout = args =>
                {
                    if (args.Context.Properties.TryGetValue(ResilienceKeys.Plan, out var plan) && plan.Deadline is not null)
                        plan.EndedByDeadline = true;
                    return ValueTask.CompletedTask;
                },
            });

        // Polly refuses zero retry attempts, so "no retries" means no retry strategy at all.
        if (limits.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = limits.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = limits.BaseDelay,
                MaxDelay = limits.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, limits.MaxDelay)),
                OnRetry = args =>
                {
                    LogRetry(logger, args, limits.MaxRetries + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(new TimeoutStrategyOptions { Timeout = limits.AttemptTimeout }).Build();
    }

    private static TimeSpan TotalTimeout(ResilienceContext context, TimeSpan fallback)
    {
        if (!context.Properties.TryGetValue(ResilienceKeys.Plan, out var plan) || plan.Deadline is not { } deadline) return fallback;
        var remaining = deadline.Remaining;
        return remaining > ShortestTimeout ? remaining : ShortestTimeout;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken token) => outcome switch
    {
        // Once the caller (or the total timeout) cancelled, nothing is worth another attempt.
        _ when token.IsCancellationRequested => false,
        { Exception: { } failure } when TransportFailures.IsPermanent(failure) => false,
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

    /// <summary>One warning per retry: what is retried, why, which attempt comes next and after how long. Never a body.</summary>
    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args, int maxAttempts)
    {
        if (!args.Context.Properties.TryGetValue(ResilienceKeys.Request, out var request)) return;
        var reason = args.Outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode}"
            : TransportFailures.Describe(args.Outcome.Exception!);
        logger.LogWarning("Flink API {Method} {Path} failed ({Reason}); retrying: attempt {Attempt} of {MaxAttempts} in {DelayMs} ms",
            request.Method, request.RequestUri?.AbsolutePath, reason, args.AttemptNumber + 2, maxAttempts,
            (long)args.RetryDelay.TotalMilliseconds);
    }
}

internal static class ResilienceKeys
{
    public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("ConfluentFlink.Request");
    public static readonly ResiliencePropertyKey<CallPlan> Plan = new("ConfluentFlink.CallPlan");
}
