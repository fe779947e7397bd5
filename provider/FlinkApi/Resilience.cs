using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>Which retries a call gets.</summary>
internal enum CallKind
{
    /// <summary>A request of the operation itself: the settings' retries.</summary>
    Operation,

    /// <summary>The GET that finds out whether a write whose answer was lost happened: quick, few retries.</summary>
    ResolvingLookup,
}

/// <summary>What one attempt of a call got: an HTTP answer, or the failure that took its place.</summary>
internal sealed record Attempt(IApiResponse? Response, Exception? Failure)
{
    /// <summary>
    /// Whether the service may have seen the request: it answered, or the failure came after a connection was made. A
    /// request that never left this machine (name not resolved, connection refused, TLS failed) settles the outcome.
    /// </summary>
    public bool MayHaveReached => Response is not null || Failure is not HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
    };

    /// <summary>Only answers that a later attempt can change are retried: 429, 500/502/503/504, and transport failures.</summary>
    public bool IsTransient => Response is { StatusCode: { } status }
        ? status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        // A name that does not resolve or a TLS handshake that fails will not heal within a retry budget.
        : Failure is not HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    /// <summary>"HTTP 503", "connection dropped", ...: for logs and messages, never a header or a body.</summary>
    public string Outcome => Response is { StatusCode: { } answered } ? $"HTTP {(int)answered}" : Failure switch
    {
        TimeoutException timeout => timeout.Message,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection refused or unreachable",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before the answer",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown and var kind } => $"transport failure ({kind})",
        _ => "connection dropped",
    };
}

/// <summary>A call as messages name it: what it does for the user ("create of connection 'c1'") and its HTTP request ("POST /sql/v1/...").</summary>
internal sealed record CallName(string Operation, string Request);

/// <summary>
/// The attempts one call made and how it ended: the final answer, or the failure that ended it (retries spent, the
/// deadline passed, or the caller cancelled). Returned, never thrown, so the caller can judge whether an answer was lost.
/// </summary>
internal sealed record Exchange(IReadOnlyList<Attempt> Attempts, IApiResponse? Response, FlinkApiException? Failure, bool Cancelled)
{
    public bool MayHaveReached => Attempts.Any(a => a.MayHaveReached);

    /// <summary>
    /// The caller's deadline ended the call. Told here because the timer that ends it may fire a moment before the
    /// deadline's own <see cref="Deadline.HasPassed"/> turns true.
    /// </summary>
    public bool DeadlinePassed { get; init; }
}

/// <summary>
/// The retry pipelines every call runs through, built once per client: retry (outer) → per-attempt timeout (inner).
/// The call's own bound (the operation's deadline, or the settings' total timeout) cancels the whole call.
/// </summary>
internal sealed class Resilience
{
    // The resolving lookup runs inside a small reserve of the operation's budget: a few quick tries, each wait at most a
    // second whatever Retry-After says, rather than a second full round of the operation's retries.
    private const int LookupRetries = 5;
    private static readonly TimeSpan LookupBaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LookupMaxDelay = TimeSpan.FromSeconds(1);
    private static readonly ResiliencePropertyKey<string> Description = new("ConfluentFlink.Call");

    private readonly FlinkApiSettings _settings;
    private readonly ResiliencePipeline<Attempt> _operations;
    private readonly ResiliencePipeline<Attempt> _lookups;

    public Resilience(FlinkApiSettings settings, ILogger logger)
    {
        _settings = settings;
        _operations = Build(settings.MaxRetries, settings.BaseDelay, settings.MaxDelay, settings.AttemptTimeout, logger);
        _lookups = Build(LookupRetries, LookupBaseDelay, LookupMaxDelay,
            settings.AttemptTimeout < settings.LookupTimeout ? settings.AttemptTimeout : settings.LookupTimeout, logger);
    }

