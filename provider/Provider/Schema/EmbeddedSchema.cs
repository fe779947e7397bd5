using System.Reflection;

namespace ConfluentFlink.Provider.Schema;

/// <summary>The package schema compiled into the plugin (the engine starts us in the user's directory).</summary>
public static class EmbeddedSchema
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("schema.json")
            ?? throw new InvalidOperationException("schema.json is not embedded in the plugin");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;
}
