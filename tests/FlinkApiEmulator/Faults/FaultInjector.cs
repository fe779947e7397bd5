namespace ConfluentFlink.FlinkApiEmulator.Faults;

public enum FaultAction { None, Fail, Drop, CommitThenFail }

/// <summary>
/// What happens to one request: an optional delay, then at most one fault. <see cref="AnswerHoldMs"/> is how long a
/// commit-then-fail holds the lost answer after the write.
/// </summary>
public readonly record struct FaultDecision(int DelayMs, FaultAction Action, int Status, int? RetryAfterSeconds, int AnswerHoldMs = 0)
{
    public static readonly FaultDecision Healthy = new(0, FaultAction.None, 0, null);
}

/// <summary>
/// Holds the current <see cref="FaultPlan"/> and hands out one decision per API request. Counters and the storm's
/// random generator change under one lock, so N concurrent requests consume exactly N injected faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private FaultPlan _plan = new();
    private Random? _storm;

    /// <summary>The plan with the counters as they are now.</summary>
    public FaultPlan Current
    {
        get { lock (_gate) return _plan; }
    }

    /// <exception cref="ArgumentException">The plan is not usable (the message says why).</exception>
    public void Set(FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Problem() is { } problem) throw new ArgumentException(problem, nameof(plan));
        lock (_gate)
        {
            _plan = plan;
            _storm = plan.Storm is { } storm ? new Random(storm.Seed) : null;
        }
    }

    public void Clear() => Set(new FaultPlan());

    /// <param name="method">The request's HTTP method: only writes (POST, PUT, DELETE) can commit and then fail.</param>
    public FaultDecision Next(string method)
    {
        lock (_gate)
        {
            var plan = _plan;
            var delay = plan.DelayMs;
            if (plan.HoldNext > 0 && (plan.HoldMethod is null || string.Equals(plan.HoldMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                _plan = plan = plan with { HoldNext = plan.HoldNext - 1 };
                delay += plan.HoldMs;
            }
            if (plan.Storm is { } storm && _storm is { } random)
            {
                // Two draws per request, always, so one seed gives the same sequence whatever the outcomes were.
                var failureRoll = random.NextDouble();
                var slowRoll = random.NextDouble();
                if (slowRoll < storm.PSlow) delay += storm.SlowMs;
                if (plan.DropNext == 0 && plan.FailNext == 0 && StormFault(storm, failureRoll, plan.RetryAfterSeconds) is { } stormFault)
                    return stormFault with { DelayMs = delay };
            }

            if (plan.DropNext > 0)
            {
                _plan = plan with { DropNext = plan.DropNext - 1 };
                return new FaultDecision(delay, FaultAction.Drop, 0, null);
            }

            if (plan.FailNext > 0 && (plan.FailMethod is null || string.Equals(plan.FailMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                _plan = plan with { FailNext = plan.FailNext - 1 };
                return new FaultDecision(delay, FaultAction.Fail, plan.FailStatus, RetryAfterFor(plan.FailStatus, plan.RetryAfterSeconds));
            }

            if (plan.CommitThenFailNext > 0 && IsWrite(method) &&
                (plan.CommitThenFailMethod is null || string.Equals(plan.CommitThenFailMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                _plan = plan with { CommitThenFailNext = plan.CommitThenFailNext - 1 };
                return new FaultDecision(delay, FaultAction.CommitThenFail, plan.CommitThenFailStatus, null, plan.CommitThenFailAfterMs);
            }

            return FaultDecision.Healthy with { DelayMs = delay };
        }
    }

    private static FaultDecision? StormFault(StormPlan storm, double roll, int? retryAfterSeconds)
    {
        if ((roll -= storm.PDrop) < 0) return new FaultDecision(0, FaultAction.Drop, 0, null);
        if ((roll -= storm.P503) < 0) return new FaultDecision(0, FaultAction.Fail, 503, RetryAfterFor(503, retryAfterSeconds));
        if ((roll -= storm.P500) < 0) return new FaultDecision(0, FaultAction.Fail, 500, null);
        if ((roll -= storm.P429) < 0) return new FaultDecision(0, FaultAction.Fail, 429, RetryAfterFor(429, retryAfterSeconds));
        return null;
    }

    private static int? RetryAfterFor(int status, int? seconds) => status is 429 or 503 ? seconds : null;

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
}
