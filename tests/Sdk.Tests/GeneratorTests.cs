using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen;
using ConfluentFlink.SdkGen.CSharp;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>The generator's behaviour on inputs other than our schema: bad schemas, stale output, foreign folders.</summary>
public class GeneratorTests
{
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void CreateTemp() => _temp = Directory.CreateTempSubdirectory("sdkgen-");

    [TearDown]
    public void DeleteTemp() => _temp.Delete(recursive: true);

    [Test]
    public void WriterRemovesFilesTheSchemaNoLongerProducesButKeepsBuildOutput()
    {
        var files = SdkGenerator.Generate(RepoPaths.SchemaFile, SdkLanguage.DotNet);
        SdkWriter.Write(files, _temp.FullName, SdkGenerator.MarkerFile(SdkLanguage.DotNet));
        var stale = Path.Combine(_temp.FullName, "Inputs", "RemovedTypeArgs.cs");
        File.WriteAllText(stale, "// left by an older schema");
        var build = Path.Combine(_temp.FullName, "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(build)!);
        File.WriteAllText(build, "{}");

        SdkWriter.Write(files, _temp.FullName, SdkGenerator.MarkerFile(SdkLanguage.DotNet));

        Assert.That(File.Exists(stale), Is.False);
        Assert.That(File.Exists(build), Is.True);
        var written = Directory.EnumerateFiles(_temp.FullName, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_temp.FullName, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal));
        Assert.That(written, Is.EquivalentTo(files.Keys));
    }

    [Test]
    public void WriterRefusesAFolderThatIsNotAGeneratedSdk()
    {
        var precious = Path.Combine(_temp.FullName, "notes.txt");
        File.WriteAllText(precious, "keep me");

        var error = Assert.Throws<IOException>(() => SdkWriter.Write(SdkGenerator.Generate(RepoPaths.SchemaFile, SdkLanguage.DotNet), _temp.FullName, "pulumi-plugin.json"));

        Assert.That(error!.Message, Does.Contain("pulumi-plugin.json"));
        Assert.That(File.ReadAllText(precious), Is.EqualTo("keep me"));
    }

    [Test]
    public void UnsupportedPropertyTypeIsReportedWithItsPath()
    {
        var schema = Schema();
        schema["resources"]!["confluentflink:index:FlinkConnection"]!["inputProperties"]!["endpoint"] = new JsonObject { ["type"] = "array" };

        var error = Assert.Throws<SchemaException>(() => SchemaLoader.Parse(schema.ToJsonString()));

        Assert.That(error!.Message, Does.Contain("confluentflink:index:FlinkConnection.endpoint").And.Contain("array"));
    }

    [Test]
    public void DanglingTypeReferenceIsReported()
    {
        var schema = Schema();
        schema["resources"]!["confluentflink:index:FlinkConnection"]!["properties"]!["status"]!["$ref"] = "#/types/confluentflink:index:Nope";

        var error = Assert.Throws<SchemaException>(() => SdkGenerator.Generate(SchemaLoader.Parse(schema.ToJsonString()), SdkLanguage.DotNet));

        Assert.That(error!.Message, Does.Contain("confluentflink:index:Nope"));
    }

    [Test]
    public void RequiredPropertyThatIsNotDeclaredIsReported()
    {
        var schema = Schema();
        schema["resources"]!["confluentflink:index:FlinkConnection"]!["requiredInputs"]!.AsArray().Add("colour");

        var error = Assert.Throws<SchemaException>(() => SchemaLoader.Parse(schema.ToJsonString()));

        Assert.That(error!.Message, Does.Contain("'colour'"));
    }

    [Test]
    public void TokenOutsideTheIndexModuleIsReported()
    {
        var schema = Schema();
        var types = schema["types"]!.AsObject();
        types["confluentflink:extra:Thing"] = types["confluentflink:index:FlinkConnectionStatus"]!.DeepClone();

        var error = Assert.Throws<SchemaException>(() => SchemaLoader.Parse(schema.ToJsonString()));

        Assert.That(error!.Message, Does.Contain("confluentflink:extra:Thing").And.Contain("confluentflink:index:<Name>"));
    }

    [Test]
    public void DocCommentsKeepOnlyTheCSharpExampleAndEscapeXml()
    {
        const string description = "Uses <b> & more.\n\n{{% examples %}}\n## Example Usage\n{{% example %}}\n```typescript\nconst a = 1;\n```\n```csharp\nvar a = 1;\n```\n{{% /example %}}\n{{% /examples %}}";

        var lines = DocComment.Summary(description).ToList();

        Assert.That(lines, Is.EqualTo(new[]
        {
            "/// <summary>", "/// Uses &lt;b&gt; &amp; more.", "///", "/// ## Example Usage", "/// ```csharp", "/// var a = 1;", "/// ```", "/// </summary>",
        }));
    }

    [Test]
    public void FolderDiffShowsChangedLinesWithNumbers()
    {
        var diff = FolderDiff.LineDiff("a\nb\nc\n", "a\nB\nc\n");

        Assert.That(diff.Split('\n'), Is.EqualTo(new[] { "     1 a", "-      b", "+    2 B", "     3 c", "     4 " }));
    }

    private static JsonObject Schema() => JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!.AsObject();
}
