using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>
/// Which object types each kind of use reaches. Pulumi's codegen emits one type per object and use (input args,
/// state, plain invoke args, outputs), and only for the uses that occur; every emitter walks the schema here.
/// </summary>
public sealed class TypeUses
{
    private readonly PackageSpec _package;

    public TypeUses(PackageSpec package)
    {
        _package = package;
        var resourceInputs = package.Resources.SelectMany(r => r.Inputs).Concat(package.ProviderInputs).ToList();
        var functionInputs = package.Functions.SelectMany(f => f.Inputs).ToList();
        var resourceOutputs = package.Resources.SelectMany(r => r.Outputs).ToList();
        ResourceInputs = Reachable(resourceInputs);
        Inputs = Reachable(resourceInputs.Concat(functionInputs));
        States = Reachable(resourceOutputs);
        Outputs = Reachable(resourceOutputs.Concat(package.Functions.SelectMany(f => f.Outputs)));
        PlainInputs = Reachable(functionInputs);
    }

    /// <summary>Reached from resource or provider inputs.</summary>
    public IReadOnlyList<ObjectTypeSpec> ResourceInputs { get; }

    /// <summary>Reached from resource, provider or function inputs, where values may be outputs of other resources.</summary>
    public IReadOnlyList<ObjectTypeSpec> Inputs { get; }

    /// <summary>Reached from resource outputs, so part of the state bag a lookup may pass.</summary>
    public IReadOnlyList<ObjectTypeSpec> States { get; }

    /// <summary>Reached from resource outputs and function results.</summary>
    public IReadOnlyList<ObjectTypeSpec> Outputs { get; }

    /// <summary>Reached from function inputs, passed as plain values to the plain (promise/task) invoke.</summary>
    public IReadOnlyList<ObjectTypeSpec> PlainInputs { get; }

    /// <summary>Every object type reachable from <paramref name="roots"/>, sorted by token.</summary>
    public IReadOnlyList<ObjectTypeSpec> Reachable(IEnumerable<PropertySpec> roots)
    {
        var found = new SortedDictionary<string, ObjectTypeSpec>(StringComparer.Ordinal);
        var pending = new Stack<PropertySpec>(roots);
        while (pending.Count > 0)
        {
            var p = pending.Pop();
            foreach (var type in p.Type.SelfAndElements)
            {
                if (type.TypeToken is not { } token || _package.IsEnum(token) || found.ContainsKey(token)) continue;
                var objectType = _package.ObjectType(token);
                found.Add(token, objectType);
                foreach (var nested in objectType.Properties) pending.Push(nested);
            }
        }
        return found.Values.ToList();
    }
}
