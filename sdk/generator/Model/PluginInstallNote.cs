using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>The paragraph of each SDK's README that says how the engine gets the resource plugin.</summary>
public static class PluginInstallNote
{
    public static string Text(PackageSpec p)
    {
        var plugin = $"The SDK talks to the resource plugin `pulumi-resource-{p.Name}` {p.Version}.";
        return p.PluginDownloadUrl is { } url
            ? $"{plugin} The engine downloads it from `{url}` when it is not installed; it can also be installed by hand\n"
              + $"(on `PATH`, or with `pulumi plugin install resource {p.Name} {p.Version} --file <binary>`)."
            : $"{plugin} It must be installed (on `PATH`, or with\n`pulumi plugin install resource {p.Name} {p.Version} --file <binary>`): the schema sets no `pluginDownloadURL`.";
    }
}
