namespace ConfluentFlink.FlinkApiEmulator.Status;

/// <summary>
/// A connection's <c>status</c> as the API reports it: a phase (READY, UNREACHABLE, INVALID_AUTH, or any other string, the
/// list being extensible) and why it is in it. JSON (camelCase on the admin paths): <c>{"phase":"UNREACHABLE","detail":"..."}</c>.
/// </summary>
public sealed record ConnectionStatus(string Phase, string? Detail = null)
{
    public static readonly ConnectionStatus Ready = new("READY");
}
