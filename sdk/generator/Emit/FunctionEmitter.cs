using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.Emit;

/// <summary>
/// <c>{Function}.cs</c>: <c>InvokeAsync</c> with plain args (a Task) and <c>Invoke</c> with input args (an Output that
/// waits for unknown inputs), plus the args and result types.
/// </summary>
public sealed class FunctionEmitter(SdkContext ctx)
{
    public (string Path, string Content) Emit(FunctionSpec function)
    {
        var name = Names.TypeName(function.Token);
        var plainArgs = Names.FunctionPlainArgs(name);
        var invokeArgs = Names.FunctionInvokeArgs(name);
        var result = Names.FunctionResult(name);
        var token = Literals.String(function.Token);
        var argsRequired = function.Inputs.Any(p => p.Required);

        var content = CodeWriter.File(ctx.Namespace, SdkContext.StandardUsings, w =>
        {
            using (w.Block($"public static class {name}"))
            {
                w.Doc(function.Description);
                w.Line($"public static Task<{result}> InvokeAsync({plainArgs}{(argsRequired ? " args" : "? args = null")}, InvokeOptions? options = null)");
                w.Line($"    => global::Pulumi.Deployment.Instance.InvokeAsync<{result}>({token}, args ?? new {plainArgs}(), options.WithDefaults());");
                w.Line();
                w.Doc(function.Description);
                w.Line($"public static Output<{result}> Invoke({invokeArgs}{(argsRequired ? " args" : "? args = null")}, InvokeOptions? options = null)");
                w.Line($"    => global::Pulumi.Deployment.Instance.Invoke<{result}>({token}, args ?? new {invokeArgs}(), options.WithDefaults());");
            }
            w.Line();
            using (w.Block($"public sealed class {plainArgs} : global::Pulumi.InvokeArgs"))
            {
                foreach (var p in function.Inputs) ctx.Properties.Plain(w, p);
                ResourceEmitter.ArgsFooter(w, plainArgs);
            }
            w.Line();
            using (w.Block($"public sealed class {invokeArgs} : global::Pulumi.InvokeArgs"))
            {
                foreach (var p in function.Inputs) ctx.Properties.Input(w, p, TypeFlavor.Input);
                ResourceEmitter.ArgsFooter(w, invokeArgs);
            }
            w.Line();
            w.Line("[OutputType]");
            using (w.Block($"public sealed class {result}"))
                ctx.Properties.OutputFieldsAndConstructor(w, result, function.Outputs);
        });
        return ($"{name}.cs", content);
    }
}
