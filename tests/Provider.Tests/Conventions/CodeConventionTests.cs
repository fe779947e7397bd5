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
        var names = SourceFiles("*.cs").Where(f => Relative(f).StartsWith("tests/", StringComparison.Ordinal))
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

    [TestCase("[Test]\n    public void Plain()", "Plain")]
    [TestCase("[TestCase(new[] { \"a]\" }, 2)]\n    [TestCase(new[] { \"b\" }, 3)]\n    public async Task WithArrays(string[] a, int b)", "WithArrays")]
    [TestCase("[Test]\n    // why\n    [Category(\"x\")]\n    public static Task<int> Returning()", "Returning")]
    [TestCase("[TestCaseSource(nameof(Cases))]\n    public void snake_case(int x)", "snake_case")]
    public void TheTestMethodScanFindsEveryShapeOfTest(string source, string name) =>
        Assert.That(TestMethod().Matches(source).Select(m => m.Groups["name"].Value), Is.EqualTo(new[] { name }));

    [Test]
    public void OneHelperFindsTheRepositoryRoot()
    {
        // A root finder starts where the program runs and climbs to parent folders.
        var finders = SourceFiles("*.cs").Where(f => File.ReadAllText(f) is var text && StartingPlace().IsMatch(text) && text.Contains(".Parent", StringComparison.Ordinal))
            .Select(Relative).ToList();

        Assert.That(finders, Is.EqualTo(new[] { "tests/Harness/RepoPaths.cs" }));
    }

    private static IEnumerable<string> SourceFiles(string pattern) => SourceFolders
        .Select(folder => Path.Combine(RepoPaths.RepoRoot, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories))
        .Where(f => !Relative(f).Split('/').Any(SkippedFolders.Contains) && Relative(f) != ThisFile);

    private static string Relative(string file) => Path.GetRelativePath(RepoPaths.RepoRoot, file).Replace('\\', '/');

    // An attribute's arguments may hold strings and brackets of their own (new[] { "a]" }); comments may sit between the
    // attributes and the method; the method may be static and return anything.
    [GeneratedRegex(@"\[(?:Test|TestCase|TestCaseSource|Theory)\b(?:[^\[\]""]|""(?:[^""\\]|\\.)*""|\[[^\]]*\])*\](?:\s*(?://[^\n]*|\[[^\n]*\]))*\s*public\s+(?:static\s+)?(?:async\s+)?[\w<>\[\],? ]+?\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"AppContext\.BaseDirectory|Directory\.GetCurrentDirectory|Environment\.CurrentDirectory")]
    private static partial Regex StartingPlace();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"(?i)\boption\s*#?\s*[12]\b|\bissue\s*#?\s*\d+|\bthe issue\b|\bseed(?:'s)?\s+(?:doc|docs|documentation|resource|option)|\bterraform seed\b|\bSeed(?:Doc|Option|Terraform)")]
    private static partial Regex RequirementOrigin();
}
