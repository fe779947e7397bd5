using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>What every TypeScript emitter needs: the package, its type mapping and the object types each use reaches.</summary>
public sealed class NodeContext(PackageSpec package)
{
    public PackageSpec Package { get; } = package;
    public TsTypes Types { get; } = new(package);
    public TypeUses Uses { get; } = new(package);

    public bool HasEnums => Package.EnumTypes.Count > 0;

    /// <summary>Object types that get an <c>XArgs</c> interface: reached from inputs, and from outputs through the state bag.</summary>
    public IReadOnlyList<ObjectTypeSpec> ArgsTypes =>
        Uses.Inputs.Concat(Uses.States).DistinctBy(t => t.Token).OrderBy(t => t.Token, StringComparer.Ordinal).ToList();

    /// <summary>A module of the SDK root or of a folder one level down (<paramref name="root"/> <c>..</c>).</summary>
    public string Module(string root, bool nestedTypes, bool utilities, Action<CodeWriter> body) =>
        TsFile.Create(root, nestedTypes, HasEnums, utilities, body);
}
