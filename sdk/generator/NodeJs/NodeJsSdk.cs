using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>Every file of the TypeScript SDK (<c>sdk/nodejs</c>).</summary>
public static class NodeJsSdk
{
    public static IEnumerable<GeneratedFile> Files(PackageSpec package)
    {
        var ctx = new NodeContext(package);
        var sources = new List<GeneratedFile>();
        sources.AddRange(package.Resources.Select(r => new ResourceEmitter(ctx).Emit(r)));
        sources.AddRange(package.Functions.Select(f => new FunctionEmitter(ctx).Emit(f)));
        sources.Add(new ResourceEmitter(ctx).EmitProvider());
        sources.AddRange(new ConfigEmitter(ctx).EmitAll());
        sources.AddRange(new TypesEmitter(ctx).EmitAll());
        sources.Add(new UtilitiesEmitter(ctx).Emit());
        sources.Add(new IndexEmitter(ctx).Emit());
        return sources.Concat(new PackageFilesEmitter(ctx).EmitAll(sources.Select(s => s.Path)));
    }
}
