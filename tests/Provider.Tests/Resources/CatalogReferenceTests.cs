extern alias harness;
using System.Text.RegularExpressions;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Schema;
using harness::ConfluentFlink.Harness;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>
/// The provider's catalog against Confluent's (<c>connection-types.md</c>, a third-party reference kept out of the
/// repository): the same types, credentials, groups, auth_data keys and import variables. Skipped, with the reason,
/// where the reference is not on the machine.
/// </summary>
public partial class CatalogReferenceTests
{
    private readonly ConnectionCatalog _catalog = ConnectionCatalog.Embedded;

    private static string Reference() => File.ReadAllText(ReferenceDocument.FlinkConnectionTypes.PathOrSkip(Assert.Ignore));

    /// <summary>The rows of the markdown table whose header row starts with <paramref name="firstHeader"/>.</summary>
    private static IReadOnlyList<string[]> Table(string markdown, string firstHeader) =>
        markdown.Split('\n')
            .SkipWhile(line => !Regex.IsMatch(line, $@"^\|\s*{Regex.Escape(firstHeader)}\s*\|"))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

    private static IEnumerable<string> Names(string text) => Regex.Matches(text, "[A-Za-z0-9_.]+").Select(m => m.Value);

    [Test]
    public void EveryTypeTakesTheCredentialsAndGroupsOfConfluentsCatalog()
    {
        var rows = Table(Reference(), "type");
        var types = rows.SelectMany(row => row[0].Split(',').Select(t => (Type: t.Trim(), Credentials: row[1], Required: row[2]))).ToList();
        Assert.That(types.Select(t => t.Type), Is.EquivalentTo(_catalog.Types.Select(t => t.Name)));

        foreach (var (type, credentials, required) in types)
        {
            var rule = _catalog.Find(type)!;
            Assert.That(rule.AcceptedEntries.Select(e => e.TopLevelProperty).Distinct(), Is.EquivalentTo(Names(credentials)), type);
            var groups = required.StartsWith("one of", StringComparison.Ordinal)
                ? GroupPattern().Matches(required).Select(m => Names(m.Groups[1].Value).ToHashSet()).ToList()
                : [required == "both" ? Names(credentials).ToHashSet() : Names(required).Where(n => n != "and").ToHashSet()];
            Assert.That(rule.AuthGroups.Select(g => g.Required.Select(e => e.TopLevelProperty).ToHashSet()), Is.EquivalentTo(groups), type);
        }
    }

    [Test]
    public void EveryValueTravelsUnderConfluentsAuthDataKeyWithItsSecretFlag()
    {
        var rows = Table(Reference(), "property in this provider");
        var schema = ResourceSchema.ForResource(FlinkConnectionResource.Token);
        Assert.That(_catalog.AuthData.Select(e => (e.Property, e.Key, schema.IsSecret(e.Property))),
            Is.EquivalentTo(rows.Select(r => (r[0].Trim('`'), r[1].Trim('`'), r[2] == "yes"))));
    }

    [Test]
    public void ImportReadsTheVariablesConfluentsCatalogNames()
    {
        var import = Reference().Split("## Import")[1];
        Assert.That(_catalog.AuthData.Select(e => e.ImportVariable),
            Is.EquivalentTo(Regex.Matches(import, "`([A-Z0-9_]+)`").Select(m => m.Groups[1].Value).Distinct()));
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex GroupPattern();
}
