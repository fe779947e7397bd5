namespace ConfluentFlink.Provider.Catalog;

/// <summary>
/// One value that travels in a connection's <c>auth_data</c>: the resource property holding it (a path such as
/// <c>oauth.clientId</c>), its key in the API's JSON, and the environment variable an import reads it from.
/// </summary>
public sealed record AuthDataEntry(string Property, string Key, string ImportVariable)
{
    /// <summary>The top-level resource property: <c>oauth</c> for <c>oauth.clientId</c>.</summary>
    public string TopLevelProperty => Property.Split('.')[0];
}

/// <summary>
/// A way to authenticate: values that go together. <see cref="Name"/> is what the API's <c>AUTH_TYPE</c> says when
/// a type offers a choice of groups.
/// </summary>
public sealed record AuthGroup(string Name, IReadOnlyList<AuthDataEntry> Required, IReadOnlyList<AuthDataEntry> Optional)
{
    public IEnumerable<AuthDataEntry> Members => Required.Concat(Optional);

    /// <summary>The top-level properties a program sets for this group (<c>oauth</c> for the four OAuth fields).</summary>
    public IReadOnlyList<string> TopLevelProperties { get; } = Required.Concat(Optional).Select(m => m.TopLevelProperty).Distinct().ToList();

    /// <summary>The top-level properties the group cannot do without.</summary>
    public IReadOnlyList<string> RequiredProperties { get; } = Required.Select(m => m.TopLevelProperty).Distinct().ToList();

    /// <summary><c>{username, password}</c>, or <c>{awsAccessKey, awsSecretKey (awsSessionToken optional)}</c>: for messages.</summary>
    public string Describe()
    {
        var required = string.Join(", ", RequiredProperties);
        var optional = Optional.Count == 0 ? "" : $" ({string.Join(", ", Optional.Select(m => m.Property))} optional)";
        return "{" + required + optional + "}";
    }
}

/// <summary>A connection type: the groups it authenticates with (exactly one must be given) and its other optional values.</summary>
public sealed record ConnectionTypeRule(string Name, IReadOnlyList<AuthGroup> AuthGroups, IReadOnlyList<AuthDataEntry> Options)
{
    /// <summary>A type with a choice of groups says in <c>AUTH_TYPE</c> which one it uses.</summary>
    public bool OffersChoice => AuthGroups.Count > 1;

    public IReadOnlyList<AuthDataEntry> AcceptedEntries { get; } = AuthGroups.SelectMany(g => g.Members).Concat(Options).ToList();

    public bool Accepts(string topLevelProperty) => AcceptedEntries.Any(e => e.TopLevelProperty == topLevelProperty);

    /// <summary>"apiKey", or "one of {apiKey}, {username, password}", with the type's options: for messages.</summary>
    public string Describe()
    {
        var auth = OffersChoice
            ? "one of " + string.Join(", ", AuthGroups.Select(g => g.Describe()))
            : AuthGroups[0].Describe().Trim('{', '}');
        return Options.Count == 0 ? auth : $"{auth}; optionally {string.Join(", ", Options.Select(o => o.Property))}";
    }
}

/// <summary><see cref="Property"/> may not be set while <see cref="WhenProperty"/> has the value <see cref="Value"/>.</summary>
public sealed record Exclusion(string Property, string WhenProperty, string Value);

/// <summary>A Flink setting's resource property (<c>organization.id</c>) and its provider config key (<c>organizationId</c>).</summary>
public sealed record SettingEntry(string Property, string ConfigKey);
