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
        "sdk/dotnet/version.txt",
        "sdk/nodejs/package.json",
        "sdk/python/pyproject.toml",
        "sdk/python/pulumi_confluentflink/pulumi-plugin.json",
    ];

    /// <summary>
    /// The version a file states: a JSON document's top-level <c>version</c>, a project's <c>&lt;Version&gt;</c>, or a
    /// text file's whole (trimmed) content. Null when the file states none.
    /// </summary>
    public static string? Read(string path) => Path.GetExtension(path) switch
    {
        ".json" => JsonVersion(JsonNode.Parse(File.ReadAllText(path))),
        ".csproj" => XDocument.Load(path).Descendants("Version").FirstOrDefault()?.Value,
        ".txt" => File.ReadAllText(path).Trim(),
        // The Python package's version is PEP 440's spelling of the same version (1.2.3-rc.1 is 1.2.3rc1).
        ".toml" => System.Text.RegularExpressions.Regex.Match(File.ReadAllText(path), "(?m)^\\s*version = \"([^\"]+)\"").Groups[1].Value is { Length: > 0 } v ? v : null,
        var other => throw new NotSupportedException($"{path}: no version reader for '{other}' files"),
    };

    /// <summary>
    /// A package.json states the version twice: npm's at the top, and the plugin's that the engine reads in its
    /// <c>pulumi</c> section. When they differ, both are returned, so the file disagrees with any one version.
    /// </summary>
    private static string? JsonVersion(JsonNode? document)
    {
        var version = document?["version"]?.GetValue<string>();
        var plugin = document?["pulumi"]?["version"]?.GetValue<string>();
        return plugin is null || plugin == version ? version : $"{version ?? "no version"} (pulumi section: {plugin})";
    }

    /// <summary>The version set in schema.json.</summary>
    public static string Release(string repositoryRoot) =>
        Read(Path.Combine(repositoryRoot, Schema)) ?? throw new InvalidDataException($"{Schema} has no \"version\"");
}
