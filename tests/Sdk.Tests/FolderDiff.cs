using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>Readable differences between two folders of text files (build output and installed packages ignored).</summary>
public static class FolderDiff
{
    private const int ContextLines = 2;
    private const int MaxLinesPerFile = 40;

    public static IReadOnlyList<string> Compare(string expectedDir, string actualDir)
    {
        var expected = Files(expectedDir);
        var actual = Files(actualDir);
        var report = new List<string>();
        foreach (var missing in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
            report.Add($"missing: {missing}");
        foreach (var extra in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
            report.Add($"not generated: {extra}");
        foreach (var both in expected.Keys.Intersect(actual.Keys).Order(StringComparer.Ordinal))
        {
            var e = File.ReadAllText(expected[both]);
            var a = File.ReadAllText(actual[both]);
            if (e != a) report.Add($"changed: {both}\n{LineDiff(e, a)}");
        }
        return report;
    }

    /// <summary>Changed lines (<c>-</c> expected, <c>+</c> actual) with their line numbers and a little context.</summary>
    public static string LineDiff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines;
        var changed = Enumerable.Range(0, lines.Count).Where(i => lines[i].Type != ChangeType.Unchanged).ToList();
        var indexes = changed
            .SelectMany(i => Enumerable.Range(i - ContextLines, 2 * ContextLines + 1))
            .Where(i => i >= 0 && i < lines.Count)
            .Distinct()
            .Order()
            .ToList();
        var shown = new List<string>();
        for (var k = 0; k < indexes.Count; k++)
        {
            if (k > 0 && indexes[k] != indexes[k - 1] + 1) shown.Add("  ...");
            shown.Add(lines[indexes[k]] switch
            {
                { Type: ChangeType.Deleted } l => $"-      {l.Text}",
                { Type: ChangeType.Inserted } l => $"+{l.Position,5} {l.Text}",
                var l => $" {l.Position,5} {l.Text}",
            });
        }
        return string.Join("\n", shown.Take(MaxLinesPerFile)) + (shown.Count > MaxLinesPerFile ? "\n  ..." : "");
    }

    private static Dictionary<string, string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(dir, f).Replace('\\', '/'), Full: f))
            .Where(f => !ConfluentFlink.SdkGen.SdkWriter.IsBuildOutput(f.Relative))
            .ToDictionary(f => f.Relative, f => f.Full, StringComparer.Ordinal);
}
