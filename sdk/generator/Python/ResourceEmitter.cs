using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// A resource module (<c>flink_connection.py</c>) or the provider module (<c>provider.py</c>), as Pulumi's
/// <c>genResource</c> lays them out: the args class, the state class a lookup takes, then the resource class with its
/// two <c>__init__</c> overloads (keyword arguments, or an args object), <c>_internal_init</c> (defaults, required
/// checks, secret inputs marked secret, the default options merged with the secret outputs and replace-on-change
/// paths), the static <c>get</c> and a getter per output.
/// </summary>
public sealed class ResourceEmitter(PyContext ctx)
{
    private const string ParamIndent = ClassEmitter.InitIndent;
    private const string BodyIndent = "            ";

    /// <summary>What the module is made from: a resource of the schema, or the provider (which has no outputs and no <c>get</c>).</summary>
    private sealed record ResourceClass(
        string Name,
        string TypeToken,
        string RegisteredType,
        string? Description,
        IReadOnlyList<PropertySpec> Inputs,
        IReadOnlyList<PropertySpec> Outputs,
        IReadOnlyList<string> ReplaceOnChanges,
        bool IsProvider)
    {
        public string Args => PyNames.ArgsClass(Name);
        public string State => PyNames.StateClass(Name);

        // State is derived from the outputs (the schema has no stateInputs): a lookup may pass what Read needs.
        public bool HasState => !IsProvider && Outputs.Count > 0;
        public IReadOnlyList<PropertySpec> StateProperties => Outputs.Select(p => p with { Required = false }).ToList();
    }

    public GeneratedFile Emit(ResourceSpec resource)
    {
        var r = new ResourceClass(PyNames.Class(resource.Token), resource.Token, resource.Token, resource.Description,
            resource.Inputs, resource.Outputs, Model.ReplaceOnChanges.Paths(resource, ctx.Package), IsProvider: false);
        return new GeneratedFile($"{ctx.PackageName}/{PyNames.Module(resource.Token)}.py", Module(r));
    }

    public GeneratedFile EmitProvider()
    {
        var p = ctx.Package;
        var r = new ResourceClass("Provider", $"pulumi:providers:{p.Name}", p.Name, p.ProviderDescription, p.ProviderInputs, [], [], IsProvider: true);
        return new GeneratedFile($"{ctx.PackageName}/provider.py", Module(r));
    }

    private string Module(ResourceClass r)
    {
        var w = PyFile.WithSdk(".", ctx.Imports(r.Inputs.Concat(r.HasState ? r.Outputs : []), r.Outputs));
        PyFile.All(w, [r.Args, r.Name], oneLine: true);
        w.Line();
        var classes = new ClassEmitter(ctx);
        classes.Class(w, new PyClass(r.Args, $"The set of arguments for constructing a {r.Name} resource.", r.Inputs, PyShape.Input));
        if (r.HasState)
            classes.Class(w, new PyClass(r.State, $"Input properties used for looking up and filtering {r.Name} resources.", r.StateProperties, PyShape.Input));

        w.Line($"@pulumi.type_token({PyLiteral.Double(r.TypeToken)})");
        w.Line($"class {r.Name}(pulumi.{(r.IsProvider ? "ProviderResource" : "CustomResource")}):");
        Constructors(w, r);
        InternalInit(w, r);
        if (!r.IsProvider) Get(w, r);
        ClassEmitter.Getters(w, r.Outputs, p => $"pulumi.Output[{ctx.Types.Property(p, PyShape.Output)}]", setters: false);
        return w.ToString();
    }

