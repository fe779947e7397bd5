using System.Globalization;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// How long one Pulumi operation (a create, an update, a delete) may take, and the token of the engine's Cancel.
/// Pulumi's <c>customTimeouts</c> and Cancel bound the operation as a whole, while <see cref="FlinkApiSettings"/>
/// only bounds each HTTP call: every call the operation makes, retries and the lookup that settles a lost answer
/// included, takes the same budget so that all of them end by the operation's deadline.
/// </summary>
public sealed class OperationBudget
{
    /// <param name="timeout">From now, as the engine's custom timeout says; null keeps the per-call bounds of the settings.</param>
    /// <param name="cancellation">Ends everything at once: retries, waits and the settling lookup.</param>
    public OperationBudget(TimeSpan? timeout, CancellationToken cancellation)
    {
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An operation's timeout must be positive; pass null for none.");
        Timeout = timeout;
        Cancellation = cancellation;
        End = timeout is { } span ? Deadline.After(span) : null;
    }

    public TimeSpan? Timeout { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>A bare token is an operation without a custom timeout: the settings' per-call bounds apply.</summary>
    public static implicit operator OperationBudget(CancellationToken cancellation) => new(null, cancellation);

    internal Deadline? End { get; }

    /// <summary>
    /// The slice kept back for the lookup that settles a lost answer: <paramref name="lookupTimeout"/> or a quarter of
    /// the timeout, whichever is smaller, so a short timeout is not eaten by the lookup alone.
    /// </summary>
    internal TimeSpan LookupReserve(TimeSpan lookupTimeout) =>
        Timeout is { } timeout && timeout / 4 < lookupTimeout ? timeout / 4 : lookupTimeout;

    /// <summary>The deadline of the operation's own requests: the end of the budget less the lookup's reserve.</summary>
    internal Deadline? RequestDeadline(TimeSpan lookupTimeout) => End?.Earlier(LookupReserve(lookupTimeout));

    /// <summary>The deadline of a settling lookup: its own bound, and never past the end of the budget.</summary>
    internal Deadline LookupDeadline(TimeSpan lookupTimeout)
    {
        var own = Deadline.After(lookupTimeout);
        return End is { } end ? Deadline.Earliest(own, end) : own;
    }

    /// <summary>"the 30 s custom timeout", for messages; only meaningful when <see cref="Timeout"/> is set.</summary>
    internal string TimeoutText =>
        $"the {Timeout.GetValueOrDefault().TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s custom timeout";

    public override string ToString() => Timeout is null ? "OperationBudget { no custom timeout }" : $"OperationBudget {{ {TimeoutText} }}";
}

/// <summary>A moment on the monotonic clock by which a call must have ended; wall-clock changes cannot move it.</summary>
internal readonly record struct Deadline(long Timestamp)
{
    public static Deadline After(TimeSpan span) => new(System.Diagnostics.Stopwatch.GetTimestamp() + Ticks(span));

    public TimeSpan Remaining => System.Diagnostics.Stopwatch.GetElapsedTime(System.Diagnostics.Stopwatch.GetTimestamp(), Timestamp);

    public bool HasPassed => Remaining <= TimeSpan.Zero;

    public Deadline Earlier(TimeSpan span) => new(Timestamp - Ticks(span));

    public static Deadline Earliest(Deadline first, Deadline second) => first.Timestamp <= second.Timestamp ? first : second;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
}
