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
        using (w.Block("public static string? GetEnv(params string[] names)"))
        {
            using (w.Block("foreach (var n in names)"))
            {
                w.Line("var value = global::System.Environment.GetEnvironmentVariable(n);");
                using (w.Block("if (value != null)")) w.Line("return value;");
            }
            w.Line("return null;");
        }
        w.Line();
        // The spellings Go's strconv.ParseBool accepts, which Pulumi's SDKs in every language share.
        w.Line("static string[] trueValues = { \"1\", \"t\", \"T\", \"true\", \"TRUE\", \"True\" };");
        w.Line("static string[] falseValues = { \"0\", \"f\", \"F\", \"false\", \"FALSE\", \"False\" };");
        using (w.Block("public static bool? GetEnvBoolean(params string[] names)"))
        {
            w.Line("var s = GetEnv(names);");
            using (w.Block("if (s != null)"))
            {
                using (w.Block("if (global::System.Array.IndexOf(trueValues, s) != -1)")) w.Line("return true;");
                using (w.Block("if (global::System.Array.IndexOf(falseValues, s) != -1)")) w.Line("return false;");
            }
            w.Line("return null;");
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
        w.Line("private readonly static string version;");
        w.Line("public static string Version => version;");
        w.Line();
        using (w.Block("static Utilities()"))
        {
            w.Line("var assembly = global::System.Reflection.IntrospectionExtensions.GetTypeInfo(typeof(Utilities)).Assembly;");
            w.Line($"using var stream = assembly.GetManifestResourceStream({Literals.String($"{ctx.Namespace}.{VersionFile}")});");
            w.Line($"using var reader = new global::System.IO.StreamReader(stream ?? throw new global::System.NotSupportedException(\"Missing embedded {VersionFile} file\"));");
            w.Line("version = reader.ReadToEnd().Trim();");
            w.Line("var parts = version.Split(\"\\n\");");
            using (w.Block("if (parts.Length == 2)"))
            {
                w.Line("// The first part is the provider name.");
                w.Line("version = parts[1].Trim();");
            }
        }
    }
}
