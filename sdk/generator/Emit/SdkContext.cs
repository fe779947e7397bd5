using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.Emit;

/// <summary>What every emitter needs: the package, its type mapping, and which object types each use requires.</summary>
public sealed class SdkContext
{
    public SdkContext(PackageSpec package)
    {
        Package = package;
        Types = new TypeMapper(package);
        Properties = new PropertyEmitter(Types);
        var resourceInputs = package.Resources.SelectMany(r => r.Inputs).Concat(package.ProviderInputs);
        var functionInputs = package.Functions.SelectMany(f => f.Inputs).ToList();
        var resourceOutputs = package.Resources.SelectMany(r => r.Outputs).ToList();
        InputTypes = Reachable(resourceInputs.Concat(functionInputs));
        StateTypes = Reachable(resourceOutputs);
        OutputTypes = Reachable(resourceOutputs.Concat(package.Functions.SelectMany(f => f.Outputs)));
        PlainTypes = Reachable(functionInputs);
    }

    public PackageSpec Package { get; }
    public TypeMapper Types { get; }
    public PropertyEmitter Properties { get; }
    public string Namespace => Package.Namespace;

    /// <summary>Name prefix of the package's resource-type attribute: <c>ConfluentFlink</c> → <c>ConfluentFlinkResourceTypeAttribute</c>.</summary>
    public string AttributePrefix => Package.CSharp.PackageNamespace;

    // Pulumi emits a class per object type and use, and only for the uses that occur.
    public IReadOnlyList<ObjectTypeSpec> InputTypes { get; }
    public IReadOnlyList<ObjectTypeSpec> StateTypes { get; }
    public IReadOnlyList<ObjectTypeSpec> OutputTypes { get; }
    public IReadOnlyList<ObjectTypeSpec> PlainTypes { get; }

    public static readonly string[] StandardUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.Collections.Immutable",
        "System.Threading.Tasks",
        "Pulumi.Serialization",
    ];

    private IReadOnlyList<ObjectTypeSpec> Reachable(IEnumerable<PropertySpec> roots)
    {
        var found = new SortedDictionary<string, ObjectTypeSpec>(StringComparer.Ordinal);
        var pending = new Stack<PropertySpec>(roots);
        while (pending.Count > 0)
        {
            var p = pending.Pop();
            if (p.Type.TypeToken is not { } token || Package.IsEnum(token) || found.ContainsKey(token)) continue;
            var type = Package.ObjectType(token);
            found.Add(token, type);
            foreach (var nested in type.Properties) pending.Push(nested);
        }
        return found.Values.ToList();
    }
}
