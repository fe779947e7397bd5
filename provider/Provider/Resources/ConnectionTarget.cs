using System.Diagnostics.CodeAnalysis;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Values;

using ConfluentFlink.Provider.Contract;

namespace ConfluentFlink.Provider.Resources;

/// <summary>Every Flink setting of one connection, resolved to a known value.</summary>
public sealed class ConnectionTarget
{
    private readonly IReadOnlyDictionary<Setting, string> _values;

    private ConnectionTarget(IReadOnlyDictionary<Setting, string> values) => _values = values;

    public string this[Setting setting] => _values[setting];
    public ConnectionScope Scope => new(this[Setting.Organization], this[Setting.Environment]);
    public string IdFor(string name) => ConnectionId.Format(Scope, name);

    /// <summary>
    /// Resolves every setting through <paramref name="source"/>; missing or still-unknown ones are one error naming
    /// each and the three places to supply it (Check reports the same earlier, so this only fires when Check was bypassed).
    /// </summary>
    public static ConnectionTarget Resolve(Func<Setting, PropertyValue> source) =>
        TryResolve(source, out var target, out var problems)
            ? target
            : throw new ProviderUserException(string.Join("; ", problems.Select(p => p.Reason)));

    /// <summary>Resolves every setting, or says of each one that cannot be what is wrong, on its property path.</summary>
    public static bool TryResolve(Func<Setting, PropertyValue> source, [NotNullWhen(true)] out ConnectionTarget? target,
        out IReadOnlyList<CheckFailure> problems)
    {
        var values = new Dictionary<Setting, string>();
        var found = new List<CheckFailure>();
        foreach (var setting in Setting.All)
        {
            if (source(setting) is StringValue { Value.Length: > 0 } value)
            {
                // Check validates it too, but Read, Delete and Invoke take it from state or config without a Check.
                if (setting.ValueProblem(value.Value) is { } problem)
                    found.Add(new CheckFailure(setting.ResourcePath, $"{setting.ResourcePath} {problem}"));
                else
                    values[setting] = value.Value;
            }
            else
                found.Add(new CheckFailure(setting.ResourcePath, setting.MissingMessage));
        }
        problems = found;
        target = found.Count == 0 ? new ConnectionTarget(values) : null;
        return target is not null;
    }

    public FlinkApiSettings ApiSettings(int maxRetries) => new()
    {
        RestEndpoint = new Uri(this[Setting.RestEndpoint]),
        ApiKey = this[Setting.ApiKey],
        ApiSecret = this[Setting.ApiSecret],
        MaxRetries = maxRetries,
    };

    public override string ToString() => $"{Scope.OrganizationId}/{Scope.EnvironmentId} at {this[Setting.RestEndpoint]}";
}
