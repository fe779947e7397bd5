using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen;

/// <summary>
/// Every sentence and table that states a fact of the connection catalog, written from it: into schema.json (the
/// <c>ConnectionType</c> enum, the descriptions of the catalog's properties, the connection tables and the import id of
/// the resource's description) and into the marked regions of Markdown files. Running it twice changes nothing.
/// </summary>
public static partial class CatalogText
{
    private const string ConnectionTypeToken = "confluentflink:index:ConnectionType";
    private const string TablesStart = "## Connection types";
    private const string ExamplesStart = "{{% examples %}}";
    private const string ImportStart = "## Import";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>schema.json with every catalog-derived text written from <paramref name="catalogJson"/>.</summary>
    public static string Schema(string schemaJson, string catalogJson)
    {
        var catalog = ConnectionCatalog.Parse(catalogJson, SchemaLoader.Parse(schemaJson));
        var root = JsonNode.Parse(schemaJson)!.AsObject();
        var types = root["types"]!.AsObject();
        var resource = root["resources"]![Tokens.FlinkConnection]!.AsObject();

        types[ConnectionTypeToken]!["enum"] = new JsonArray(catalog.Types.Select(t => (JsonNode)new JsonObject
        {
            ["value"] = t.Name, ["name"] = t.EnumName, ["description"] = $"{t.Title}; needs {Needs(t)}.",
        }).ToArray());

        // Every input says whether changing it replaces the connection, as its replaceOnChanges flag does.
        var inputs = resource["inputProperties"]!.AsObject();
        foreach (var (property, input) in inputs.ToList())
        {
            var text = Description(catalog, property) ?? input!["description"]!.GetValue<string>().Replace(Replaces, "", StringComparison.Ordinal);
            input!["description"] = input["replaceOnChanges"]?.GetValue<bool>() == true ? text + Replaces : text;
        }
        foreach (var (property, output) in resource["properties"]!.AsObject())
            if (inputs[property] is { } input)
                output!["description"] = input["description"]!.GetValue<string>();
        foreach (var (_, function) in root["functions"]!.AsObject())
            foreach (var (property, input) in function!["inputs"]!["properties"]!.AsObject())
                if (catalog.Settings.Any(s => s.TopLevelProperty == property))
                    input!["description"] = Description(catalog, property);
        foreach (var setting in catalog.Settings.Where(s => s.Example is not null && s.Property.EndsWith(".id", StringComparison.Ordinal)))
            types[TypeOf(resource, setting.TopLevelProperty)]!["properties"]!["id"]!["description"] = $"The ID: {setting.Form}, for example `{setting.Example}`.";

        var provider = root["provider"]!["inputProperties"]!.AsObject();
        foreach (var setting in catalog.Settings)
            provider[setting.ConfigKey]!["description"] =
                $"Default `{setting.Property}` for connections that set none. Falls back to `{setting.EnvironmentVariable}`.";
        provider[ProviderRetries]!["description"] =
            $"{catalog.Descriptions[ProviderRetries]} From 0 to {catalog.MaxRetries}; default {provider[ProviderRetries]!["default"]}.";
        root["config"]!["variables"] = provider.DeepClone();

        var description = resource["description"]!.GetValue<string>();
        resource["description"] = Between(description, TablesStart, ExamplesStart, $"{TablesStart}\n\n{ConnectionTables(catalog)}\n\n") is var withTables
            ? Between(withTables, ImportStart, null, $"{ImportStart}\n\n{ImportSection(catalog)}\n")
            : description;
        return root.ToJsonString(Indented) + "\n";
    }

    private const string ProviderRetries = "maxRetries";
    private const string Replaces = " Changing it replaces the connection.";

    /// <summary>A Markdown file with each region <c>&lt;!-- catalog:NAME --&gt;...&lt;!-- /catalog:NAME --&gt;</c> written anew.</summary>
    public static string Markdown(string markdown, ConnectionCatalog catalog) =>
        Region().Replace(markdown, match =>
        {
            var name = match.Groups["name"].Value;
            var content = name switch
            {
                "types" => TypesTable(catalog),
                "auth-data" => AuthDataTable(catalog),
                "settings" => SettingsTable(catalog),
                "type-count" => catalog.Types.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "type-list" => string.Join(", ", catalog.Types.Select(t => $"`{t.Name}`")),
                "id-form" => $"`{catalog.IdForm}`",
                _ => throw new SchemaException($"unknown catalog region '{name}'"),
            };
            // A table stands on lines of its own; a count or a list sits inside a sentence.
            var block = content.Contains('\n');
            return $"<!-- catalog:{name} -->{(block ? "\n" : "")}{content}{(block ? "\n" : "")}<!-- /catalog:{name} -->";
        });

