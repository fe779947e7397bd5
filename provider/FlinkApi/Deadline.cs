using System.Diagnostics;

namespace ConfluentFlink.FlinkApi;

/// <summary>A moment on the monotonic clock by which a call must have ended; wall-clock changes cannot move it.</summary>
internal readonly record struct Deadline(long Timestamp)
{
    public static Deadline After(TimeSpan span) => new(Stopwatch.GetTimestamp() + Ticks(span));

    public TimeSpan Remaining => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Timestamp);

    public bool HasPassed => Remaining <= TimeSpan.Zero;

    public Deadline Earlier(TimeSpan span) => new(Timestamp - Ticks(span));

    public static Deadline Earliest(Deadline first, Deadline second) => first.Timestamp <= second.Timestamp ? first : second;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
