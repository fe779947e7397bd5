using System.Text.Json;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Schema;

namespace ConfluentFlink.Examples.Tests.Catalog;

/// <summary>
/// The README, the configuration doc and the resource's description in schema.json (which every SDK and the
/// Registry page repeat) each show the catalog's two tables exactly as the provider's catalog renders them.
/// </summary>
public class CatalogTableTests
{
    private static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;

    private static IEnumerable<TestCaseData> Places() =>
    [
        new TestCaseData("README.md").SetArgDisplayNames("README.md"),
        new TestCaseData("docs/installation-configuration.md").SetArgDisplayNames("docs/installation-configuration.md"),
        new TestCaseData("schema.json").SetArgDisplayNames("schema.json FlinkConnection description"),
    ];

    [TestCaseSource(nameof(Places))]
    public void TheTableOfTypesAndTheirCredentialsIsTheCatalogs(string place)
    {
        AssertContains(place, CatalogTables.Types(Catalog));
    }

    [TestCaseSource(nameof(Places))]
    public void TheTableOfAuthDataValuesIsTheCatalogs(string place)
    {
        AssertContains(place, CatalogTables.AuthData(Catalog, ResourceSchema.ForResource(FlinkConnectionResource.Token)));
    }

    [Test]
    public void TheTypesTableHasARowForEveryTypeAndNamesAuthTypeOnlyForChoiceTypes()
    {
        var rows = CatalogTables.Types(Catalog).Split('\n').Skip(2).ToList();
        foreach (var type in Catalog.Types)
        {
            var row = rows.Single(r => r.Split('|')[1].Contains($"`{type.Name}`", StringComparison.Ordinal));
            Assert.That(row.Contains("one of", StringComparison.Ordinal), Is.EqualTo(type.OffersChoice), row);
            Assert.That(row.TrimEnd('|', ' ').EndsWith("—", StringComparison.Ordinal), Is.EqualTo(!type.OffersChoice), row);
        }
    }

    // The whole file would drown the message: say only what to paste.
    private static void AssertContains(string place, string table) =>
        Assert.That(Text(place).Contains(table, StringComparison.Ordinal), Is.True, $"{place} should contain this table, exactly:\n{table}\n");

    private static string Text(string place)
    {
        var path = Path.Combine(RepoPaths.RepoRoot, place);
        if (place != "schema.json")
            return File.ReadAllText(path);
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        return schema.RootElement.GetProperty("resources").GetProperty(FlinkConnectionResource.Token).GetProperty("description").GetString()!;
    }
}
