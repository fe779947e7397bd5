using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>Turns a schema description (Markdown) into an XML doc comment, keeping only the C# examples.</summary>
public static class DocComment
{
    public static IEnumerable<string> Summary(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) yield break;
        yield return "/// <summary>";
        foreach (var line in ExampleFilter.ForLanguage(description, ExampleFilter.CSharp))
            yield return line.Length == 0 ? "///" : "/// " + EscapeXml(line);
        yield return "/// </summary>";
    }

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
