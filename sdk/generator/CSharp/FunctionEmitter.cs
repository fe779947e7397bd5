using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>
/// <c>{Function}.cs</c>: <c>InvokeAsync</c> with plain args (a Task); <c>Invoke</c> with input args (an Output that waits
/// for unknown inputs), once with <c>InvokeOptions</c> and once with <c>InvokeOutputOptions</c> (which carries
/// <c>DependsOn</c>); plus the args and result types.
/// </summary>
public sealed class FunctionEmitter(SdkContext ctx)
{
    public GeneratedFile Emit(FunctionSpec function)
    {
        var name = Names.TypeName(function.Token);
        var plainArgs = CSharpNames.FunctionPlainArgs(name);
        var invokeArgs = CSharpNames.FunctionInvokeArgs(name);
        var result = CSharpNames.FunctionResult(name);
        var token = Literals.String(function.Token);
        var argsRequired = function.Inputs.Any(p => p.Required);
        var optionalArgs = argsRequired ? " args" : "? args = null";

        var content = CSharpFile.Create(ctx.Namespace, SdkContext.StandardUsings, w =>
        {
            using (w.Block($"public static class {name}"))
            {
                w.Doc(function.Description);
                w.Line($"public static Task<{result}> InvokeAsync({plainArgs}{optionalArgs}, InvokeOptions? options = null)");
                w.Line($"    => global::Pulumi.Deployment.Instance.InvokeAsync<{result}>({token}, args ?? new {plainArgs}(), options.WithDefaults());");
                w.Line();
                w.Doc(function.Description);
                w.Line($"public static Output<{result}> Invoke({invokeArgs}{optionalArgs}, InvokeOptions? options = null)");
                w.Line($"    => global::Pulumi.Deployment.Instance.Invoke<{result}>({token}, args ?? new {invokeArgs}(), options.WithDefaults());");
                w.Line();
                // The options are required here, and so are the args before them, or a call could not choose between the overloads.
                w.Doc(function.Description);
                w.Line($"public static Output<{result}> Invoke({invokeArgs} args, InvokeOutputOptions options)");
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
        return new GeneratedFile($"{name}.cs", content);
    }
}
