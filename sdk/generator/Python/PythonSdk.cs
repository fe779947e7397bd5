using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>Every file of the Python SDK (<c>sdk/python</c>): the package <c>pulumi_confluentflink/</c> and its <c>pyproject.toml</c>.</summary>
public static class PythonSdk
{
    public static IEnumerable<GeneratedFile> Files(PackageSpec package)
    {
        var ctx = new PyContext(package);
        var modules = new List<GeneratedFile>();
        modules.AddRange(package.Resources.Select(r => new ResourceEmitter(ctx).Emit(r)));
        modules.AddRange(package.Functions.Select(f => new FunctionEmitter(ctx).Emit(f)));
        modules.Add(new ResourceEmitter(ctx).EmitProvider());
        if (new EnumEmitter(ctx).Emit() is { } enums) modules.Add(enums);

        var typeModules = new ObjectTypesEmitter(ctx).EmitAll().ToList();

        var files = modules.Concat(typeModules).ToList();
        // The package re-exports what the modules declare; the type modules and config are imported on their own terms.
        files.Add(new InitEmitter(ctx).Emit(modules.Select(ModuleName), typeModules.Select(ModuleName).ToList()));
        files.AddRange(new ConfigEmitter(ctx).EmitAll());
        files.Add(new UtilitiesEmitter(ctx).Emit());
        files.AddRange(new PackageFilesEmitter(ctx).EmitAll());
        return files;
    }

    private static string ModuleName(GeneratedFile file) => Path.GetFileNameWithoutExtension(file.Path);
}
