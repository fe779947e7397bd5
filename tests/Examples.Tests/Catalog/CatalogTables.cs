using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Schema;

namespace ConfluentFlink.Examples.Tests.Catalog;

/// <summary>
/// The connection catalog as the two Markdown tables the README, the docs and the schema's resource description
/// show: what each type takes, and how each value travels. Rendered from the provider's embedded catalog and schema,
/// so a new type or credential changes the expected text and the copies must follow.
/// </summary>
public static class CatalogTables
{
    private const string None = "—";

    /// <summary>One row per set of types that take the same credentials, in the catalog's order.</summary>
    public static string Types(ConnectionCatalog catalog)
    {
        var rows = catalog.Types
            .Select(type => (type.Name, Cells: new[] { Credentials(type), Optional(type), AuthTypes(type) }))
            .GroupBy(row => string.Join("|", row.Cells))
            .Select(same => new[] { string.Join(", ", same.Select(row => Code(row.Name))) }.Concat(same.First().Cells));
        return Table(["`type`", "credentials", "optional", "`AUTH_TYPE`"], rows);
    }

    /// <summary>One row per value of <c>auth_data</c>: its property, its key in the API, its import variable, its secrecy.</summary>
    public static string AuthData(ConnectionCatalog catalog, ResourceSchema schema) =>
        Table(["property", "`auth_data` key", "import variable", "secret"],
            catalog.AuthData.Select(entry => new[]
            {
                Code(entry.Property), Code(entry.Key), Code(entry.ImportVariable), schema.IsSecret(entry.Property) ? "yes" : "no",
            }));

    // A choice type lists its groups in braces, the way the provider's own messages do.
    private static string Credentials(ConnectionTypeRule type) =>
        type.OffersChoice
            ? "one of " + string.Join(", ", type.AuthGroups.Select(group => "{" + Properties(group.Required) + "}"))
            : Properties(type.AuthGroups[0].Required);

    private static string Optional(ConnectionTypeRule type) =>
        Properties(type.AuthGroups.SelectMany(group => group.Optional).Concat(type.Options)) is { Length: > 0 } optional ? optional : None;

    private static string AuthTypes(ConnectionTypeRule type) =>
        type.OffersChoice ? string.Join(", ", type.AuthGroups.Select(group => Code(group.Name))) : None;

    private static string Properties(IEnumerable<AuthDataEntry> entries) =>
        string.Join(", ", entries.Select(entry => entry.TopLevelProperty).Distinct().Select(Code));

    private static string Code(string text) => $"`{text}`";

    private static string Table(IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows) =>
        string.Join("\n", new[] { header, header.Select(_ => "---") }.Concat(rows).Select(cells => $"| {string.Join(" | ", cells)} |"));
}
