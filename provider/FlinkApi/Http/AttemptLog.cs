using System.Net;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// What the attempts of one logical call did. Whether any of them may have reached the service tells a failure that
/// settles the outcome (nothing was sent) from one whose answer may be lost (the service may have acted on it).
/// </summary>
internal sealed class AttemptLog
{
    private int _sent;
    private int _mayHaveReached;
    private string? _lastOutcome;

    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Attempts that got an answer, or failed after a connection was made.</summary>
    public int MayHaveReached => Volatile.Read(ref _mayHaveReached);

    /// <summary>"HTTP 503", "connection dropped", ...: safe for messages.</summary>
    public string LastOutcome => Volatile.Read(ref _lastOutcome) ?? "no attempt finished";

    public void RecordSent() => Interlocked.Increment(ref _sent);

    public void RecordAnswer(HttpStatusCode status)
    {
        Interlocked.Increment(ref _mayHaveReached);
        Volatile.Write(ref _lastOutcome, $"HTTP {(int)status}");
    }

    public void RecordFailure(Exception failure)
    {
        if (!TransportFailures.NeverReachedService(failure)) Interlocked.Increment(ref _mayHaveReached);
        Volatile.Write(ref _lastOutcome, TransportFailures.Describe(failure));
    }
}
