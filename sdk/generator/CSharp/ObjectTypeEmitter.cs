using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>The per-use classes of an object type: <c>Inputs/XArgs.cs</c>, <c>Inputs/XGetArgs.cs</c>, <c>Inputs/X.cs</c> and <c>Outputs/X.cs</c>.</summary>
public sealed class ObjectTypeEmitter(SdkContext ctx)
{
    private string InputsNamespace => ctx.Namespace + ".Inputs";
    private string OutputsNamespace => ctx.Namespace + ".Outputs";

    public IEnumerable<GeneratedFile> EmitAll()
    {
        foreach (var t in ctx.Uses.Inputs)
            yield return InputsClass(t, CSharpNames.InputArgs(Names.TypeName(t.Token)), "ResourceArgs", (w, p) => ctx.Properties.Input(w, p, TypeFlavor.Input));
        foreach (var t in ctx.Uses.States)
            yield return InputsClass(t, CSharpNames.StateArgs(Names.TypeName(t.Token)), "ResourceArgs", (w, p) => ctx.Properties.Input(w, p, TypeFlavor.State));
        foreach (var t in ctx.Uses.PlainInputs)
            yield return InputsClass(t, Names.TypeName(t.Token), "InvokeArgs", ctx.Properties.Plain);
        foreach (var t in ctx.Uses.Outputs) yield return OutputClass(t);
    }

    /// <param name="baseClass"><c>ResourceArgs</c> for input and state values, <c>InvokeArgs</c> for the plain invoke's.</param>
    private GeneratedFile InputsClass(ObjectTypeSpec type, string className, string baseClass, Action<CodeWriter, PropertySpec> member)
    {
        var content = CSharpFile.Create(InputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            using (w.Block($"public sealed class {className} : global::Pulumi.{baseClass}"))
            {
                foreach (var p in type.Properties) member(w, p);
                ResourceEmitter.ArgsFooter(w, className);
            }
        });
        return new GeneratedFile($"Inputs/{className}.cs", content);
    }

    private GeneratedFile OutputClass(ObjectTypeSpec type)
    {
        var className = Names.TypeName(type.Token);
        var content = CSharpFile.Create(OutputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            w.Line("[OutputType]");
            using (w.Block($"public sealed class {className}"))
                ctx.Properties.OutputFieldsAndConstructor(w, className, type.Properties);
        });
        return new GeneratedFile($"Outputs/{className}.cs", content);
    }
}
