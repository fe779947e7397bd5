using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.Emit;

/// <summary>The per-use classes of an object type: <c>Inputs/XArgs.cs</c>, <c>Inputs/XGetArgs.cs</c>, <c>Inputs/X.cs</c> and <c>Outputs/X.cs</c>.</summary>
public sealed class ObjectTypeEmitter(SdkContext ctx)
{
    private string InputsNamespace => ctx.Namespace + ".Inputs";
    private string OutputsNamespace => ctx.Namespace + ".Outputs";

    public IEnumerable<(string Path, string Content)> EmitAll()
    {
        foreach (var t in ctx.InputTypes) yield return InputClass(t, Names.InputArgs(Names.TypeName(t.Token)), TypeFlavor.Input);
        foreach (var t in ctx.StateTypes) yield return InputClass(t, Names.StateArgs(Names.TypeName(t.Token)), TypeFlavor.State);
        foreach (var t in ctx.PlainTypes) yield return PlainClass(t);
        foreach (var t in ctx.OutputTypes) yield return OutputClass(t);
    }

    private (string, string) InputClass(ObjectTypeSpec type, string className, TypeFlavor flavor)
    {
        var content = CodeWriter.File(InputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            using (w.Block($"public sealed class {className} : global::Pulumi.ResourceArgs"))
            {
                foreach (var p in type.Properties) ctx.Properties.Input(w, p, flavor);
                ResourceEmitter.ArgsFooter(w, className);
            }
        });
        return ($"Inputs/{className}.cs", content);
    }

    private (string, string) PlainClass(ObjectTypeSpec type)
    {
        var className = Names.TypeName(type.Token);
        var content = CodeWriter.File(InputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            using (w.Block($"public sealed class {className} : global::Pulumi.InvokeArgs"))
            {
                foreach (var p in type.Properties) ctx.Properties.Plain(w, p);
                ResourceEmitter.ArgsFooter(w, className);
            }
        });
        return ($"Inputs/{className}.cs", content);
    }

    private (string, string) OutputClass(ObjectTypeSpec type)
    {
        var className = Names.TypeName(type.Token);
        var content = CodeWriter.File(OutputsNamespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(type.Description);
            w.Line("[OutputType]");
            using (w.Block($"public sealed class {className}"))
                ctx.Properties.OutputFieldsAndConstructor(w, className, type.Properties);
        });
        return ($"Outputs/{className}.cs", content);
    }
}
