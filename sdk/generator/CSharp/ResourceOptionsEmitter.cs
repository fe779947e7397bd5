using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>
/// <c>MakeResourceOptions</c>: pins the plugin version and download URL, lists the secret outputs (so the engine stores
/// them encrypted even when the provider returns them in plain) and the properties whose change replaces the resource.
/// </summary>
public static class ResourceOptionsEmitter
{
    public static void MakeResourceOptions(CodeWriter w, string? pluginDownloadUrl, IReadOnlyList<string> secretOutputs, IReadOnlyList<string> replaceOnChanges)
    {
        using (w.Block("private static CustomResourceOptions MakeResourceOptions(CustomResourceOptions? options, Input<string>? id)"))
        {
            using (w.Block("var defaultOptions = new CustomResourceOptions", "};"))
            {
                w.Line("Version = Utilities.Version,");
                if (pluginDownloadUrl is not null) w.Line($"PluginDownloadURL = {Literals.String(pluginDownloadUrl)},");
                StringList(w, "AdditionalSecretOutputs", secretOutputs);
                StringList(w, "ReplaceOnChanges", replaceOnChanges);
            }
            w.Line("var merged = CustomResourceOptions.Merge(defaultOptions, options);");
            w.Line("// Override the ID if one was specified for consistency with other language SDKs.");
            w.Line("merged.Id = id ?? merged.Id;");
            w.Line("return merged;");
        }
    }

    private static void StringList(CodeWriter w, string option, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        using (w.Block($"{option} =", "},"))
            foreach (var value in values) w.Line($"{Literals.String(value)},");
    }
}
