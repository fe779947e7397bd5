using System.Reflection;
using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Catalog;

/// <summary>
/// The declarative catalog of connection types (<c>connection-catalog.json</c>, embedded): what schema.json cannot say
/// about credentials. The validator, the auth_data builder, import and the docs table all read it.
/// </summary>
public sealed class ConnectionCatalog
{
    private ConnectionCatalog() { }

    public required IReadOnlyList<SettingEntry> Settings { get; init; }
    public required IReadOnlyList<AuthDataEntry> AuthData { get; init; }
    /// <summary>The auth_data key that names the group used, for types that offer a choice.</summary>
    public required string AuthTypeKey { get; init; }
    /// <summary>Property paths that hold a URL the service will call (schema.json has no notion of a format).</summary>
    public required IReadOnlyList<string> Urls { get; init; }
    public required IReadOnlyList<ConnectionTypeRule> Types { get; init; }
    public required IReadOnlyList<Exclusion> Exclusions { get; init; }

    /// <summary>The top-level resource properties that travel in auth_data (<c>apiKey</c>, ..., <c>oauth</c>, <c>sseEndpoint</c>).</summary>
    public IReadOnlyList<string> AuthDataProperties => _authDataProperties ??= AuthData.Select(e => e.TopLevelProperty).Distinct().ToList();
    private IReadOnlyList<string>? _authDataProperties;

    public ConnectionTypeRule? Find(string type) => Types.FirstOrDefault(t => t.Name == type);

    private static readonly Lazy<ConnectionCatalog> EmbeddedCatalog = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("connection-catalog.json")
            ?? throw new InvalidOperationException("connection-catalog.json is not embedded in the plugin");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static ConnectionCatalog Embedded => EmbeddedCatalog.Value;

    public static ConnectionCatalog Parse(string json)
    {
        var document = JObject.Parse(json);
        var settings = Rows(document, "settings").Select(r => new SettingEntry(Text(r, "property"), Text(r, "config"))).ToList();
        var authData = Rows(document, "authData").Select(r => new AuthDataEntry(Text(r, "property"), Text(r, "key"), Text(r, "importVariable"))).ToList();

        AuthDataEntry Entry(string property) => authData.FirstOrDefault(e => e.Property == property)
            ?? throw new InvalidOperationException($"connection-catalog.json names {property}, which is not in its authData");
        IReadOnlyList<AuthDataEntry> Entries(JToken row, string field) =>
            row[field]?.Values<string>().OfType<string>().Select(Entry).ToList() ?? [];

        var groups = Rows(document, "authGroups").Select(r => new AuthGroup(Text(r, "name"), Entries(r, "required"), Entries(r, "optional"))).ToList();
        AuthGroup Group(string name) => groups.FirstOrDefault(g => g.Name == name)
            ?? throw new InvalidOperationException($"connection-catalog.json names the undeclared auth group {name}");

        var types = Rows(document, "types").Select(r => new ConnectionTypeRule(
            Text(r, "type"),
            r["auth"]?.Values<string>().OfType<string>().Select(Group).ToList() ?? throw new InvalidOperationException($"type {r["type"]} has no auth groups"),
            Entries(r, "options"))).ToList();
        var exclusions = Rows(document, "exclusions").Select(r => new Exclusion(Text(r, "property"), Text(r, "whenProperty"), Text(r, "is"))).ToList();
        var urls = document["urls"]?.Values<string>().OfType<string>().ToList() ?? throw new InvalidOperationException("connection-catalog.json has no urls list");
        return new ConnectionCatalog
        {
            Settings = settings, AuthData = authData, AuthTypeKey = Text(document, "authTypeKey"), Urls = urls, Types = types,
            Exclusions = exclusions,
        };
    }

    private static IEnumerable<JToken> Rows(JObject document, string table) =>
        document[table] as JArray ?? throw new InvalidOperationException($"connection-catalog.json has no {table} table");

    private static string Text(JToken row, string field) =>
        row[field]?.Value<string>() ?? throw new InvalidOperationException($"connection-catalog.json: a row lacks {field}");
}
