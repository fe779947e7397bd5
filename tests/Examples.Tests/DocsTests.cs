using System.Text.RegularExpressions;
using ConfluentFlink.Examples.Tests.CSharp;
using ConfluentFlink.Examples.Tests.Markdown;
using ConfluentFlink.Examples.Tests.SchemaRules;
using ConfluentFlink.Examples.Tests.TypeScript;
using ConfluentFlink.Examples.Tests.Yaml;
using ConfluentFlink.Sdk.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static ConfluentFlink.Examples.Tests.SchemaFixture;

namespace ConfluentFlink.Examples.Tests;

/// <summary>The user docs say what the schema and the code say: their snippets are checked like the examples, their config table against the schema, their links against the files.</summary>
public partial class DocsTests
{
    private static readonly MarkdownFile Overview = Doc("_index.md");

    private static MarkdownFile Configuration => Doc("installation-configuration.md");

    [Test]
    public void TheOverviewHasAnExampleInEachLanguage()
    {
        Assert.That(Overview.CodeBlocks.Select(b => b.Language), Is.SupersetOf(new[] { "csharp", "typescript", "python", "go", "yaml" }));
    }

    [Test]
    public void EveryOverviewCsharpExampleCompilesAgainstTheGeneratedSdkWithNoError()
    {
        var blocks = Overview.CodeBlocks.Where(b => b.Language == "csharp").ToList();
        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(2), "the OpenAI example and the MCP server example");
        foreach (var block in blocks)
        {
            var snippet = Path.Combine(Path.GetTempPath(), $"docs-overview-{Guid.NewGuid():N}.cs");
            File.WriteAllText(snippet, block.Text);
            try
            {
                var inputs = new[] { snippet, ExampleLayout.ImplicitUsingsFile }.Concat(SdkPaths.GeneratedSdkSources());
                var errors = RoslynCompile.Check(inputs, OutputKind.ConsoleApplication).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.That(errors, Is.Empty, $"{Overview.RelativePath}:{block.Line}\n{RoslynCompile.Describe(errors)}");
            }
            finally
            {
                File.Delete(snippet);
            }
        }
    }

    [Test]
    public void TheOverviewExamplesSetOnlySchemaInputsEveryRequiredOneAndSecretsFromSecretConfig()
    {
        string[] checkedLanguages = ["csharp", "typescript", "yaml"];
        var blocks = Overview.CodeBlocks.Where(b => checkedLanguages.Contains(b.Language)).ToList();
        var findings = new List<string>();
        var uses = new List<ObjectUse>();
        foreach (var block in blocks)
        {
            var where = $"{Overview.RelativePath}:{block.Line}";
            if (block.Language == "csharp")
            {
                var csharp = CSharpProgramScan.Scan([CSharpSyntaxTree.ParseText(block.Text, RoslynCompile.ParseOptions, path: where)], Schema, RepoPaths.RepoRoot);
                findings.AddRange(csharp.Findings);
                uses.AddRange(csharp.Objects);
            }
            else
            {
                uses.AddRange(block.Language == "typescript"
                    ? TypeScriptProgramScan.Scan(block.Text, where, Schema).Objects
                    : YamlProgramScan.Scan(block.Text, where, Schema).Objects);
            }
        }

        findings.AddRange(uses.SelectMany(o => SchemaConformance.Check(o, Schema)));
        var connections = uses.Count(u => u.Shape == Schema.ForResourceClass("FlinkConnection"));
        Assert.That(connections, Is.EqualTo(blocks.Count), "one FlinkConnection per checked block");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void TheConfigurationTableListsEveryConfigKeyWithItsEnvironmentVariableAndSecrecy()
    {
        var rows = Configuration.TableRows()
            .Select(cells => (match: ConfigRow().Match(cells[0]), cells))
            .Where(r => r.match.Success)
            .ToDictionary(r => r.match.Groups["key"].Value, r => (Variable: r.cells[1].Trim('`', ' '), Secret: r.cells[2] == "yes"));

        Assert.That(rows.Keys, Is.EquivalentTo(Schema.ConfigKeys), "documented keys differ from schema.json config.variables");
        Assert.Multiple(() =>
        {
            foreach (var key in Schema.ConfigKeys)
            {
                var expectedVariable = Schema.ConfigEnvironmentVariables[key].SingleOrDefault() ?? "—";
                Assert.That(rows[key].Variable, Is.EqualTo(expectedVariable), $"environment variable of {key}");
                Assert.That(rows[key].Secret, Is.EqualTo(Schema.SecretConfigKeys.Contains(key)), $"secrecy of {key}");
            }
        });
    }

    [Test]
    public void EveryRelativeLinkInTheReadmeExamplesAndDocsPointsToAnExistingFile()
    {
        var broken = Links().Where(link => !File.Exists(link.File) && !Directory.Exists(link.File)).Select(link => link.ToString()).ToList();

        Assert.That(broken, Is.Empty, Describe(broken));
    }

    [Test]
    public void EveryLinkToASectionOfAMarkdownFileNamesOneOfItsHeadings()
    {
        var sections = Links().Where(link => link.Section is not null && link.File.EndsWith(".md", StringComparison.Ordinal) && File.Exists(link.File)).ToList();
        var broken = sections.GroupBy(link => link.File)
            .SelectMany(links => new MarkdownFile(links.Key, ExampleLayout.Relative(links.Key)).HeadingIds is var headings
                ? links.Where(link => !headings.Contains(link.Section!)) : [])
            .Select(link => link.ToString())
            .ToList();

        Assert.That(sections, Is.Not.Empty, "no link to a section was found: nothing was checked");
        Assert.That(broken, Is.Empty, Describe(broken));
    }

    /// <summary>A link of the README, the examples or the docs to a file of the repository, and maybe to a section of it.</summary>
    private sealed record Link(string From, string Text, string File, string? Section)
    {
        public override string ToString() => $"{From}: {Text}";
    }

    private static IEnumerable<Link> Links() =>
        ExampleLayout.MarkdownFiles().SelectMany(file => new MarkdownFile(file, ExampleLayout.Relative(file)).LinkTargets
            .Where(target => target.Length > 0 && !Uri.TryCreate(target, UriKind.Absolute, out _))
            .Select(target => ToLink(file, target)));

    // "other.md#section", "folder/", or "#section" of the file itself.
    private static Link ToLink(string file, string target)
    {
        var parts = target.Split('#', 2);
        var path = parts[0].Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, parts[0]));
        return new Link(ExampleLayout.Relative(file), target, path, parts.Length == 2 ? parts[1] : null);
    }

    private static MarkdownFile Doc(string name)
    {
        var path = Path.Combine(ExampleLayout.Docs, name);
        return new MarkdownFile(path, ExampleLayout.Relative(path));
    }

    [GeneratedRegex(@"^`confluentflink:(?<key>\w+)`$")]
    private static partial Regex ConfigRow();
}
