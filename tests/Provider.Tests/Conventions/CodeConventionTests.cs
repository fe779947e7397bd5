extern alias harness;
using System.Text.RegularExpressions;
using harness::ConfluentFlink.Harness;

namespace ConfluentFlink.Provider.Tests.Conventions;

/// <summary>
/// The conventions a newcomer relies on, held over the repository's own code (generated SDKs and installed packages
/// excluded): test methods in one naming style, names that say what a thing is rather than where a requirement came
/// from, and one place that knows how to find the repository.
/// </summary>
public partial class CodeConventionTests
{
    private static readonly string[] SourceFolders = ["provider", "tests", "sdk/generator", "bench", "demo", "examples"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules"];
    // This file spells out what the scans look for, so it is the one file they do not read.
    private const string ThisFile = "tests/Provider.Tests/Conventions/CodeConventionTests.cs";

    [Test]
    public void TestMethodsAreNamedInPascalCaseWithoutUnderscores()
    {
        var names = SourceFiles("*.cs").Where(f => f.Contains("/tests/", StringComparison.Ordinal))
            .SelectMany(f => TestMethod().Matches(File.ReadAllText(f)).Select(m => (File: Relative(f), Name: m.Groups["name"].Value)))
            .ToList();

        Assert.That(names, Has.Count.GreaterThan(300), "the scan finds the suite's tests");
        Assert.That(names.Where(n => !PascalCase().IsMatch(n.Name)).Select(n => $"{n.File}: {n.Name}"), Is.Empty);
    }

    [Test]
    public void NamesAndCommentsSayWhatAThingIsNotWhereItsRequirementCameFrom()
    {
        var offending = SourceFiles("*.cs").Concat(SourceFiles("*.ts")).Concat(SourceFiles("*.sh"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RequirementOrigin().IsMatch(l.Text))
            .Select(l => $"{Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(offending, Is.Empty);
    }

    [TestCase("the Terraform seed doc says so")]
    [TestCase("see Option #2")]
    [TestCase("public void Issue13Regression()")]
    [TestCase("// the issue asks for this")]
    public void TheOriginScanCatchesWhatItIsFor(string line) => Assert.That(RequirementOrigin().IsMatch(line), Is.True);

    [TestCase("var seed = BitConverter.ToUInt32(randomSeed)")]
    [TestCase("CHAOS_SEED picks the storm's seeds")]
    [TestCase("an issuer of tokens")]
    public void TheOriginScanLeavesOrdinaryWordsAlone(string line) => Assert.That(RequirementOrigin().IsMatch(line), Is.False);

    [Test]
    public void OneHelperFindsTheRepositoryRoot()
    {
        var finders = SourceFiles("*.cs").Where(f => File.ReadAllText(f).Contains("new DirectoryInfo(AppContext.BaseDirectory)", StringComparison.Ordinal))
            .Select(Relative).ToList();

        Assert.That(finders, Is.EqualTo(new[] { "tests/Harness/RepoPaths.cs" }));
    }

    private static IEnumerable<string> SourceFiles(string pattern) => SourceFolders
        .Select(folder => Path.Combine(RepoPaths.RepoRoot, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
        .Where(f => !Relative(f).Split('/').Any(SkippedFolders.Contains) && Relative(f) != ThisFile);

    private static string Relative(string file) => Path.GetRelativePath(RepoPaths.RepoRoot, file).Replace('\\', '/');

    [GeneratedRegex(@"\[(?:Test|TestCase|TestCaseSource)\b[^\]]*\](?:\s*\[[^\]]*\])*\s*public\s+(?:async\s+)?(?:Task|void)\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"(?i)\boption\s*#?\s*[12]\b|\bissue\s*#?\s*\d+|\bthe issue\b|\bseed(?:'s)?\s+(?:doc|docs|documentation|resource|option)|\bterraform seed\b|\bSeed(?:Doc|Option|Terraform)")]
    private static partial Regex RequirementOrigin();
}
