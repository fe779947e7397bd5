namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Counts how many times the resilience handler sent one logical call. A create needs it to tell
/// "my own earlier attempt created this" (a 409 after a retry) from a plain duplicate (a 409 on the first try).
/// Travels in <see cref="HttpRequestMessage.Options"/>, where Refit's <c>[Property]</c> puts it.
/// </summary>
internal sealed class AttemptLog
{
    public const string OptionName = "ConfluentFlink.Attempts";
    public static readonly HttpRequestOptionsKey<AttemptLog> OptionKey = new(OptionName);

    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public void RecordSent() => Interlocked.Increment(ref _sent);
}
