using ConfluentFlink.SdkGen.Emit;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen;

/// <summary>Schema in, SDK files out (relative path → content), in memory so tests can compare without touching disk.</summary>
public static class SdkGenerator
{
    public static IReadOnlyDictionary<string, string> Generate(string schemaPath) => Generate(SchemaLoader.Load(schemaPath));

    public static IReadOnlyDictionary<string, string> Generate(PackageSpec package)
    {
        var ctx = new SdkContext(package);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add((string Path, string Content) file)
        {
            if (!files.TryAdd(file.Path, file.Content))
                throw new SchemaException($"two schema items map to the same file '{file.Path}'");
        }

        foreach (var r in package.Resources) Add(new ResourceEmitter(ctx).Emit(r));
        foreach (var f in package.Functions) Add(new FunctionEmitter(ctx).Emit(f));
        foreach (var t in new ObjectTypeEmitter(ctx).EmitAll()) Add(t);
        if (new EnumEmitter(ctx).Emit() is { } enums) Add(enums);
        Add(new ProviderEmitter(ctx).Emit());
        Add(new ConfigEmitter(ctx).Emit());
        // Utilities carries only the helpers the other sources call, so it is made last.
        Add(new UtilitiesEmitter(ctx).Emit(string.Concat(files.Values)));
        foreach (var f in new PackageFilesEmitter(ctx).EmitAll()) Add(f);
        return files;
    }
}
