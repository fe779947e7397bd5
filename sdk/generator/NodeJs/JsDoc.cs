using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>Turns a schema description (Markdown) into a JSDoc comment, keeping only the TypeScript examples.</summary>
public static class JsDoc
{
    public static IEnumerable<string> Comment(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) yield break;
        yield return "/**";
        // A "*/" inside the text would end the comment early.
        foreach (var line in ExampleFilter.ForLanguage(description, ExampleFilter.TypeScript))
            yield return line.Length == 0 ? " *" : " * " + line.Replace("*/", "*&#47;", StringComparison.Ordinal);
        yield return " */";
    }

    public static CodeWriter Doc(this CodeWriter w, string? description) => w.Lines(Comment(description));
}
