using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>What every C# emitter needs: the package, its type mapping, and which object types each use requires.</summary>
public sealed class SdkContext(PackageSpec package)
{
    public PackageSpec Package { get; } = package;
    public TypeMapper Types { get; } = new(package);
    public PropertyEmitter Properties => new(Types);
    public TypeUses Uses { get; } = new(package);
    public string Namespace => Package.Namespace;

    /// <summary>Name prefix of the package's resource-type attribute: <c>ConfluentFlink</c> → <c>ConfluentFlinkResourceTypeAttribute</c>.</summary>
    public string AttributePrefix => Package.CSharp.PackageNamespace;

    public static readonly string[] StandardUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.Collections.Immutable",
        "System.Threading.Tasks",
        "Pulumi.Serialization",
    ];
}
