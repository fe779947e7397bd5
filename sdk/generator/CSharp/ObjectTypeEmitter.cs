using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>The per-use classes of an object type: <c>Inputs/XArgs.cs</c>, <c>Inputs/XGetArgs.cs</c>, <c>Inputs/X.cs</c> and <c>Outputs/X.cs</c>.</summary>
public sealed class ObjectTypeEmitter(SdkContext ctx)
{
    private string InputsNamespace => ctx.Namespace + ".Inputs";
    private string OutputsNamespace => ctx.Namespace + ".Outputs";

    public IEnumerable<GeneratedFile> EmitAll()
    {
        foreach (var t in ctx.Uses.Inputs) yield return InputClass(t, CSharpNames.InputArgs(Names.TypeName(t.Token)), TypeFlavor.Input);
        foreach (var t in ctx.Uses.States) yield return InputClass(t, CSharpNames.StateArgs(Names.TypeName(t.Token)), TypeFlavor.State);
        foreach (var t in ctx.Uses.PlainInputs) yield return PlainClass(t);
        foreach (var t in ctx.Uses.Outputs) yield return OutputClass(t);
    }

    private GeneratedFile InputClass(ObjectTypeSpec type, string className, TypeFlavor flavor)
    {
        var content = CSharpFile.Create(InputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            using (w.Block($"public sealed class {className} : global::Pulumi.ResourceArgs"))
            {
                foreach (var p in type.Properties) ctx.Properties.Input(w, p, flavor);
                ResourceEmitter.ArgsFooter(w, className);
            }
        });
        return new GeneratedFile($"Inputs/{className}.cs", content);
    }

    private GeneratedFile PlainClass(ObjectTypeSpec type)
    {
        var className = Names.TypeName(type.Token);
        var content = CSharpFile.Create(InputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            using (w.Block($"public sealed class {className} : global::Pulumi.InvokeArgs"))
            {
                foreach (var p in type.Properties) ctx.Properties.Plain(w, p);
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
