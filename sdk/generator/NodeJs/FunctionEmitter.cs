using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// A function module (<c>getFlinkConnection.ts</c>): the plain invoke (a Promise, plain args) with its args and result
/// interfaces, then the output invoke (<c>...Output</c>, an Output that waits for unknown inputs, taking
/// <c>InvokeOutputOptions</c>) with its args interface.
/// </summary>
public sealed class FunctionEmitter(NodeContext ctx)
{
    public GeneratedFile Emit(FunctionSpec function)
    {
        var name = Names.FunctionName(function.Token);
        var nested = ctx.Types.ReferencesNestedTypes(function.Inputs.Concat(function.Outputs));
        var content = ctx.Module(".", nested, utilities: true, w =>
        {
            Invoke(w, function, name, plain: true);
            w.Line();
            InterfaceEmitter.Emit(w, ctx.Types, NodeNames.FunctionArgs(name), null, function.Inputs, TsShape.Plain);
            w.Line();
            InterfaceEmitter.Emit(w, ctx.Types, NodeNames.FunctionResult(name), null, function.Outputs, TsShape.Output, readOnly: true);
            Invoke(w, function, name, plain: false);
            w.Line();
            InterfaceEmitter.Emit(w, ctx.Types, NodeNames.FunctionOutputArgs(name), null, function.Inputs, TsShape.Args);
        });
        return new GeneratedFile(NodeNames.ModuleFile(name), content);
    }

    private static void Invoke(CodeWriter w, FunctionSpec function, string name, bool plain)
    {
        var argsOptional = function.Inputs.All(p => !p.Required) ? "?" : "";
        var (functionName, argsType, optionsType, returnType, runtimeCall) = plain
            ? (name, NodeNames.FunctionArgs(name), "InvokeOptions", $"Promise<{NodeNames.FunctionResult(name)}>", "invoke")
            : (NodeNames.OutputFunction(name), NodeNames.FunctionOutputArgs(name), "InvokeOutputOptions", $"pulumi.Output<{NodeNames.FunctionResult(name)}>", "invokeOutput");
        w.Doc(function.Description);
        using (w.Block($"export function {functionName}(args{argsOptional}: {argsType}, opts?: pulumi.{optionsType}): {returnType} {{"))
        {
            if (argsOptional.Length > 0) w.Line("args = args || {};");
            w.Line("opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});");
            using (w.Block($"return pulumi.runtime.{runtimeCall}({TsLiteral.String(function.Token)}, {{", "}, opts);"))
            {
                foreach (var p in function.Inputs) w.Line($"\"{p.WireName}\": args.{p.WireName},");
            }
        }
    }
}
