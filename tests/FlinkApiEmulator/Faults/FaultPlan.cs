namespace ConfluentFlink.FlinkApiEmulator.Faults;

/// <summary>
/// What the emulator should do wrong, set at run time (<c>PUT /_emulator/faults</c> or <see cref="FaultInjector.Set"/>).
/// Counters are used up by API requests (the admin paths never consume them). Setting a plan replaces the previous one.
/// JSON (camelCase): <c>{"failNext":2,"failStatus":429,"retryAfterSeconds":1,"dropNext":1,"delayMs":200,"holdNext":1,"holdMs":5000,
/// "commitThenFailNext":1,"commitThenFailStatus":500,"commitThenFailMethod":"POST","commitThenFailAfterMs":60000,
/// "storm":{"seed":7,"p503":0.2,"p429":0.1,"pDrop":0.05,"pSlow":0.1,"slowMs":200}}</c>.
/// </summary>
public sealed record FaultPlan
{
    /// <summary>Answer the next N requests with <see cref="FailStatus"/> without touching the store.</summary>
    public int FailNext { get; init; }
    public int FailStatus { get; init; } = 503;
    /// <summary>Only requests of this method (e.g. "GET") consume <see cref="FailNext"/>; null means any request.</summary>
    public string? FailMethod { get; init; }
    /// <summary>Sent as Retry-After with injected 429 and 503 answers when set.</summary>
    public int? RetryAfterSeconds { get; init; }
    /// <summary>Abort the connection of the next N requests without an answer.</summary>
    public int DropNext { get; init; }
    /// <summary>Delay every answer by this many milliseconds.</summary>
    public int DelayMs { get; init; }
    /// <summary>
    /// Hold the next N requests for <see cref="HoldMs"/> before handling them. A client that gives up meanwhile leaves
    /// nothing behind: a held request is carried out only if its connection is still open when the hold ends.
    /// </summary>
    public int HoldNext { get; init; }
    public int HoldMs { get; init; }
    /// <summary>Only requests of this method (e.g. "PUT") are held; null means any request.</summary>
    public string? HoldMethod { get; init; }
    /// <summary>
    /// Carry out the next N writes (POST, PUT, DELETE) but lose the answer: reply <see cref="CommitThenFailStatus"/>
    /// instead, or drop the connection when it is 0. This is how "an earlier attempt did succeed" is produced.
    /// </summary>
    public int CommitThenFailNext { get; init; }
    public int CommitThenFailStatus { get; init; } = 500;
    /// <summary>Only writes of this method (e.g. "POST") commit and lose their answer; null means any write.</summary>
    public string? CommitThenFailMethod { get; init; }
    /// <summary>
    /// How long the lost answer is held after the write committed, before it fails: time for a test to kill the
    /// emulator while the client still waits, or for the client's own timeout to run out.
    /// </summary>
    public int CommitThenFailAfterMs { get; init; }
    /// <summary>Random faults on every request, reproducible from a seed.</summary>
    public StormPlan? Storm { get; init; }

    private static readonly string[] WriteMethods = ["POST", "PUT", "DELETE"];
    private static readonly string[] HttpMethodNames = ["GET", .. WriteMethods];

    /// <summary>Why this plan cannot be used, or null when it can.</summary>
    public string? Problem()
    {
        if (FailNext < 0 || DropNext < 0 || DelayMs < 0 || HoldNext < 0 || HoldMs < 0 || CommitThenFailNext < 0 || CommitThenFailAfterMs < 0)
            return "failNext, dropNext, delayMs, holdNext, holdMs, commitThenFailNext and commitThenFailAfterMs must be 0 or more";
        if (new[] { FailMethod, HoldMethod }.Any(m => m is not null && !HttpMethodNames.Contains(m)))
            return "failMethod and holdMethod must be GET, POST, PUT or DELETE";
        if (CommitThenFailMethod is not null && !WriteMethods.Contains(CommitThenFailMethod))
            return "commitThenFailMethod must be POST, PUT or DELETE";
        if (FailStatus is < 400 or > 599) return "failStatus must be an HTTP error status (400-599)";
        if (CommitThenFailStatus != 0 && CommitThenFailStatus is < 400 or > 599)
            return "commitThenFailStatus must be 0 (drop the connection) or an HTTP error status (400-599)";
        if (RetryAfterSeconds is < 0) return "retryAfterSeconds must be 0 or more";
        return Storm?.Problem();
    }
}

/// <summary>Probabilities per request (each 0..1, the failure ones summing to at most 1) and the slow-answer delay.</summary>
public sealed record StormPlan
{
    public int Seed { get; init; }
    public double P503 { get; init; }
    public double P500 { get; init; }
    public double P429 { get; init; }
    public double PDrop { get; init; }
    /// <summary>Chance that a request is delayed by <see cref="SlowMs"/> (independent of the failures).</summary>
    public double PSlow { get; init; }
    public int SlowMs { get; init; } = 200;

    public string? Problem()
    {
        double[] all = [P503, P500, P429, PDrop, PSlow];
        if (all.Any(p => p is < 0 or > 1 || double.IsNaN(p))) return "storm probabilities must each be between 0 and 1";
        if (P503 + P500 + P429 + PDrop > 1) return "storm p503 + p500 + p429 + pDrop must not exceed 1";
        if (SlowMs < 0) return "storm slowMs must be 0 or more";
        return null;
    }
}
