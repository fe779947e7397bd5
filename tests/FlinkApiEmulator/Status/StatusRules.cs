using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Status;

/// <summary>
/// The status rules in force, set at run time (<c>PUT /_emulator/status-rules</c> or <see cref="Set"/>). The store asks them
/// for a connection's status on every create and every credential update; the first rule that matches decides, else READY.
/// </summary>
public sealed class StatusRules
{
    private volatile IReadOnlyList<StatusRule> _rules = [];

    public IReadOnlyList<StatusRule> Current => _rules;

    /// <summary>Replaces the rules; order matters, the first match wins.</summary>
    /// <exception cref="ArgumentException">A rule is not usable (the message says which and why).</exception>
    public void Set(IReadOnlyList<StatusRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Problem(rules) is { } problem) throw new ArgumentException(problem, nameof(rules));
        _rules = rules.ToList();
    }

    public void Clear() => _rules = [];

    /// <summary>Why these rules cannot be used, or null when they can.</summary>
    public static string? Problem(IReadOnlyList<StatusRule?> rules) =>
        rules.Select((rule, i) => rule is null ? $"rule {i + 1} is null" : rule.Problem() is { } problem ? $"rule {i + 1}: {problem}" : null)
            .FirstOrDefault(p => p is not null);

    internal ConnectionStatus StatusOf(string endpoint, string authData)
    {
        var credentialValues = AuthDataEntries.Read(authData)?.Strings.Values ?? [];
        return _rules.FirstOrDefault(rule => rule.Matches(endpoint, credentialValues)) is { } rule
            ? new ConnectionStatus(rule.Phase, rule.Detail)
            : ConnectionStatus.Ready;
    }
}