    private void Constructors(CodeWriter w, ResourceClass r)
    {
        w.Line("    @overload");
        Signature(w, r, "__init__");
        DocString.Write(w, InitDoc(r, argsOverload: false), "        ");
        w.Line("        ...");

        var argsOptional = r.Inputs.All(p => !p.Required);
        w.Line("    @overload");
        w.Line("    def __init__(__self__,");
        w.Line($"{ParamIndent}resource_name: str,");
        w.Line(argsOptional ? $"{ParamIndent}args: Optional[{r.Args}] = None," : $"{ParamIndent}args: {r.Args},");
        w.Line($"{ParamIndent}opts: Optional[pulumi.ResourceOptions] = None):");
        DocString.Write(w, InitDoc(r, argsOverload: true), "        ");
        w.Line("        ...");

        w.Lines(
        [
            "    def __init__(__self__, resource_name: str, *args, **kwargs):",
            $"        resource_args, opts = _utilities.get_resource_args_opts({r.Args}, pulumi.ResourceOptions, *args, **kwargs)",
            "        if resource_args is not None:",
            "            __self__._internal_init(resource_name, opts, **resource_args.__dict__)",
            "        else:",
            "            __self__._internal_init(resource_name, *args, **kwargs)",
            "",
        ]);
    }

    /// <summary>The <c>__init__</c> overload (and <c>_internal_init</c>) taking each input as a keyword argument.</summary>
    private void Signature(CodeWriter w, ResourceClass r, string method)
    {
        w.Line($"    def {method}(__self__,");
        w.Line($"{ParamIndent}resource_name: str,");
        w.Line($"{ParamIndent}opts: Optional[pulumi.ResourceOptions] = None,");
        foreach (var p in r.Inputs)
            w.Line($"{ParamIndent}{PyNames.InitParameter(p.WireName)}: {ctx.Types.Property(p, PyShape.Input, PyObjectForm.ClassOrDict, forceOptional: true)} = None,");
        w.Line($"{ParamIndent}__props__=None):");
    }

    private string InitDoc(ResourceClass r, bool argsOverload)
    {
        var lines = new List<string>();
        var description = DocString.Filtered(r.Description);
        // Pulumi's rendered description ends with a line break, which leaves a blank line before the parameters.
        lines.AddRange(description.Length > 0 ? [description, ""] : [$"Create a {r.Name} resource with the given unique name, props, and options."]);
        lines.Add(":param str resource_name: The name of the resource.");
        if (argsOverload) lines.Add($":param {r.Args} args: The arguments to use to populate this resource's properties.");
        lines.Add(":param pulumi.ResourceOptions opts: Options for the resource.");
        if (!argsOverload) lines.AddRange(InputParams(r.Inputs));
        return string.Join("\n", lines);
    }

    private IEnumerable<string> InputParams(IEnumerable<PropertySpec> properties) =>
        properties.SelectMany(p => DocString.Param(PyNames.InitParameter(p.WireName), ctx.Types.Required(p.Type, PyShape.Input, PyObjectForm.ClassOrDict), p.Description));

    private void InternalInit(CodeWriter w, ResourceClass r)
    {
        Signature(w, r, "_internal_init");
        w.Lines(
        [
            "        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), opts)",
            "        if not isinstance(opts, pulumi.ResourceOptions):",
            "            raise TypeError('Expected resource options to be a ResourceOptions instance')",
            "        if opts.id is None:",
            "            if __props__ is not None:",
            "                raise TypeError('__props__ is only valid when passed in combination with a valid opts.id to get an existing resource')",
            $"            __props__ = {r.Args}.__new__({r.Args})",
            "",
        ]);
        foreach (var p in r.Inputs) Input(w, r, p);
        var inputNames = r.Inputs.Select(p => p.WireName).ToHashSet(StringComparer.Ordinal);
        foreach (var p in r.Outputs.Where(p => !inputNames.Contains(p.WireName)))
            w.Line($"{BodyIndent}__props__.__dict__[{PyLiteral.Double(PyNames.Snake(p.WireName))}] = None");

        var secrets = r.Outputs.Where(p => p.Secret).Select(p => p.WireName).ToList();
        if (secrets.Count > 0)
        {
            w.Line($"        secret_opts = pulumi.ResourceOptions(additional_secret_outputs=[{string.Join(", ", secrets.Select(PyLiteral.Double))}])");
            w.Line("        opts = pulumi.ResourceOptions.merge(opts, secret_opts)");
        }
        if (r.ReplaceOnChanges.Count > 0)
        {
            w.Line($"        replace_on_changes = pulumi.ResourceOptions(replace_on_changes=[{string.Join(", ", r.ReplaceOnChanges.Select(PyLiteral.Double))}])");
            w.Line("        opts = pulumi.ResourceOptions.merge(opts, replace_on_changes)");
        }
        w.Lines(
        [
            $"        super({r.Name}, __self__).__init__(",
            $"            {PyLiteral.Single(r.RegisteredType)},",
            "            resource_name,",
            "            __props__,",
            "            opts)",
            "",
        ]);
    }

