using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>
/// Applies <see cref="AuthDataRules"/> to the auth_data.data of a POST or PUT. Details name keys and what the type accepts;
/// the only values they repeat are AUTH_TYPE's and those of a closed-list setting, which are labels rather than credentials.
/// </summary>
internal static class AuthDataCheck
{
    private const string Pointer = "/spec/auth_data/data";
    private const string AuthType = AuthDataEntries.AuthTypeKey;

    /// <summary>Every key some type accepts: a key outside it is unknown rather than merely misplaced.</summary>
    private static readonly IReadOnlySet<string> KnownKeys =
        AuthDataRules.ByType.Values.SelectMany(AcceptedKeys).ToHashSet(StringComparer.Ordinal);

    public static RuleViolation? Check(string connectionType, string data)
    {
        var rules = AuthDataRules.ByType[connectionType];
        var entries = AuthDataEntries.Read(data);
        if (entries is null)
            return Violation($"spec.auth_data.data must be a JSON object of string values. {Accepts(connectionType, rules)}");

        return CheckShape(entries)
            ?? CheckKeysAccepted(connectionType, rules, entries)
            ?? CheckNoneEmpty(entries)
            ?? (rules.ChoosesByAuthType
                ? CheckChosenGroup(connectionType, rules, entries)
                : CheckComplete(connectionType, rules.Groups[0], entries))
            ?? CheckSettings(rules, entries);
    }

    private static RuleViolation? CheckShape(AuthDataEntries entries)
    {
        if (entries.NonStringKeys.Count > 0)
            return Violation($"spec.auth_data.data must be a JSON object of string values; not a string: {Keys(entries.NonStringKeys)}.");
        if (entries.RepeatedKeys.Count > 0)
            return Violation($"spec.auth_data.data gives a key more than once: {Keys(entries.RepeatedKeys)}.");
        return null;
    }

    private static RuleViolation? CheckKeysAccepted(string connectionType, TypeCredentials rules, AuthDataEntries entries)
    {
        var accepted = AcceptedKeys(rules).ToHashSet(StringComparer.Ordinal);
        var misplaced = entries.Keys.Where(k => !accepted.Contains(k) && KnownKeys.Contains(k)).ToList();
        var unknown = entries.Keys.Where(k => !KnownKeys.Contains(k)).ToList();
        if (misplaced.Count == 0 && unknown.Count == 0) return null;

        var problems = new List<string>();
        if (misplaced.Count > 0) problems.Add($"{connectionType} does not accept {List(misplaced)}.");
        if (unknown.Count > 0) problems.Add($"Not an auth_data key of any connection type: {Keys(unknown)}.");
        return Violation($"{string.Join(" ", problems)} {Accepts(connectionType, rules)}");
    }

    private static RuleViolation? CheckNoneEmpty(AuthDataEntries entries)
    {
        var empty = entries.Strings.Where(e => e.Value.Length == 0).Select(e => e.Key).ToList();
        return empty.Count == 0 ? null : Violation($"spec.auth_data.data has an empty value for {List(empty)}.");
    }

    private static RuleViolation? CheckComplete(string connectionType, CredentialGroup group, AuthDataEntries entries)
    {
        var missing = group.Required.Where(k => !entries.Strings.ContainsKey(k)).ToList();
        return missing.Count == 0
            ? null
            : Violation($"{connectionType} needs {List(group.Required)}; missing: {Keys(missing)}.");
    }

    private static RuleViolation? CheckChosenGroup(string connectionType, TypeCredentials rules, AuthDataEntries entries)
    {
        var choices = Choices(rules);
        if (!entries.Strings.TryGetValue(AuthType, out var chosenName))
            return Violation($"{connectionType} needs {AuthType} to name the credentials given: {choices}.");
        var chosen = rules.Groups.SingleOrDefault(g => g.Name == chosenName);
        if (chosen is null)
            return Violation($"{AuthType} '{chosenName}' names no group of {connectionType}; it must be {choices}.");

        var foreign = rules.Groups.Where(g => g != chosen).SelectMany(g => g.Keys).Where(k => entries.Keys.Contains(k)).ToList();
        if (foreign.Count > 0)
            return Violation(
                $"{AuthType} is {chosen.Name}, which takes {List(chosen.Keys.ToList())} only; {List(foreign)} must not be given.");
        return CheckComplete($"{AuthType} {chosen.Name}", chosen, entries);
    }

    private static RuleViolation? CheckSettings(TypeCredentials rules, AuthDataEntries entries)
    {
        foreach (var setting in rules.Settings)
        {
            if (!entries.Strings.TryGetValue(setting.Key, out var value)) continue;
            if (setting.Values is { } values && !values.Contains(value))
                return Violation($"{setting.Key} '{value}' is not one of {List(values, "or")}.");
            if (setting.NotWith is (var otherKey, var otherValue) && entries.Strings.GetValueOrDefault(otherKey) == otherValue)
                return Violation($"{setting.Key} is not allowed with {otherKey} {otherValue}.");
        }

        return null;
    }

    private static IEnumerable<string> AcceptedKeys(TypeCredentials rules) =>
        rules.Groups.SelectMany(g => g.Keys)
            .Concat(rules.Settings.Select(s => s.Key))
            // AUTH_TYPE is expected only where the catalog says it travels, on the types with a choice; on the others
            // the emulator rejects it rather than ignore it, so a client that adds it everywhere is caught here.
            .Concat(rules.ChoosesByAuthType ? [AuthType] : []);

    private static string Accepts(string connectionType, TypeCredentials rules)
    {
        var groups = rules.ChoosesByAuthType
            ? $"{AuthType} and the keys of the group it names: {Choices(rules)}"
            : List(rules.Groups[0].Required) + (rules.Groups[0].Optional.Count > 0 ? $", optionally {List(rules.Groups[0].Optional)}" : "");
        var settings = rules.Settings.Count > 0 ? $"; optionally {List(rules.Settings.Select(s => s.Key).ToList())}" : "";
        return $"{connectionType} accepts {groups}{settings}.";
    }

    private static string Choices(TypeCredentials rules) =>
        "one of " + List(rules.Groups.Select(g => $"{g.Name} ({List(g.Keys.ToList())})").ToList(), "or");

    private static string Keys(IEnumerable<string> keys) => string.Join(", ", keys);

    private static string List(IReadOnlyList<string> keys, string conjunction = "and") =>
        keys.Count <= 1 ? string.Concat(keys) : $"{string.Join(", ", keys.Take(keys.Count - 1))} {conjunction} {keys[^1]}";

    private static RuleViolation Violation(string detail) => new(Pointer, detail);
}
