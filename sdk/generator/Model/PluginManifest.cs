using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>
/// The plugin manifest every SDK carries (<c>pulumi-plugin.json</c> in .NET, the <c>pulumi</c> section of
/// <c>package.json</c> in Node): which resource plugin, at which version, and where the engine downloads it from
/// (<c>server</c>, the schema's <c>pluginDownloadURL</c>), in the key order of Pulumi's <c>PulumiPluginJSON</c>.
/// </summary>
public static class PluginManifest
{
    public static JsonObject For(PackageSpec package)
    {
        var manifest = new JsonObject
        {
            ["resource"] = true,
            ["name"] = package.Name,
            ["version"] = package.Version,
        };
        if (package.PluginDownloadUrl is { } server) manifest["server"] = server;
        return manifest;
    }

    /// <summary>Indented JSON with LF endings and a final newline, as Go's <c>json.MarshalIndent</c> writes it.</summary>
    public static string Json(JsonNode node, int indentSize)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = indentSize,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return node.ToJsonString(options).Replace("\r\n", "\n") + "\n";
    }
}
