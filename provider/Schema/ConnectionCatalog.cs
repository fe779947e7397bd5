using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfluentFlink.Schema;

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
/// A way to authenticate: values that go together. <see cref="Name"/> is what the API's <c>AUTH_TYPE</c> says when a
/// type offers a choice of groups.
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
        var optional = Optional.Count == 0 ? "" : $" ({string.Join(", ", Optional.Select(m => m.Property))} optional)";
        return "{" + string.Join(", ", RequiredProperties) + optional + "}";
    }
}

/// <summary>
/// A connection type (<see cref="Name"/> as the API spells it, <see cref="EnumName"/> as the SDKs' constant): the groups
/// it authenticates with (exactly one must be given) and its other optional values.
/// </summary>
public sealed record ConnectionTypeRule(string Name, string EnumName, string Title, IReadOnlyList<AuthGroup> AuthGroups, IReadOnlyList<AuthDataEntry> Options)
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

/// <summary>The rule every connection name follows, as the API states it.</summary>
public sealed record NameRule(Regex Pattern, string Rule, int MaxLength, string Example)
{
    /// <summary>Null when <paramref name="name"/> is a valid connection name, else what the rule says (to follow the name in a message).</summary>
    public string? Problem(string name) =>
        name.Length <= MaxLength && Pattern.IsMatch(name)
            ? null
            : $"is not a valid connection name: use {Rule}, at most {MaxLength} characters (e.g. {Example})";
}

/// <summary>
/// One Flink setting a connection needs and every place it may come from, in the order they are tried: the resource's
/// own property, the provider config, then the environment variable. On import <see cref="ImportVariable"/> comes
/// first. <see cref="Pattern"/> is the form of an id, when the setting is one.
/// </summary>
public sealed record SettingSpec(string Property, string ConfigKey, string EnvironmentVariable, bool Secret, Regex? Pattern, string? Form, string? Example)
{
    /// <summary>The top-level resource property holding this setting (<c>organization</c> for <c>organization.id</c>).</summary>
    public string TopLevelProperty => Property.Split('.')[0];

    /// <summary>The Terraform resource's convention, kept so its users' import scripts work unchanged.</summary>
    public string ImportVariable => "IMPORT_" + EnvironmentVariable;
}

/// <summary>
/// The declarative catalog of connection types (<c>connection-catalog.json</c>) joined with what schema.json says of the
/// same properties: what schema.json cannot say about credentials, settings, names and ids.
/// </summary>
public sealed record ConnectionCatalog(
    string IdForm,
    NameRule Name,
    IReadOnlyList<SettingSpec> Settings,
    int MaxRetries,
    IReadOnlyDictionary<string, string> Descriptions,
    IReadOnlyList<AuthDataEntry> AuthData,
    string AuthTypeKey,
    IReadOnlyList<string> Urls,
    IReadOnlyList<ConnectionTypeRule> Types,
    IReadOnlyList<Exclusion> Exclusions)
{
    private static readonly Lazy<ConnectionCatalog> EmbeddedCatalog =
        new(() => Parse(PackageSpec.EmbeddedText("connection-catalog.json"), PackageSpec.Embedded));

    public static ConnectionCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>The top-level resource properties that travel in auth_data (<c>apiKey</c>, ..., <c>oauth</c>, <c>sseEndpoint</c>).</summary>
    public IReadOnlyList<string> AuthDataProperties { get; } = AuthData.Select(e => e.TopLevelProperty).Distinct().ToList();

    public ConnectionTypeRule? Find(string type) => Types.FirstOrDefault(t => t.Name == type);

    public SettingSpec Setting(string property) =>
        Settings.FirstOrDefault(s => s.Property == property) ?? throw new SchemaException($"the connection catalog has no setting {property}");

    /// <summary>
    /// Reads the catalog; <paramref name="schema"/> gives each setting's environment variable and secret flag (its
    /// provider config key's <c>defaultInfo</c> and <c>secret</c>).
    /// </summary>
    public static ConnectionCatalog Parse(string json, PackageSpec schema)
    {
        var document = JsonNode.Parse(json)?.AsObject() ?? throw new SchemaException("connection-catalog.json is not a JSON object");
        var authData = Rows(document, "authData").Select(r => new AuthDataEntry(Text(r, "property"), Text(r, "key"), Text(r, "importVariable"))).ToList();

        AuthDataEntry Entry(string property) => authData.FirstOrDefault(e => e.Property == property)
            ?? throw new SchemaException($"connection-catalog.json names {property}, which is not in its authData");
        IReadOnlyList<AuthDataEntry> Entries(JsonNode row, string field) => Strings(row[field]).Select(Entry).ToList();

        var groups = Rows(document, "authGroups").Select(r => new AuthGroup(Text(r, "name"), Entries(r, "required"), Entries(r, "optional"))).ToList();
        AuthGroup Group(string name) => groups.FirstOrDefault(g => g.Name == name)
            ?? throw new SchemaException($"connection-catalog.json names the undeclared auth group {name}");

        var types = Rows(document, "types").Select(r => new ConnectionTypeRule(Text(r, "type"), Text(r, "name"), Text(r, "title"),
            Strings(r["auth"]).Select(Group).ToList() is { Count: > 0 } auth ? auth : throw new SchemaException($"type {r["type"]} has no auth groups"),
            Entries(r, "options"))).ToList();

        var settings = Rows(document, "settings").Select(r =>
        {
            var config = schema.ProviderInputs.FirstOrDefault(p => p.WireName == Text(r, "config"))
                ?? throw new SchemaException($"schema.json declares no provider config key {r["config"]}");
            return new SettingSpec(Text(r, "property"), config.WireName,
                config.EnvironmentDefaults.FirstOrDefault() ?? throw new SchemaException($"schema.json gives config key {config.WireName} no environment variable"),
                config.Secret, r["pattern"] is { } pattern ? new Regex(pattern.GetValue<string>(), RegexOptions.CultureInvariant) : null,
                r["form"]?.GetValue<string>(), r["example"]?.GetValue<string>());
        }).ToList();

        var name = document["name"] ?? throw new SchemaException("connection-catalog.json has no name rule");
        return new ConnectionCatalog(
            Text(document["id"] ?? throw new SchemaException("connection-catalog.json has no id"), "form"),
            new NameRule(new Regex(Text(name, "pattern"), RegexOptions.CultureInvariant), Text(name, "rule"), name["maxLength"]!.GetValue<int>(), Text(name, "example")),
            settings,
            document["maxRetries"]?["max"]?.GetValue<int>() ?? throw new SchemaException("connection-catalog.json has no maxRetries.max"),
            (document["descriptions"]?.AsObject() ?? throw new SchemaException("connection-catalog.json has no descriptions"))
                .ToDictionary(d => d.Key, d => d.Value!.GetValue<string>(), StringComparer.Ordinal),
            authData,
            Text(document, "authTypeKey"),
            Strings(document["urls"]),
            types,
            Rows(document, "exclusions").Select(r => new Exclusion(Text(r, "property"), Text(r, "whenProperty"), Text(r, "is"))).ToList());
    }

    private static IEnumerable<JsonNode> Rows(JsonObject document, string table) =>
        (document[table] as JsonArray ?? throw new SchemaException($"connection-catalog.json has no {table} table")).OfType<JsonNode>();

    private static IReadOnlyList<string> Strings(JsonNode? array) => array?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [];

    private static string Text(JsonNode row, string field) =>
        row[field]?.GetValue<string>() ?? throw new SchemaException($"connection-catalog.json: a row lacks {field}");
}
