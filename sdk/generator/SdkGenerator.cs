using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen;

/// <summary>The SDK languages this generator emits, each with the file that marks a folder as its output.</summary>
public enum SdkLanguage
{
    DotNet,
    NodeJs,
    Python,
}

/// <summary>Schema in, SDK files out (relative path → content), in memory so tests can compare without touching disk.</summary>
public static class SdkGenerator
{
    public static IReadOnlyDictionary<string, string> Generate(string schemaPath, SdkLanguage language) =>
        Generate(SchemaLoader.Load(schemaPath), language);

    public static IReadOnlyDictionary<string, string> Generate(PackageSpec package, SdkLanguage language) =>
        Collect(language switch
        {
            SdkLanguage.DotNet => CSharp.CSharpSdk.Files(package),
            SdkLanguage.NodeJs => NodeJs.NodeJsSdk.Files(package),
            SdkLanguage.Python => Python.PythonSdk.Files(package),
            _ => throw new ArgumentOutOfRangeException(nameof(language)),
        });

    /// <summary>The file whose presence marks a folder as this language's generated SDK (see <see cref="SdkWriter"/>).</summary>
    public static string MarkerFile(SdkLanguage language) => language switch
    {
        SdkLanguage.DotNet => "pulumi-plugin.json",
        SdkLanguage.NodeJs => "package.json",
        SdkLanguage.Python => "pyproject.toml",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    private static SortedDictionary<string, string> Collect(IEnumerable<GeneratedFile> generated)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in generated)
        {
            if (!files.TryAdd(file.Path, file.Content))
                throw new SchemaException($"two schema items map to the same file '{file.Path}'");
        }
        return files;
    }
}
