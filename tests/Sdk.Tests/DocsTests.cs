using System.Text.RegularExpressions;
using ConfluentFlink.Schema;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>What the docs say that the repository itself can hold them to: the commands, platforms, ids and links they give.</summary>
public partial class DocsTests
{
    private static string Root => RepoPaths.RepoRoot;

    private static IEnumerable<string> Markdown() =>
        new[] { "docs", "examples" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.md", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/node_modules/") && !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Concat(new[] { "README.md", "RELEASING.md", "CHANGELOG.md" }.Select(f => Path.Combine(Root, f)).Where(File.Exists))
            .Order(StringComparer.Ordinal);

    [Test]
    public void EveryMakeVariableTheDocsSetIsOneTheMakefileReads()
    {
        var makefile = File.ReadAllText(Path.Combine(Root, "Makefile"));
        var variables = Markdown().SelectMany(f => MakeVariable().Matches(File.ReadAllText(f)).Select(m => (File: f, Name: m.Groups[1].Value))).ToList();
        Assert.That(variables, Is.Not.Empty);
        Assert.That(variables.Where(v => !makefile.Contains($"$({v.Name})") && !makefile.Contains($"{v.Name} ?=")).Select(v => $"{Relative(v.File)}: {v.Name}"), Is.Empty);
    }

    [Test]
    public void TheReleaseStepsNameEveryPlatformMakeDistBuildsAndPublishTheSdkPackagesItWrites()
    {
        var platforms = Regex.Matches(File.ReadAllText(Path.Combine(Root, "release", "dist.sh")), @"([a-z]+-(?:amd64|arm64))=").Select(m => m.Groups[1].Value).ToList();
        var releasing = File.ReadAllText(Path.Combine(Root, "RELEASING.md"));
        Assert.That(platforms, Has.Count.EqualTo(6));
        Assert.That(platforms.Where(p => !releasing.Contains(p)), Is.Empty);
        Assert.That(releasing, Does.Contain("npm publish dist/sdk/").And.Contain("twine upload dist/sdk/"));
    }

    /// <summary>Tests need no check of their own: the provider refuses an organization id that is not a UUID at preview.</summary>
    [Test]
    public void OrganizationIdsAreUuidsWhereverUsersReadThem()
    {
        var files = Markdown().Concat(new[] { "examples", "demo", "bench" }.SelectMany(d =>
            Directory.EnumerateFiles(Path.Combine(Root, d), "*.*", SearchOption.AllDirectories)
                .Where(f => Regex.IsMatch(f, @"\.(cs|ts|py|yaml|sh|jq)$") && !Regex.IsMatch(f, "/(node_modules|bin|obj)/"))));
        Assert.That(files.SelectMany(f => NonUuidOrganization().Matches(File.ReadAllText(f)).Select(m => $"{Relative(f)}: {m.Value}")).Distinct(), Is.Empty);
    }

    [Test]
    public void EveryProviderConfigKeyTheDocsAndExamplesNameIsOneTheSchemaDeclares()
    {
        var keys = PackageSpec.Embedded.ProviderInputs.Select(p => p.WireName).ToHashSet();
        var files = Markdown().Concat(Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.*", SearchOption.AllDirectories)
            .Where(f => Regex.IsMatch(f, @"\.(cs|ts|py|yaml)$") && !Regex.IsMatch(f, "/(node_modules|bin|obj)/")));
        var named = files.SelectMany(f => ConfigKey().Matches(File.ReadAllText(f)).Select(m => (File: f, Key: m.Groups[1].Value))).ToList();
        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(n => !keys.Contains(n.Key)).Select(n => $"{Relative(n.File)}: confluentflink:{n.Key}").Distinct(), Is.Empty);
    }

    /// <summary>Every relative link names a file that exists, and a heading of that page when it has a #fragment.</summary>
    [TestCaseSource(nameof(Markdown))]
    public void EveryRelativeLinkOfAPageResolves(string page)
    {
        var links = Parse(page).Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Where(url => url.Length > 0 && !url.Contains("://") && !url.StartsWith("mailto:", StringComparison.Ordinal));
        var broken = links.Where(url =>
        {
            var (file, fragment) = url.Split('#', 2) is [var f, var h] ? (f, h) : (url, null);
            var target = file.Length == 0 ? page : Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file));
            return !Path.Exists(target) || (fragment is not null && target.EndsWith(".md", StringComparison.Ordinal) && !HeadingIds(target).Contains(fragment));
        });
        Assert.That(broken, Is.Empty, Relative(page));
    }

    // Heading ids as GitHub makes them, which is what a #fragment of a link on GitHub names.
    private static readonly MarkdownPipeline GitHubHeadings = new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).Build();

    private static MarkdownDocument Parse(string page) => Markdig.Markdown.Parse(File.ReadAllText(page), GitHubHeadings);

    private static HashSet<string> HeadingIds(string page) => Parse(page).Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet();

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    // "confluentflink:flinkApiKey", but not a type token such as "confluentflink:index:FlinkConnection".
    [GeneratedRegex(@"\bconfluentflink:([a-z][A-Za-z0-9]*)\b(?!:)")]
    private static partial Regex ConfigKey();

    [GeneratedRegex(@"\bmake [a-z-]+(?: [a-z-]+)* ([A-Z_]+)=")]
    private static partial Regex MakeVariable();

    // The form of the made-up organization ids that real ones never have, e.g. "org-xyz123/env-abc123/chat".
    [GeneratedRegex(@"\borg-[a-z0-9]+\b")]
    private static partial Regex NonUuidOrganization();
}
