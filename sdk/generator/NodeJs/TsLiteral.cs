using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>TypeScript source for schema literals.</summary>
public static class TsLiteral
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A double-quoted string literal.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A JSON array of strings, as Pulumi writes the property lists of lazy loads.</summary>
    public static string StringArray(IEnumerable<string> values) => JsonSerializer.Serialize(values, Options);
}
