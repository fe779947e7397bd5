using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// The <c>types/</c> folder: <c>input.ts</c> (the plain shape of each object type plain invokes take, and the
/// <c>XArgs</c> shape inputs take), <c>output.ts</c>, <c>enums/index.ts</c> (each enum as a const object and a type
/// of its values) and the <c>index.ts</c> that gathers them.
/// </summary>
public sealed class TypesEmitter(NodeContext ctx)
{
    public IEnumerable<GeneratedFile> EmitAll()
    {
        var hasObjects = ctx.Package.ObjectTypes.Count > 0;
        // Importing the enums imports the input and output modules, so they exist whenever enums do.
        if (!hasObjects && !ctx.HasEnums) yield break;
        yield return new GeneratedFile("types/input.ts", ctx.Module("..", nestedTypes: true, utilities: false, Inputs));
        yield return new GeneratedFile("types/output.ts", ctx.Module("..", nestedTypes: true, utilities: false, Outputs));
        if (ctx.HasEnums) yield return new GeneratedFile("types/enums/index.ts", TsFile.Plain(null, Enums));
        yield return new GeneratedFile("types/index.ts", TsFile.Plain("..", Index));
    }

    private void Inputs(CodeWriter w)
    {
        var plain = ctx.Uses.PlainInputs.Select(t => (Type: t, Name: Names.TypeName(t.Token), Shape: TsShape.Plain));
        var args = ctx.ArgsTypes.Select(t => (Type: t, Name: NodeNames.ArgsInterface(Names.TypeName(t.Token)), Shape: TsShape.Args));
        // By name, the plain shape before its XArgs shape, as Pulumi orders them.
        var all = plain.Concat(args).OrderBy(x => Names.TypeName(x.Type.Token), StringComparer.Ordinal).ThenBy(x => x.Shape == TsShape.Args);
        Interfaces(w, all.Select(x => (x.Type, x.Name, x.Shape)));
    }

    private void Outputs(CodeWriter w) =>
        Interfaces(w, ctx.Uses.Outputs.Select(t => (t, Names.TypeName(t.Token), TsShape.Output)));

    private void Interfaces(CodeWriter w, IEnumerable<(ObjectTypeSpec Type, string Name, TsShape Shape)> interfaces)
    {
        var first = true;
        foreach (var (type, name, shape) in interfaces)
        {
            if (!first) w.Line();
            first = false;
            InterfaceEmitter.Emit(w, ctx.Types, name, type.Description, type.Properties, shape);
        }
    }

    private void Enums(CodeWriter w)
    {
        foreach (var e in ctx.Package.EnumTypes)
        {
            var name = Names.TypeName(e.Token);
            w.Line();
            using (w.Block($"export const {name} = {{", "} as const;"))
            {
                foreach (var m in e.Members)
                {
                    w.Doc(m.Description);
                    w.Line($"{m.Name}: {TsLiteral.String(m.Value)},");
                }
            }
            w.Line();
            w.Doc(e.Description);
            w.Line($"export type {name} = (typeof {name})[keyof typeof {name}];");
        }
    }

    private void Index(CodeWriter w)
    {
        string[] modules = ctx.HasEnums ? ["enums", "input", "output"] : ["input", "output"];
        IndexEmitter.SubModules(w, modules);
    }
}
