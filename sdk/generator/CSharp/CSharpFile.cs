using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>A C# source file: the generated-file header, usings, then one namespace block.</summary>
public static class CSharpFile
{
    public static string Create(string ns, IEnumerable<string> usings, Action<CodeWriter> body)
    {
        var w = CodeWriter.WithHeader();
        var usingList = usings.ToList();
        foreach (var u in usingList) w.Line($"using {u};");
        if (usingList.Count > 0) w.Line();
        using (w.Block($"namespace {ns}")) body(w);
        return w.ToString();
    }

    public static CodeWriter Doc(this CodeWriter w, string? description) => w.Lines(DocComment.Summary(description));
}
