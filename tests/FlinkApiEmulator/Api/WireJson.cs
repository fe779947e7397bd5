using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfluentFlink.FlinkApiEmulator.Api;

internal static class WireJson
{
    /// <summary>The API's snake_case names; absent rather than null fields, as the real service answers.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Readable quotes in details ("'c1'" rather than "\u0027c1\u0027"); these bodies never reach an HTML page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
