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
    /// each and both ways to supply it (Check reports the same earlier, so this only fires when Check was bypassed).
    /// </summary>
    public static ConnectionTarget Resolve(Func<Setting, PropertyValue> source)
    {
        var values = new Dictionary<Setting, string>();
        var problems = new List<string>();
        foreach (var setting in Setting.All)
        {
            if (source(setting) is StringValue { Value.Length: > 0 } value)
            {
                // Check validates it too, but Read, Delete and Invoke take it from state or config without a Check.
                if (setting == Setting.RestEndpoint && RestEndpointRule.Check(value.Value) is { } problem)
                    problems.Add($"{setting.ResourcePath} {problem}");
                else
                    values[setting] = value.Value;
            }
            else
                problems.Add(setting.MissingMessage);
        }
        return problems.Count == 0 ? new ConnectionTarget(values) : throw new ProviderUserException(string.Join("; ", problems));
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
