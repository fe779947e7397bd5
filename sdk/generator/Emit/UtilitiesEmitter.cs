namespace ConfluentFlink.SdkGen.Emit;

/// <summary>
/// <c>Utilities.cs</c>: the SDK version (pinned to the schema's, since the schema sets <c>respectSchemaVersion</c>),
/// the environment helpers the defaults use, the invoke-options defaulting, and the package's resource-type attribute.
/// </summary>
public sealed class UtilitiesEmitter(SdkContext ctx)
{
    public (string Path, string Content) Emit(string generatedSources)
    {
        var content = CodeWriter.File(ctx.Namespace, ["System"], w =>
        {
            using (w.Block("static class Utilities"))
            {
                using (w.Block("public static string? GetEnv(params string[] names)"))
                {
                    using (w.Block("foreach (var n in names)"))
                    {
                        w.Line("var value = System.Environment.GetEnvironmentVariable(n);");
                        using (w.Block("if (value != null)")) w.Line("return value;");
                    }
                    w.Line("return null;");
                }
                // Only the typed helpers some default actually calls are emitted.
                if (generatedSources.Contains("Utilities.GetEnvInt32(", StringComparison.Ordinal))
                    w.Line().Line("public static int? GetEnvInt32(params string[] names) => int.TryParse(GetEnv(names), out int v) ? (int?)v : null;");
                if (generatedSources.Contains("Utilities.GetEnvDouble(", StringComparison.Ordinal))
                    w.Line().Line("public static double? GetEnvDouble(params string[] names) => double.TryParse(GetEnv(names), out double v) ? (double?)v : null;");
                if (generatedSources.Contains("Utilities.GetEnvBoolean(", StringComparison.Ordinal))
                    w.Line().Line("public static bool? GetEnvBoolean(params string[] names) => bool.TryParse(GetEnv(names), out bool v) ? (bool?)v : null;");
                w.Line();
                using (w.Block("public static InvokeOptions WithDefaults(this InvokeOptions? src)"))
                {
                    using (w.Block("return new InvokeOptions", "};"))
                    {
                        w.Line("Parent = src?.Parent,");
                        w.Line("Provider = src?.Provider,");
                        w.Line("Version = src?.Version ?? Version,");
                        w.Line("PluginDownloadURL = src?.PluginDownloadURL,");
                    }
                }
                w.Line();
                w.Line($"public static string Version => {Literals.String(ctx.Package.Version)};");
            }
            w.Line();
            var attribute = $"{ctx.AttributePrefix}ResourceTypeAttribute";
            using (w.Block($"internal sealed class {attribute} : global::Pulumi.ResourceTypeAttribute"))
            {
                w.Line($"public {attribute}(string type) : base(type, Utilities.Version)");
                using (w.Block(null)) { }
            }
        });
        return ("Utilities.cs", content);
    }
}
