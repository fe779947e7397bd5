using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// A function module (<c>get_flink_connection.py</c>), as Pulumi's <c>genFunction</c> lays it out: the result class
/// and its awaitable subclass, the plain invoke (<c>get_flink_connection</c>, plain arguments, an awaitable result) and
/// the output invoke (<c>get_flink_connection_output</c>, arguments that may be outputs, an Output of the result).
/// </summary>
public sealed class FunctionEmitter(PyContext ctx)
{
    public GeneratedFile Emit(FunctionSpec function)
    {
        var name = PyNames.Module(function.Token);
        var result = PyNames.FunctionResult(function.Token);
        var awaitable = PyNames.AwaitableResult(function.Token);
        if (function.Outputs.Count == 0)
            throw new SchemaException($"{function.Token}: a function without outputs is not supported by this generator");

        var w = PyFile.WithSdk(".", ctx.Imports(function.Inputs, function.Outputs));
        PyFile.All(w, [result, awaitable, name, PyNames.OutputFunction(name)]);
        w.Line();
        ResultClasses(w, function, result, awaitable);
        w.Line().Line();
        Invoke(w, function, name, plain: true);
        Invoke(w, function, name, plain: false);
        return new GeneratedFile($"{ctx.PackageName}/{name}.py", w.ToString());
    }

    private void ResultClasses(CodeWriter w, FunctionSpec function, string result, string awaitable)
    {
        var outputs = function.Outputs;
        w.Line("@pulumi.output_type");
        w.Line($"class {result}:");
        w.Line($"    def __init__(__self__{string.Concat(outputs.Select(p => $", {PyNames.Snake(p.WireName)}=None"))}):");
        foreach (var p in outputs)
        {
            var name = PyNames.Snake(p.WireName);
            var runtimeType = ctx.Types.RuntimeType(p.Type);
            w.Line($"        if {name} and not isinstance({name}, {runtimeType}):");
            w.Line($"            raise TypeError(\"Expected argument '{name}' to be a {runtimeType}\")");
            w.Line($"        pulumi.set(__self__, {PyLiteral.Double(name)}, {name})");
        }
        w.Line();
        ClassEmitter.Getters(w, outputs, p => ctx.Types.Property(p, PyShape.Output), setters: false);
        w.Line();
        w.Line($"class {awaitable}({result}):");
        w.Line("    # pylint: disable=using-constant-test");
        w.Line("    def __await__(self):");
        w.Line("        if False:");
        w.Line("            yield self");
        w.Line($"        return {result}({Arguments(outputs, "            ", p => $"self.{p}")})");
    }

    private void Invoke(CodeWriter w, FunctionSpec function, string name, bool plain)
    {
        var functionName = plain ? name : PyNames.OutputFunction(name);
        var result = PyNames.FunctionResult(function.Token);
        var def = $"def {functionName}(";
        var indent = function.Inputs.Count > 0 ? new string(' ', def.Length) : "";
        var parameters = function.Inputs.Select((p, i) =>
        {
            var hint = plain ? ctx.Types.Property(p, PyShape.Plain, PyObjectForm.ClassOrDict, forceOptional: true) : ctx.Types.OutputFunctionParameter(p);
            return $"{(i == 0 ? def : indent)}{PyNames.Snake(p.WireName)}: {hint} = None,";
        }).ToList();
        var (options, returns) = plain
            ? ("Optional[pulumi.InvokeOptions]", PyNames.AwaitableResult(function.Token))
            : ("Optional[Union[pulumi.InvokeOptions, pulumi.InvokeOutputOptions]]", $"pulumi.Output[{result}]");
        w.Lines(parameters);
        w.Line($"{(parameters.Count == 0 ? def : indent)}opts: {options} = None) -> {returns}:");
        DocString.Write(w, Doc(function), "    ");
        w.Line("    __args__ = dict()");
        foreach (var p in function.Inputs) w.Line($"    __args__[{PyLiteral.Single(p.WireName)}] = {PyNames.Snake(p.WireName)}");
        var token = PyLiteral.Single(function.Token);
        if (plain)
        {
            w.Line("    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)");
            w.Line($"    __ret__ = pulumi.runtime.invoke({token}, __args__, opts=opts, typ={result}).value");
            w.Line();
            w.Line($"    return {PyNames.AwaitableResult(function.Token)}({Arguments(function.Outputs, "        ", p => $"pulumi.get(__ret__, {PyLiteral.Single(p)})")})");
        }
        else
        {
            w.Line("    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), opts)");
            w.Line($"    __ret__ = pulumi.runtime.invoke_output({token}, __args__, opts=opts, typ={result})");
            w.Line($"    return __ret__.apply(lambda __response__: {result}({Arguments(function.Outputs, "        ", p => $"pulumi.get(__response__, {PyLiteral.Single(p)})")}))");
        }
    }

    // Pulumi's rendered description ends with a line break, which leaves two blank lines before the parameters.
    private string Doc(FunctionSpec function)
    {
        var description = DocString.Filtered(function.Description);
        var lines = new List<string> { description.Length > 0 ? description + "\n" : "Use this data source to access information about an existing resource." };
        if (function.Inputs.Count > 0)
        {
            lines.Add("");
            lines.AddRange(function.Inputs.SelectMany(p =>
                DocString.Param(PyNames.Snake(p.WireName), ctx.Types.Required(p.Type, PyShape.Plain, PyObjectForm.ClassOrDict), p.Description)));
        }
        return string.Join("\n", lines);
    }

    /// <summary>Keyword arguments naming each output, one per line: <c>\n    api_version=value,...</c>.</summary>
    private static string Arguments(IEnumerable<PropertySpec> outputs, string indent, Func<string, string> value) =>
        string.Join(",", outputs.Select(p => $"\n{indent}{PyNames.Snake(p.WireName)}={value(PyNames.Snake(p.WireName))}"));
}
