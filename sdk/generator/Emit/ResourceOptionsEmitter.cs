namespace ConfluentFlink.SdkGen.Emit;

/// <summary>
/// <c>MakeResourceOptions</c>: pins the plugin version and lists the secret outputs, so the engine stores them encrypted
/// even when the provider (or an older one) returns them in plain.
/// </summary>
public static class ResourceOptionsEmitter
{
    public static void MakeResourceOptions(CodeWriter w, IEnumerable<string> secretOutputs)
    {
        var secrets = secretOutputs.ToList();
        using (w.Block("private static CustomResourceOptions MakeResourceOptions(CustomResourceOptions? options, Input<string>? id)"))
        {
            using (w.Block("var defaultOptions = new CustomResourceOptions", "};"))
            {
                w.Line("Version = Utilities.Version,");
                if (secrets.Count > 0)
                {
                    using (w.Block("AdditionalSecretOutputs =", "},"))
                        foreach (var s in secrets) w.Line($"{Literals.String(s)},");
                }
            }
            w.Line("var merged = CustomResourceOptions.Merge(defaultOptions, options);");
            w.Line("// Override the ID if one was specified for consistency with other language SDKs.");
            w.Line("merged.Id = id ?? merged.Id;");
            w.Line("return merged;");
        }
    }
}
