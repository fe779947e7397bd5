namespace ConfluentFlink.SdkGen.Emit;

/// <summary>
/// Turns a schema description (Markdown) into an XML doc comment. Inside Pulumi's <c>{{% examples %}}</c> section only
/// the C# snippets are kept, as Pulumi's own codegen does: a C# user has no use for the Python one.
/// </summary>
public static class DocComment
{
    public static IEnumerable<string> Summary(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) yield break;
        yield return "/// <summary>";
        foreach (var line in ForCSharp(description))
            yield return line.Length == 0 ? "///" : "/// " + EscapeXml(line);
        yield return "/// </summary>";
    }

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static IEnumerable<string> ForCSharp(string description)
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
                var language = trimmed[3..];
                if (language.Length > 0 && language != "csharp") { skippingFence = true; continue; }
            }
            if (skippingFence) continue;
            lines.Add(line);
        }
        return CollapseBlankRuns(lines);
    }

    // Dropped snippets and shortcodes leave runs of blank lines behind.
    private static IEnumerable<string> CollapseBlankRuns(List<string> lines)
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
