using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// <c>_inputs.py</c> (per object type, the plain class that function inputs take and the <c>XArgs</c> class that
/// resource inputs take, each with its TypedDict) and <c>outputs.py</c> (the classes of output values).
/// </summary>
public sealed class ObjectTypesEmitter(PyContext ctx)
{
    public const string InputsModule = "_inputs";
    public const string OutputsModule = "outputs";

    public IEnumerable<GeneratedFile> EmitAll()
    {
        var classes = new ClassEmitter(ctx);
        var plain = ctx.Uses.PlainInputs.Select(t => (t.Token, Class: new PyClass(Names.TypeName(t.Token), t.Description, t.Properties, PyShape.Plain)));
        var args = ctx.ArgsTypes.Select(t => (t.Token, Class: new PyClass(PyNames.ArgsClass(Names.TypeName(t.Token)), t.Description, t.Properties, PyShape.Input, SecretFields: true)));
        // By type, the plain class before its XArgs class, as Pulumi orders them.
        var inputs = plain.Concat(args).OrderBy(x => x.Token, StringComparer.Ordinal).ThenBy(x => x.Class.Shape == PyShape.Input).Select(x => x.Class).ToList();
        if (inputs.Count > 0)
        {
            var w = PyFile.WithSdk(".", EnumImport);
            PyFile.All(w, inputs.SelectMany(c => new[] { c.Name, PyNames.TypedDict(c.Name) }).ToList());
            w.Line();
            foreach (var c in inputs)
            {
                classes.Dict(w, c);
                classes.Class(w, c);
            }
            yield return new GeneratedFile($"{ctx.PackageName}/{InputsModule}.py", w.ToString());
        }

        var resourceOutputs = ctx.Uses.States.Select(t => t.Token).ToHashSet(StringComparer.Ordinal);
        var outputs = ctx.Uses.Outputs
            .Select(t => new PyClass(Names.TypeName(t.Token), t.Description, t.Properties, PyShape.Output, KeyWarning: resourceOutputs.Contains(t.Token)))
            .ToList();
        if (outputs.Count > 0)
        {
            var properties = outputs.SelectMany(c => c.Properties).ToList();
            var w = PyFile.WithSdk(".", ctx.Imports([], properties).Concat(EnumImport));
            PyFile.All(w, outputs.Select(c => c.Name).ToList());
            w.Line();
            foreach (var c in outputs) classes.Class(w, c);
            yield return new GeneratedFile($"{ctx.PackageName}/{OutputsModule}.py", w.ToString());
        }
    }

    // Pulumi's type modules import the package's enums whenever it has some, whether or not a field uses one.
    private IEnumerable<string> EnumImport => ctx.Package.EnumTypes.Count > 0 ? [PyContext.EnumsImport] : [];
}
