using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>The <c>export interface</c> Pulumi's nodejs codegen writes for args, state, results and object types.</summary>
public static class InterfaceEmitter
{
    public static void Emit(CodeWriter w, TsTypes types, string name, string? description, IEnumerable<PropertySpec> properties, TsShape shape, bool readOnly = false)
    {
        w.Doc(description);
        using (w.Block($"export interface {name} {{"))
        {
            foreach (var p in properties)
            {
                w.Doc(p.Description);
                w.Line($"{(readOnly ? "readonly " : "")}{p.WireName}{(p.Required ? "" : "?")}: {types.Member(p, shape)};");
            }
        }
    }
}
