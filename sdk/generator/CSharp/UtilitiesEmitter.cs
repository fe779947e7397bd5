using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>
/// <c>Utilities.cs</c>, as Pulumi's C# template lays it out: the environment helpers (all of them, whether or not a
/// default calls them, since user code may), the invoke-options defaulting for both options types, the SDK version read
/// from the embedded <c>version.txt</c>, and the package's resource-type attribute.
/// </summary>
public sealed class UtilitiesEmitter(SdkContext ctx)
{
    public const string VersionFile = "version.txt";

    public GeneratedFile Emit()
    {
        var content = CSharpFile.Create(ctx.Namespace, [], w =>
        {
            using (w.Block("static class Utilities"))
            {
                EnvironmentHelpers(w);
                w.Line();
                InvokeDefaults(w);
                w.Line();
                Version(w);
            }
            w.Line();
            var attribute = $"{ctx.AttributePrefix}ResourceTypeAttribute";
            using (w.Block($"internal sealed class {attribute} : global::Pulumi.ResourceTypeAttribute"))
            {
                w.Line($"public {attribute}(string type) : base(type, Utilities.Version)");
                using (w.Block(null)) { }
            }
        });
        return new GeneratedFile("Utilities.cs", content);
    }

    private static void EnvironmentHelpers(CodeWriter w)
    {
        w.Line("public static string? GetEnv(params string[] names) =>");
        w.Line("    global::System.Linq.Enumerable.FirstOrDefault(global::System.Linq.Enumerable.Select(names, global::System.Environment.GetEnvironmentVariable), value => value != null);");
        w.Line();
        // The spellings Go's strconv.ParseBool accepts, which Pulumi's SDKs in every language share.
        using (w.Block("public static bool? GetEnvBoolean(params string[] names) => GetEnv(names) switch", "};"))
        {
            w.Line("\"1\" or \"t\" or \"T\" or \"true\" or \"TRUE\" or \"True\" => true,");
            w.Line("\"0\" or \"f\" or \"F\" or \"false\" or \"FALSE\" or \"False\" => false,");
            w.Line("_ => null,");
        }
        w.Line();
        w.Line("public static int? GetEnvInt32(params string[] names) => int.TryParse(GetEnv(names), out int v) ? (int?)v : null;");
        w.Line();
        w.Line("public static double? GetEnvDouble(params string[] names) => double.TryParse(GetEnv(names), out double v) ? (double?)v : null;");
    }

    private void InvokeDefaults(CodeWriter w)
    {
        w.Line("[global::System.Obsolete(\"Please use WithDefaults instead\")]");
        using (w.Block("public static global::Pulumi.InvokeOptions WithVersion(this global::Pulumi.InvokeOptions? options)"))
        {
            w.Line("var dst = options ?? new global::Pulumi.InvokeOptions{};");
            w.Line("dst.Version = options?.Version ?? Version;");
            w.Line("return dst;");
        }
        foreach (var optionsType in new[] { "InvokeOptions", "InvokeOutputOptions" })
        {
            w.Line();
            using (w.Block($"public static global::Pulumi.{optionsType} WithDefaults(this global::Pulumi.{optionsType}? src)"))
            {
                w.Line($"var dst = src ?? new global::Pulumi.{optionsType}{{}};");
                w.Line("dst.Version = src?.Version ?? Version;");
                if (ctx.Package.PluginDownloadUrl is { } url)
                    w.Line($"dst.PluginDownloadURL = src?.PluginDownloadURL ?? {Literals.String(url)};");
                w.Line("return dst;");
            }
        }
    }

    private void Version(CodeWriter w)
    {
        w.Line("private static readonly string version;");
        w.Line("public static string Version => version;");
        w.Line();
        using (w.Block("static Utilities()"))
        {
            w.Line($"using var stream = typeof(Utilities).Assembly.GetManifestResourceStream({Literals.String($"{ctx.Namespace}.{VersionFile}")})");
            w.Line($"    ?? throw new global::System.NotSupportedException(\"Missing embedded {VersionFile} file\");");
            w.Line("using var reader = new global::System.IO.StreamReader(stream);");
            w.Line("// A two-line version.txt names the provider on its first line and gives the version on its second.");
            w.Line("var lines = reader.ReadToEnd().Trim().Split('\\n');");
            w.Line("version = lines[lines.Length - 1].Trim();");
        }
    }
}