    /// <summary>
    /// One input into the props: its default, its required check, and its value, marked secret when the schema says
    /// so. Provider config reaches the provider as strings, so anything else is sent JSON-encoded.
    /// </summary>
    private static void Input(CodeWriter w, ResourceClass r, PropertySpec p)
    {
        var name = PyNames.InitParameter(p.WireName);
        if (PyLiteral.Default(p) is { } fallback)
        {
            w.Line($"{BodyIndent}if {name} is None:");
            w.Line($"{BodyIndent}    {name} = {fallback}");
        }
        if (p.Required)
        {
            w.Line($"{BodyIndent}if {name} is None and not opts.urn:");
            w.Line($"{BodyIndent}    raise TypeError(\"Missing required property '{name}'\")");
        }
        string value;
        if (r.IsProvider && !PyTypes.IsString(p.Type))
            value = $"pulumi.Output.{(p.Secret ? "secret" : "from_input")}({name}).apply(pulumi.runtime.to_json) if {name} is not None else None";
        else
            value = p.Secret ? ClassEmitter.SecretValue(name) : name;
        w.Line($"{BodyIndent}__props__.__dict__[{PyLiteral.Double(PyNames.Snake(p.WireName))}] = {value}");
    }

    private void Get(CodeWriter w, ResourceClass r)
    {
        w.Line("    @staticmethod");
        w.Line("    def get(resource_name: str,");
        w.Line("            id: pulumi.Input[str],");
        var state = r.HasState ? r.StateProperties : [];
        var opts = "            opts: Optional[pulumi.ResourceOptions] = None";
        w.Line(state.Count == 0 ? $"{opts}) -> '{r.Name}':" : opts + ",");
        for (var i = 0; i < state.Count; i++)
        {
            var p = state[i];
            var end = i == state.Count - 1 ? $") -> '{r.Name}':" : ",";
            w.Line($"            {PyNames.InitParameter(p.WireName)}: {ctx.Types.Property(p, PyShape.Input, PyObjectForm.ClassOrDict)} = None{end}");
        }
        var doc = new List<string>
        {
            $"Get an existing {r.Name} resource's state with the given name, id, and optional extra",
            "properties used to qualify the lookup.",
            "",
            ":param str resource_name: The unique name of the resulting resource.",
            ":param pulumi.Input[str] id: The unique provider ID of the resource to lookup.",
            ":param pulumi.ResourceOptions opts: Options for the resource.",
        };
        doc.AddRange(InputParams(state));
        DocString.Write(w, string.Join("\n", doc), "        ");
        w.Line("        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))");
        w.Line();
        var props = r.HasState ? r.State : r.Args;
        w.Line($"        __props__ = {props}.__new__({props})");
        w.Line();
        foreach (var p in r.Outputs)
            w.Line($"        __props__.__dict__[{PyLiteral.Double(PyNames.Snake(p.WireName))}] = {(r.HasState ? PyNames.InitParameter(p.WireName) : "None")}");
        w.Line($"        return {r.Name}(resource_name, opts=opts, __props__=__props__)");
        w.Line();
    }
}