    /// <summary>
    /// Sends a request until it gets a final answer, runs out of retries, or <paramref name="deadline"/> (else the
    /// settings' total timeout) passes.
    /// </summary>
    public async Task<Exchange> SendAsync(CallKind kind, CallName name, Deadline? deadline, OperationBudget budget,
        Func<CancellationToken, Task<IApiResponse>> send)
    {
        var attempts = new List<Attempt>();
        var clock = Stopwatch.StartNew();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(budget.Cancellation);
        var limit = deadline?.Remaining ?? _settings.TotalTimeout;
        bound.CancelAfter(limit > TimeSpan.Zero ? limit : TimeSpan.FromMilliseconds(1));

        var context = ResilienceContextPool.Shared.Get(bound.Token);
        context.Properties.Set(Description, name.Request);
        try
        {
            var last = await (kind == CallKind.ResolvingLookup ? _lookups : _operations).ExecuteAsync(
                static async (ctx, state) => await AttemptAsync(state.send, state.attempts, ctx.CancellationToken, state.bound).ConfigureAwait(false),
                context, (send, attempts, bound: bound.Token)).ConfigureAwait(false);
            return last.Response is not null
                ? new Exchange(attempts, last.Response, null, Cancelled: false)
                : new Exchange(attempts, null, Unreachable(name, last, attempts.Count, clock.Elapsed), Cancelled: false);
        }
        catch (OperationCanceledException) when (budget.Cancellation.IsCancellationRequested)
        {
            return new Exchange(attempts, null, null, Cancelled: true);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            var last = attempts.LastOrDefault();
            var text = $"{attempts.Count} attempt(s), last: {last?.Outcome ?? "no attempt finished"}";
            // A lookup has a bound of its own, often shorter than what is left of the custom timeout: name the one it had.
            return new Exchange(attempts, null, kind == CallKind.Operation && deadline is not null && budget.Timeout is not null
                ? new FlinkApiException($"The {name.Operation} did not finish within {budget.TimeoutText} ({text})")
                : new FlinkApiException($"Confluent API unreachable: {name.Request} to {_settings.RestEndpoint.Authority} did not finish within " +
                                        $"{limit.TotalSeconds:0.###} s ({text})"), Cancelled: false) { DeadlinePassed = deadline is not null };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task<Attempt> AttemptAsync(Func<CancellationToken, Task<IApiResponse>> send, List<Attempt> attempts,
        CancellationToken attemptToken, CancellationToken callToken)
    {
        Attempt attempt;
        try
        {
            attempt = new Attempt(await send(attemptToken).ConfigureAwait(false), null);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException
                                        || (failure is OperationCanceledException && !callToken.IsCancellationRequested))
        {
            // An attempt token cancelled while the call's is not: the attempt's own timeout fired.
            attempt = new Attempt(null, failure is OperationCanceledException ? new TimeoutException("no answer in time") : failure);
        }
        catch (OperationCanceledException)
        {
            // The request was on its way when the call was cut: the service may have seen it.
            attempts.Add(new Attempt(null, new TimeoutException("no answer in time")));
            throw;
        }
        attempts.Add(attempt);
        return attempt;
    }

    private FlinkApiException Unreachable(CallName name, Attempt last, int count, TimeSpan elapsed)
    {
        if (last.Failure is null) throw new InvalidOperationException("an answered attempt is not a transport failure");
        // Transport messages name hosts and sockets, never headers or bodies, so they are safe to pass on.
        var reason = last.Failure.InnerException is { } inner ? $"{last.Failure.Message} ({inner.Message})" : last.Failure.Message;
        return new FlinkApiException($"Confluent API unreachable: {name.Request} to {_settings.RestEndpoint.Authority} failed: {reason}, " +
                                     $"after {count} attempt(s) in {elapsed.TotalSeconds:0.0} s", innerException: last.Failure);
    }

    private static ResiliencePipeline<Attempt> Build(int retries, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan attemptTimeout, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<Attempt>();
        // Polly refuses zero retry attempts, so "no retries" means no retry strategy at all.
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(!args.Context.CancellationToken.IsCancellationRequested && args.Outcome.Result is { IsTransient: true }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result?.Response, maxDelay)),
                OnRetry = args =>
                {
                    // One warning per retry: what is retried, why, which attempt comes next and after how long. Never a body.
                    logger.LogWarning("Flink API {Call} failed ({Reason}); retrying: attempt {Attempt} of {MaxAttempts} in {DelayMs} ms",
                        args.Context.Properties.GetValue(Description, "call"), args.Outcome.Result?.Outcome, args.AttemptNumber + 2, retries + 1,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.AddTimeout(attemptTimeout).Build();
    }

    /// <summary>A server that says when to come back is believed, up to <paramref name="maxDelay"/>.</summary>
    private static TimeSpan? RetryAfter(IApiResponse? response, TimeSpan maxDelay)
    {
        var header = response?.Headers?.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } delay) return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > maxDelay ? maxDelay : delay;
    }
}
