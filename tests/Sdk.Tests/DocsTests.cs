using System.Text.RegularExpressions;
using Markdig;
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

    [TestCaseSource(nameof(Markdown))]
    public void EveryRelativeLinkOfAPageResolves(string page)
    {
        var links = Markdig.Markdown.Parse(File.ReadAllText(page)).Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Where(url => url.Length > 0 && !url.Contains("://") && !url.StartsWith('#') && !url.StartsWith("mailto:", StringComparison.Ordinal));
        var broken = links.Where(url => !Path.Exists(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(url.Split('#')[0]))));
        Assert.That(broken, Is.Empty, Relative(page));
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    [GeneratedRegex(@"\bmake [a-z-]+(?: [a-z-]+)* ([A-Z_]+)=")]
    private static partial Regex MakeVariable();

    // The form of the made-up organization ids that real ones never have, e.g. "org-xyz123/env-abc123/chat".
    [GeneratedRegex(@"\borg-[a-z0-9]+\b")]
    private static partial Regex NonUuidOrganization();
}