    [GeneratedRegex(@"<!-- catalog:(?<name>[a-z-]+) -->.*?<!-- /catalog:\k<name> -->", RegexOptions.Singleline)]
    private static partial Regex Region();

    /// <summary>The description of a property the catalog owns (a credential or a setting), or null for the others.</summary>
    private static string? Description(ConnectionCatalog catalog, string property)
    {
        if (property == FlinkConnectionName)
            return catalog.Descriptions[property].Replace("{nameRule}", $"{catalog.Name.Rule}, at most {catalog.Name.MaxLength} characters", StringComparison.Ordinal);
        if (!catalog.Descriptions.TryGetValue(property, out var lead))
            return null;
        var text = new StringBuilder(lead);
        if (catalog.AuthDataProperties.Contains(property))
            text.Append(' ').Append(AcceptedBy(catalog, property));
        var settings = catalog.Settings.Where(s => s.TopLevelProperty == property).ToList();
        if (settings.Count > 0)
        {
            if (settings[0].Example is { } example && !settings[0].Property.Contains('.'))
                text.Append($" For example `{example}`.");
            text.Append($" Falls back to the provider's {string.Join("/", settings.Select(s => $"`{s.ConfigKey}`"))}, then " +
                        $"{string.Join("/", settings.Select(s => $"`{s.EnvironmentVariable}`"))}.");
        }
        return text.ToString();
    }

    private const string FlinkConnectionName = "displayName";

    /// <summary>Which types take a credential property, and how: for its description.</summary>
    private static string AcceptedBy(ConnectionCatalog catalog, string property)
    {
        string Types(IEnumerable<ConnectionTypeRule> types) => string.Join(", ", types.Select(t => $"`{t.Name}`"));
        var accepting = catalog.Types.Where(t => t.Accepts(property)).ToList();
        var required = accepting.Where(t => !t.OffersChoice && t.AuthGroups[0].RequiredProperties.Contains(property)).ToList();
        var choice = accepting.Where(t => t.OffersChoice && t.AuthGroups.Any(g => g.TopLevelProperties.Contains(property))).ToList();
        var optional = accepting.Except(required).Except(choice).ToList();
        var parts = new List<string>();
        if (required.Count > 0) parts.Add($"Required by {Types(required)}");
        if (choice.Count > 0) parts.Add($"one of the credential groups of {Types(choice)}");
        if (optional.Count > 0) parts.Add($"optional with {Types(optional)}");
        var sentence = string.Join("; ", parts);
        return $"{char.ToUpperInvariant(sentence[0])}{sentence[1..]}. No other type accepts it.";
    }

    /// <summary>"`apiKey`", or "one of `apiKey`, or `username` and `password`", with optional values: for the enum's descriptions.</summary>
    private static string Needs(ConnectionTypeRule type)
    {
        string Group(AuthGroup group) => string.Join(" and ", group.RequiredProperties.Select(p => $"`{p}`")) +
                                         string.Concat(group.Optional.Select(o => $", `{o.Property}` optional"));
        var needs = type.OffersChoice
            ? "one of " + string.Join(", ", type.AuthGroups.Select(Group).SkipLast(1)) + ", or " + Group(type.AuthGroups[^1])
            : Group(type.AuthGroups[0]);
        return type.Options.Count == 0 ? needs : $"{needs}; {string.Join(" and ", type.Options.Select(o => $"`{o.Property}`"))} optional";
    }

