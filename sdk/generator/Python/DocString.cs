using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// Docstrings from schema descriptions, laid out as Pulumi's Python codegen lays them out: the text between triple
/// quotes at the code's indentation, and Sphinx <c>:param type name: text</c> lines whose continuation lines line up
/// under the type.
/// </summary>
public static class DocString
{
    /// <summary>A description with the examples of other languages (and the example shortcodes) removed.</summary>
    public static string Filtered(string? description) =>
        description is null ? "" : string.Join("\n", ExampleFilter.ForLanguage(description, ExampleFilter.Python));

    /// <summary>Writes <paramref name="text"/> as a docstring at <paramref name="indent"/>; nothing for an empty text.</summary>
    public static void Write(CodeWriter w, string? text, string indent)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0) return;
        w.Line(indent + "\"\"\"");
        foreach (var line in lines)
            w.Line(line.Length == 0 ? "" : indent + line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"\"\"", "\\\"\\\"\\\"", StringComparison.Ordinal));
        w.Line(indent + "\"\"\"");
    }

    /// <summary>The <c>:param</c> lines of one documented parameter; none when it has no description.</summary>
    public static IEnumerable<string> Param(string name, string typeHint, string? description)
    {
        if (string.IsNullOrEmpty(description)) yield break;
        var lines = description.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        for (var i = 0; i < lines.Count; i++)
            yield return i == 0 ? $":param {typeHint} {name}: {lines[i]}" : "       " + lines[i];
    }
}
