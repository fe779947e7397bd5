using System.CommandLine;
using ConfluentFlink.SdkGen;
using ConfluentFlink.SdkGen.Schema;

var schemaOption = new Option<FileInfo>("--schema") { Description = "Path of the Pulumi package schema (schema.json).", Required = true };
var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder to write the C# SDK to (e.g. sdk/dotnet).", Required = true };
var command = new RootCommand("Generates the C# SDK of a Pulumi package from its schema.") { schemaOption, outOption };
command.SetAction(parse =>
{
    var schema = parse.GetValue(schemaOption)!;
    var output = parse.GetValue(outOption)!;
    try
    {
        var files = SdkGenerator.Generate(schema.FullName);
        SdkWriter.Write(files, output.FullName);
        Console.WriteLine($"wrote {files.Count} files to {output.FullName}");
        return 0;
    }
    catch (Exception e) when (e is SchemaException or IOException or System.Text.Json.JsonException or InvalidOperationException)
    {
        Console.Error.WriteLine($"error: {schema.FullName}: {e.Message}");
        return 1;
    }
});
return command.Parse(args).Invoke();
