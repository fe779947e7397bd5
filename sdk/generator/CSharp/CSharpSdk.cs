using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>Every file of the C# SDK (<c>sdk/dotnet</c>).</summary>
public static class CSharpSdk
{
    public static IEnumerable<GeneratedFile> Files(PackageSpec package)
    {
        var ctx = new SdkContext(package);
        foreach (var r in package.Resources) yield return new ResourceEmitter(ctx).Emit(r);
        foreach (var f in package.Functions) yield return new FunctionEmitter(ctx).Emit(f);
        foreach (var t in new ObjectTypeEmitter(ctx).EmitAll()) yield return t;
        if (new EnumEmitter(ctx).Emit() is { } enums) yield return enums;
        yield return new ProviderEmitter(ctx).Emit();
        yield return new ConfigEmitter(ctx).Emit();
        yield return new UtilitiesEmitter(ctx).Emit();
        foreach (var f in new PackageFilesEmitter(ctx).EmitAll()) yield return f;
    }
}
