using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ConfluentFlink.Release.Tests;

/// <summary>
/// The files that carry the release version. schema.json's is the one that is set (<c>make version VERSION=x.y.z</c>);
/// the build reads it for the plugin's assemblies, and the SDK generator copies it into each SDK.
/// </summary>
public static class VersionStamps
{
    public const string Schema = "schema.json";

    /// <summary>Repository-relative paths; the reader is chosen by the file's extension (see <see cref="Read"/>).</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        Schema,
        "sdk/dotnet/Pulumi.ConfluentFlink.csproj",
        "sdk/dotnet/pulumi-plugin.json",
    ];

    /// <summary>
    /// The version a file states: a JSON document's top-level <c>version</c>, a project's <c>&lt;Version&gt;</c>, or a
    /// text file's whole (trimmed) content. Null when the file states none.
    /// </summary>
    public static string? Read(string path) => Path.GetExtension(path) switch
    {
        ".json" => JsonNode.Parse(File.ReadAllText(path))?["version"]?.GetValue<string>(),
        ".csproj" => XDocument.Load(path).Descendants("Version").FirstOrDefault()?.Value,
        ".txt" => File.ReadAllText(path).Trim(),
        var other => throw new NotSupportedException($"{path}: no version reader for '{other}' files"),
    };

    /// <summary>The version set in schema.json.</summary>
    public static string Release(string repositoryRoot) =>
        Read(Path.Combine(repositoryRoot, Schema)) ?? throw new InvalidDataException($"{Schema} has no \"version\"");
}
