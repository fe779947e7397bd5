using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>The language snippets inside the schema's <c>{{% example %}}</c> blocks.</summary>
public static partial class SchemaExamples
{
    [GeneratedRegex("```csharp\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpFence();

    public static IReadOnlyList<string> CSharpSnippets()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!;
        var descriptions = (schema["resources"]?.AsObject() ?? []).Select(r => r.Value?["description"]?.GetValue<string>())
            .Concat((schema["functions"]?.AsObject() ?? []).Select(f => f.Value?["description"]?.GetValue<string>()))
            .OfType<string>();
        return descriptions.SelectMany(d => CSharpFence().Matches(d).Select(m => m.Groups["code"].Value)).ToList();
    }
}