    private static string ConnectionTables(ConnectionCatalog catalog) =>
        "`type` decides which credentials a connection takes. Where the table says \"one of\", give exactly one of the groups; the provider " +
        $"then sends `{catalog.AuthTypeKey}` with the group's name. A credential the type does not take is an error at preview" +
        string.Concat(catalog.Exclusions.Select(e => $", and so is `{e.Property}` with `{e.WhenProperty}` `{e.Value}`")) + ".\n\n" +
        TypesTable(catalog) + "\n\nEach value travels in the API's `auth_data` under its key. The API never returns them, so `pulumi import` " +
        "reads them from the import variables:\n\n" + AuthDataTable(catalog);

    private static string ImportSection(ConnectionCatalog catalog)
    {
        var example = $"{catalog.Setting("organization.id").Example}/{catalog.Setting("environment.id").Example}/{catalog.Name.Example}";
        return $"The import id is `{catalog.IdForm}`. The credentials come from the import variables in the table above. For a type with a " +
               "choice of groups, set the variables of exactly one group: none, or more than one, is an error that names them. The Flink settings " +
               "come from the import variables " + string.Join(", ", catalog.Settings.Select(s => $"`{s.ImportVariable}`")) +
               ", else from the provider configuration and its environment variables; the id's organization and environment decide where the " +
               "connection is. An imported connection keeps its name, so a later replacement deletes it before creating the new one.\n\n" +
               $"```sh\n$ pulumi import {Tokens.FlinkConnection} {catalog.Name.Example} {example}\n```";
    }

    /// <summary>Types that take the same credentials share a row.</summary>
    private static string TypesTable(ConnectionCatalog catalog)
    {
        string Code(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"`{n}`")) : "—";
        var rows = catalog.Types.GroupBy(t => t.Describe()).Select(g =>
        {
            var type = g.First();
            var credentials = type.OffersChoice
                ? "one of " + string.Join(", ", type.AuthGroups.Select(a => "{" + Code(a.RequiredProperties) + "}"))
                : Code(type.AuthGroups[0].RequiredProperties);
            var optional = type.AuthGroups.SelectMany(a => a.Optional).Concat(type.Options).Select(o => o.Property);
            return $"| {Code(g.Select(t => t.Name))} | {credentials} | {Code(optional)} | {(type.OffersChoice ? Code(type.AuthGroups.Select(a => a.Name)) : "—")} |";
        });
        return $"| `type` | credentials | optional | `{catalog.AuthTypeKey}` |\n| --- | --- | --- | --- |\n" + string.Join("\n", rows);
    }

    private static string AuthDataTable(ConnectionCatalog catalog)
    {
        var schema = PackageSpec.Embedded;
        var secrets = schema.SecretPaths(schema.Resource(Tokens.FlinkConnection).Inputs);
        return "| property | `auth_data` key | import variable | secret |\n| --- | --- | --- | --- |\n" + string.Join("\n",
            catalog.AuthData.Select(e => $"| `{e.Property}` | `{e.Key}` | `{e.ImportVariable}` | {(secrets.Contains(e.Property) ? "yes" : "no")} |"));
    }

    private static string SettingsTable(ConnectionCatalog catalog) =>
        "| resource property | provider config | environment | import variable | form |\n| --- | --- | --- | --- | --- |\n" + string.Join("\n",
            catalog.Settings.Select(s => $"| `{s.Property}` | `confluentflink:{s.ConfigKey}`{(s.Secret ? " (secret)" : "")} | `{s.EnvironmentVariable}` | " +
                                         $"`{s.ImportVariable}` | {(s.Form is null ? "—" : $"{Literal(s.Form)}, e.g. `{s.Example}`")} |"));

    // A form written with placeholders (<region>) is a literal; one in words already marks its literal parts.
    private static string Literal(string form) => form.Contains('`') ? form : $"`{form}`";

    private static string TypeOf(JsonObject resource, string property) =>
        resource["inputProperties"]![property]!["$ref"]!.GetValue<string>()["#/types/".Length..];

    /// <summary><paramref name="text"/> with what lies from <paramref name="start"/> up to <paramref name="end"/> (or the end) replaced.</summary>
    private static string Between(string text, string start, string? end, string replacement)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) throw new SchemaException($"the resource's description has no '{start}' section");
        var to = end is null ? text.Length : text.IndexOf(end, from, StringComparison.Ordinal);
        if (to < 0) throw new SchemaException($"the resource's description has no '{end}' after '{start}'");
        return text[..from] + replacement + text[to..];
    }
}
