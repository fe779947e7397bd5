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
    private static MarkdownFile Overview => Doc("_index.md");

    private static MarkdownFile Configuration => Doc("installation-configuration.md");

    [Test]
    public void The_overview_has_an_example_in_each_language()
    {
        Assert.That(Overview.CodeBlocks.Select(b => b.Language), Is.SupersetOf(new[] { "csharp", "typescript", "python", "go", "yaml" }));
    }

    [Test]
    public void The_overview_csharp_example_compiles_against_the_generated_sdk_with_no_error()
    {
        var snippet = Path.Combine(Path.GetTempPath(), $"docs-overview-{Guid.NewGuid():N}.cs");
        File.WriteAllText(snippet, Overview.CodeBlocks.Single(b => b.Language == "csharp").Text);
        try
        {
            var inputs = new[] { snippet, ExampleLayout.ImplicitUsingsFile }.Concat(RepoPaths.GeneratedSdkSources());
            var errors = RoslynCompile.Check(inputs, OutputKind.ConsoleApplication).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.That(errors, Is.Empty, RoslynCompile.Describe(errors));
        }
        finally
        {
            File.Delete(snippet);
        }
    }

    [Test]
    public void The_overview_examples_set_only_schema_inputs_every_required_one_and_secrets_from_secret_config()
    {
        var blocks = Overview.CodeBlocks.ToList();
        var where = Overview.RelativePath;
        var csharp = CSharpProgramScan.Scan(
            [CSharpSyntaxTree.ParseText(blocks.Single(b => b.Language == "csharp").Text, RoslynCompile.ParseOptions, path: where)],
            Schema, RepoPaths.Root);
        var uses = csharp.Objects
            .Concat(TypeScriptProgramScan.Scan(blocks.Single(b => b.Language == "typescript").Text, where, Schema).Objects)
            .Concat(YamlProgramScan.Scan(blocks.Single(b => b.Language == "yaml").Text, where, Schema).Objects)
            .ToList();

        var findings = csharp.Findings.Concat(uses.SelectMany(o => SchemaConformance.Check(o, Schema))).ToList();
        Assert.That(uses, Has.Count.EqualTo(3), "one FlinkConnection per checked language");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void The_configuration_table_lists_every_config_key_with_its_environment_variable_and_secrecy()
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
    public void Every_relative_link_in_the_examples_and_docs_points_to_an_existing_file()
    {
        var broken = ExampleLayout.MarkdownFiles()
            .SelectMany(f => new MarkdownFile(f, ExampleLayout.Relative(f)).LinkTargets
                .Where(IsRelative)
                .Where(target => !Exists(Path.Combine(Path.GetDirectoryName(f)!, target.Split('#')[0])))
                .Select(target => $"{ExampleLayout.Relative(f)}: {target}"))
            .ToList();

        Assert.That(broken, Is.Empty, Describe(broken));
    }

    private static MarkdownFile Doc(string name)
    {
        var path = Path.Combine(ExampleLayout.Docs, name);
        return new MarkdownFile(path, ExampleLayout.Relative(path));
    }

    private static bool IsRelative(string target) =>
        target.Length > 0 && !target.StartsWith('#') && !Uri.TryCreate(target, UriKind.Absolute, out _);

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    [GeneratedRegex(@"^`confluentflink:(?<key>\w+)`$")]
    private static partial Regex ConfigRow();
}
