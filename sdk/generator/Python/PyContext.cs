using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>What every Python emitter needs: the package, its type hints, and which classes each use of an object type needs.</summary>
public sealed class PyContext(PackageSpec package)
{
    public const string InputsImport = "from ." + ObjectTypesEmitter.InputsModule + " import *";
    public const string OutputsImport = "from . import " + ObjectTypesEmitter.OutputsModule;
    public const string EnumsImport = "from ." + EnumEmitter.Module + " import *";

    public PackageSpec Package { get; } = package;
    public PyTypes Types { get; } = new(package);
    public TypeUses Uses { get; } = new(package);

    /// <summary>The Python package: <c>pulumi_confluentflink</c>.</summary>
    public string PackageName => Package.Python.PackageName;

    /// <summary>
    /// Object types that get an <c>XArgs</c> class: reached from resource and provider inputs, and from outputs through
    /// the state a lookup may pass. Function inputs take the plain classes (<see cref="TypeUses.PlainInputs"/>) instead.
    /// </summary>
    public IReadOnlyList<ObjectTypeSpec> ArgsTypes =>
        Uses.ResourceInputs.Concat(Uses.States).DistinctBy(t => t.Token).OrderBy(t => t.Token, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The imports of a module whose inputs and outputs mention these properties: the input classes, the output classes
    /// and the enums, each when the properties reach one, nested fields included.
    /// </summary>
    public IEnumerable<string> Imports(IEnumerable<PropertySpec> inputs, IEnumerable<PropertySpec> outputs)
    {
        var inputList = inputs.ToList();
        var outputList = outputs.ToList();
        if (Uses.Reachable(inputList).Count > 0) yield return InputsImport;
        if (Uses.Reachable(outputList).Count > 0) yield return OutputsImport;
        if (ReachesEnum(inputList.Concat(outputList))) yield return EnumsImport;
    }

    private bool ReachesEnum(IEnumerable<PropertySpec> properties)
    {
        var list = properties.ToList();
        return list.Concat(Uses.Reachable(list).SelectMany(t => t.Properties))
            .Any(p => p.Type.SelfAndElements.Any(t => t.TypeToken is { } token && Package.IsEnum(token)));
    }
}
