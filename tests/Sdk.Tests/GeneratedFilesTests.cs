using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen;
using ConfluentFlink.Schema;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// Everything `make sdk` writes is what the generator makes now: the three SDKs from schema.json, and every text that
/// states a fact of the connection catalog, in schema.json and in the docs' marked regions.
/// </summary>
public class GeneratedFilesTests
{
    private static string Root => RepoPaths.RepoRoot;
    private static string CatalogFile => Path.Combine(Root, "provider", "Schema", "connection-catalog.json");

    public static IEnumerable<SdkLanguage> Languages => Enum.GetValues<SdkLanguage>();

    private static string SdkFolder(SdkLanguage language) => Path.Combine(Root, "sdk", language switch
    {
        SdkLanguage.DotNet => "dotnet",
        SdkLanguage.NodeJs => "nodejs",
        _ => "python",
    });

    [TestCaseSource(nameof(Languages))]
    public void TheCommittedSdkIsTheGeneratorsOutput(SdkLanguage language)
    {
        var fresh = Directory.CreateTempSubdirectory("sdk-sync-");
        try
        {
            SdkWriter.Write(SdkGenerator.Generate(RepoPaths.SchemaFile, language), fresh.FullName, SdkGenerator.MarkerFile(language));
            var differences = FolderDiff.Compare(expectedDir: fresh.FullName, actualDir: SdkFolder(language));
            Assert.That(differences, Is.Empty, $"sdk/{Path.GetFileName(SdkFolder(language))} is out of date: run `make sdk` and commit. " +
                                               "Differences (- generated, + committed):\n" + string.Join("\n", differences));
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    [Test]
    public void EveryCatalogFactInTheSchemaAndTheDocsIsWrittenFromTheCatalog()
    {
        var catalogJson = File.ReadAllText(CatalogFile);
        var schema = File.ReadAllText(RepoPaths.SchemaFile);
        var catalog = ConnectionCatalog.Parse(catalogJson, SchemaLoader.Parse(schema));
        var stale = new[] { RepoPaths.SchemaFile }
            .Where(_ => CatalogText.Schema(schema, catalogJson) != schema)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"))
                .Where(f => File.ReadAllText(f) is var text && CatalogText.Markdown(text, catalog) != text))
            .Select(f => Path.GetRelativePath(Root, f));
        Assert.That(stale, Is.Empty, "run `make sdk` and commit: these files state catalog facts that differ from the catalog");
    }

    [Test]
    public void RegeneratingRemovesWhatTheSchemaNoLongerMakesKeepsBuildOutputAndNeverWritesOverAForeignFolder()
    {
        var sdk = Directory.CreateTempSubdirectory("sdk-rewrite-");
        var foreign = Directory.CreateTempSubdirectory("not-an-sdk-");
        try
        {
            var files = SdkGenerator.Generate(RepoPaths.SchemaFile, SdkLanguage.DotNet);
            var marker = SdkGenerator.MarkerFile(SdkLanguage.DotNet);
            SdkWriter.Write(files, sdk.FullName, marker);
            File.WriteAllText(Path.Combine(sdk.FullName, "Removed.cs"), "// a file an older schema made");
            Directory.CreateDirectory(Path.Combine(sdk.FullName, "obj"));
            File.WriteAllText(Path.Combine(sdk.FullName, "obj", "project.assets.json"), "{}");
            File.WriteAllText(Path.Combine(foreign.FullName, "Program.cs"), "// the user's own");

            SdkWriter.Write(files, sdk.FullName, marker);

            Assert.That(FolderDiff.Compare(expectedDir: sdk.FullName, actualDir: SdkFolder(SdkLanguage.DotNet)), Is.Empty);
            Assert.That(File.Exists(Path.Combine(sdk.FullName, "obj", "project.assets.json")), Is.True, "build output is kept");
            Assert.That(() => SdkWriter.Write(files, foreign.FullName, marker), Throws.InstanceOf<IOException>().With.Message.Contain("refusing"));
            Assert.That(Directory.EnumerateFileSystemEntries(foreign.FullName).Select(Path.GetFileName), Is.EqualTo(new[] { "Program.cs" }));
        }
        finally
        {
            sdk.Delete(recursive: true);
            foreign.Delete(recursive: true);
        }
    }

    [TestCaseSource(nameof(Languages))]
    public void TheSdkDoesNotDependOnTheOrderOfKeysInTheSchema(SdkLanguage language)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Reverse(JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!).ToJsonString());
            Assert.That(SdkGenerator.Generate(path, language), Is.EqualTo(SdkGenerator.Generate(RepoPaths.SchemaFile, language)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The engine installs the plugin an SDK names: the schema's version, from the schema's download server.</summary>
    [TestCase(SdkLanguage.DotNet, "pulumi-plugin.json", "")]
    [TestCase(SdkLanguage.NodeJs, "package.json", "pulumi")]
    [TestCase(SdkLanguage.Python, "pulumi_confluentflink/pulumi-plugin.json", "")]
    public void EverySdkNamesThePluginItNeedsAndWhereToGetIt(SdkLanguage language, string file, string section)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(SdkFolder(language), file)))!;
        if (section.Length > 0) manifest = manifest[section]!;
        var schema = PackageSpec.Embedded;
        Assert.That((manifest["name"]!.GetValue<string>(), manifest["version"]!.GetValue<string>(), manifest["server"]!.GetValue<string>()),
            Is.EqualTo((schema.Name, schema.Version, schema.PluginDownloadUrl)));
    }

    /// <summary>The same JSON with the members of every object in reverse order.</summary>
    private static JsonNode Reverse(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Reverse(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(i => i is null ? null : Reverse(i)).ToArray()),
        _ => node.DeepClone(),
    };
}
