namespace ConfluentFlink.SdkGen.Model;

/// <summary>
/// Keeps, inside Pulumi's <c>{{% examples %}}</c> section of a schema description, only the snippets of one language,
/// as Pulumi's codegen does for each SDK: a C# user has no use for the Python one. The shortcodes themselves go.
/// </summary>
public static class ExampleFilter
{
    public const string CSharp = "csharp";
    public const string TypeScript = "typescript";
    public const string Python = "python";

    public static IReadOnlyList<string> ForLanguage(string description, string language)
    {
        var inExamples = false;
        var skippingFence = false;
        var lines = new List<string>();
        foreach (var raw in description.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.StartsWith("{{%", StringComparison.Ordinal))
            {
                if (trimmed.Contains("/examples", StringComparison.Ordinal)) inExamples = false;
                else if (trimmed.Contains("examples", StringComparison.Ordinal)) inExamples = true;
                continue;
            }
            if (inExamples && trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (skippingFence) { skippingFence = false; continue; }
                var fenceLanguage = trimmed[3..];
                if (fenceLanguage.Length > 0 && fenceLanguage != language) { skippingFence = true; continue; }
            }
            if (skippingFence) continue;
            lines.Add(line);
        }
        return CollapseBlankRuns(lines);
    }

    /// <summary>The first snippet of <paramref name="language"/> in a description's examples, if any.</summary>
    public static string? FirstSnippet(string? description, string language)
    {
        if (description is null) return null;
        var lines = ForLanguage(description, language).ToList();
        var start = lines.FindIndex(l => l.Trim() == "```" + language);
        if (start < 0) return null;
        var end = lines.FindIndex(start + 1, l => l.Trim() == "```");
        return end < 0 ? null : string.Join("\n", lines.Skip(start + 1).Take(end - start - 1));
    }

    // Dropped snippets and shortcodes leave runs of blank lines behind.
    private static List<string> CollapseBlankRuns(List<string> lines)
    {
        var previousBlank = true;
        var kept = new List<string>();
        foreach (var line in lines)
        {
            var blank = line.Length == 0;
            if (blank && previousBlank) continue;
            kept.Add(line);
            previousBlank = blank;
        }
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        return kept;
    }
}
