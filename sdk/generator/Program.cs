using System.CommandLine;
using ConfluentFlink.SdkGen;
using ConfluentFlink.Schema;

var schemaOption = new Option<FileInfo>("--schema") { Description = "Path of the Pulumi package schema (schema.json).", Required = true };
var dotnetOption = new Option<DirectoryInfo?>("--dotnet") { Description = "Folder to write the C# SDK to (e.g. sdk/dotnet)." };
var nodejsOption = new Option<DirectoryInfo?>("--nodejs") { Description = "Folder to write the TypeScript SDK to (e.g. sdk/nodejs)." };
var pythonOption = new Option<DirectoryInfo?>("--python") { Description = "Folder to write the Python SDK to (e.g. sdk/python)." };
var catalogOption = new Option<FileInfo?>("--catalog")
{
    Description = "The connection catalog: its facts are written into the schema (in place) and into the --markdown files' marked regions first.",
};
var markdownOption = new Option<FileInfo[]>("--markdown") { Description = "Markdown files whose <!-- catalog:... --> regions are written from the catalog.", AllowMultipleArgumentsPerToken = true };
var command = new RootCommand("Writes the catalog's facts into schema.json and the docs, then generates the C#, TypeScript and Python SDKs from the schema.")
    { schemaOption, dotnetOption, nodejsOption, pythonOption, catalogOption, markdownOption };
command.SetAction(parse =>
{
    var schema = parse.GetValue(schemaOption)!;
    var targets = new[]
        {
            (SdkLanguage.DotNet, parse.GetValue(dotnetOption)),
            (SdkLanguage.NodeJs, parse.GetValue(nodejsOption)),
            (SdkLanguage.Python, parse.GetValue(pythonOption)),
        }
        .Where(t => t.Item2 is not null)
        .ToList();
    var catalog = parse.GetValue(catalogOption);
    if (targets.Count == 0 && catalog is null)
    {
        Console.Error.WriteLine("error: name a catalog (--catalog) or at least one output folder (--dotnet, --nodejs, --python)");
        return 2;
    }
    try
    {
        if (catalog is not null)
        {
            var catalogJson = File.ReadAllText(catalog.FullName);
            WriteIfChanged(schema.FullName, CatalogText.Schema(File.ReadAllText(schema.FullName), catalogJson));
            var facts = ConnectionCatalog.Parse(catalogJson, SchemaLoader.Load(schema.FullName));
            foreach (var markdown in parse.GetValue(markdownOption) ?? [])
                WriteIfChanged(markdown.FullName, CatalogText.Markdown(File.ReadAllText(markdown.FullName), facts));
        }
        var package = SchemaLoader.Load(schema.FullName);
        foreach (var (language, folder) in targets)
        {
            var files = SdkGenerator.Generate(package, language);
            SdkWriter.Write(files, folder!.FullName, SdkGenerator.MarkerFile(language));
            Console.WriteLine($"wrote {files.Count} files to {folder.FullName}");
        }
        return 0;
    }
    catch (Exception e) when (e is SchemaException or IOException or System.Text.Json.JsonException or InvalidOperationException)
    {
        Console.Error.WriteLine($"error: {schema.FullName}: {e.Message}");
        return 1;
    }
});
return command.Parse(args).Invoke();

static void WriteIfChanged(string path, string content)
{
    if (File.ReadAllText(path) == content) return;
    File.WriteAllText(path, content);
    Console.WriteLine($"wrote {path}");
}
