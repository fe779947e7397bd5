using System.CommandLine;
using ConfluentFlink.SdkGen;
using ConfluentFlink.Schema;

var schemaOption = new Option<FileInfo>("--schema") { Description = "Path of the Pulumi package schema (schema.json).", Required = true };
var dotnetOption = new Option<DirectoryInfo?>("--dotnet") { Description = "Folder to write the C# SDK to (e.g. sdk/dotnet)." };
var nodejsOption = new Option<DirectoryInfo?>("--nodejs") { Description = "Folder to write the TypeScript SDK to (e.g. sdk/nodejs)." };
var pythonOption = new Option<DirectoryInfo?>("--python") { Description = "Folder to write the Python SDK to (e.g. sdk/python)." };
var command = new RootCommand("Generates the C#, TypeScript and Python SDKs of a Pulumi package from its schema.") { schemaOption, dotnetOption, nodejsOption, pythonOption };
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
    if (targets.Count == 0)
    {
        Console.Error.WriteLine("error: name at least one output folder (--dotnet, --nodejs, --python)");
        return 2;
    }
    try
    {
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
