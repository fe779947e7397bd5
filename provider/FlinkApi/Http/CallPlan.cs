namespace ConfluentFlink.FlinkApi.Http;

internal enum CallKind
{
    /// <summary>A request of the operation itself: the settings' retries.</summary>
    Operation,

    /// <summary>The GET that finds out whether a write whose answer was lost happened: quick, few retries.</summary>
    ResolvingLookup,
}

/// <summary>
/// What one logical call asks of <see cref="RetryingHttpHandler"/> beyond the HTTP request (which retries, and by
/// when it must end) and what the handler reports back (its attempts). Travels in
/// <see cref="HttpRequestMessage.Options"/>, where Refit's <c>[Property]</c> puts it.
/// </summary>
internal sealed class CallPlan(CallKind kind, Deadline? deadline)
{
    public const string OptionName = "ConfluentFlink.CallPlan";
    public static readonly HttpRequestOptionsKey<CallPlan> OptionKey = new(OptionName);

    public CallKind Kind { get; } = kind;

    /// <summary>Null: the settings' total timeout bounds the call.</summary>
    public Deadline? Deadline { get; } = deadline;

    public AttemptLog Attempts { get; } = new();

    /// <summary>Set when the call's deadline, rather than the settings' total timeout, ended it.</summary>
    public bool EndedByDeadline { get; set; }

    public bool DeadlinePassed => EndedByDeadline || Deadline is { HasPassed: true };
}
