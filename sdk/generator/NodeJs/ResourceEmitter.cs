using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>
/// A resource module (<c>flinkConnection.ts</c>) or the provider module (<c>provider.ts</c>): the class with
/// <c>get</c>, <c>__pulumiType</c>, <c>isInstance</c>, its outputs, and a constructor that fills the inputs, marks
/// secret inputs, and asks the engine for secret outputs and replace-on-change paths; then its args and state interfaces.
/// </summary>
public sealed class ResourceEmitter(NodeContext ctx)
{
    /// <summary>What the class is made from: a resource of the schema, or the provider (which has no state and no get).</summary>
    private sealed record ResourceClass(
        string Name,
        string PulumiType,
        string? Description,
        IReadOnlyList<PropertySpec> Inputs,
        IReadOnlyList<PropertySpec> Outputs,
        IReadOnlyList<string> ReplaceOnChanges,
        bool IsProvider);

    // Locals of the generated constructor, which an input's own local must not shadow.
    private static readonly string[] ConstructorLocals = ["name", "args", "opts", "resourceInputs", "argsOrState", "state"];

    public GeneratedFile Emit(ResourceSpec resource)
    {
        var name = Names.TypeName(resource.Token);
        var r = new ResourceClass(name, resource.Token, resource.Description, resource.Inputs, resource.Outputs,
            Model.ReplaceOnChanges.Paths(resource, ctx.Package), IsProvider: false);
        return new GeneratedFile(NodeNames.ModuleFile(name), Module(r));
    }

    public GeneratedFile EmitProvider()
    {
        var p = ctx.Package;
        var r = new ResourceClass("Provider", p.Name, p.ProviderDescription, p.ProviderInputs, [], [], IsProvider: true);
        return new GeneratedFile(NodeNames.ModuleFile(r.Name), Module(r));
    }

    private string Module(ResourceClass r) =>
        ctx.Module(".", ctx.Types.ReferencesNestedTypes(r.Inputs.Concat(r.Outputs)), utilities: true, w =>
        {
            Class(w, r);
            if (!r.IsProvider)
            {
                w.Line();
                InterfaceEmitter.Emit(w, ctx.Types, NodeNames.StateInterface(r.Name), "Input properties used for looking up and filtering " + r.Name + " resources.",
                    r.Outputs.Select(p => p with { Required = false }), TsShape.Args);
            }
            w.Line();
            InterfaceEmitter.Emit(w, ctx.Types, NodeNames.ArgsInterface(r.Name), $"The set of arguments for constructing a {r.Name} resource.", r.Inputs, TsShape.Args);
        });

    private void Class(CodeWriter w, ResourceClass r)
    {
        var (baseType, optionsType) = r.IsProvider ? ("ProviderResource", "ResourceOptions") : ("CustomResource", "CustomResourceOptions");
        w.Doc(r.Description);
        using (w.Block($"export class {r.Name} extends pulumi.{baseType} {{"))
        {
            if (!r.IsProvider) Get(w, r);
            w.Lines(
            [
                "/** @internal */",
                $"public static readonly __pulumiType = '{r.PulumiType}';",
                "",
                "/**",
                $" * Returns true if the given object is an instance of {r.Name}.  This is designed to work even",
                " * when multiple copies of the Pulumi SDK have been loaded into the same process.",
                " */",
            ]);
            using (w.Block($"public static isInstance(obj: any): obj is {r.Name} {{"))
            {
                using (w.Block("if (obj === undefined || obj === null) {")) w.Line("return false;");
                // A provider's type token is its package name behind "pulumi:providers:", which the base class adds.
                w.Line($"return obj['__pulumiType'] === {(r.IsProvider ? "\"pulumi:providers:\" + " : "")}{r.Name}.__pulumiType;");
            }
            w.Line();
            var inputNames = r.Inputs.Select(p => p.WireName).ToHashSet(StringComparer.Ordinal);
            foreach (var p in r.Outputs)
            {
                w.Doc(p.Description);
                w.Line($"declare public {(inputNames.Contains(p.WireName) ? "" : "/*out*/ ")}readonly {p.WireName}: pulumi.Output<{ctx.Types.Value(p, TsShape.Output)}>;");
            }
            w.Line();
            Constructor(w, r, optionsType);
        }
    }

    private static void Get(CodeWriter w, ResourceClass r)
    {
        w.Lines(
        [
            "/**",
            $" * Get an existing {r.Name} resource's state with the given name, ID, and optional extra",
            " * properties used to qualify the lookup.",
            " *",
            " * @param name The _unique_ name of the resulting resource.",
            " * @param id The _unique_ provider ID of the resource to lookup.",
            " * @param state Any extra arguments used during the lookup.",
            " * @param opts Optional settings to control the behavior of the CustomResource.",
            " */",
        ]);
        using (w.Block($"public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: {NodeNames.StateInterface(r.Name)}, opts?: pulumi.CustomResourceOptions): {r.Name} {{"))
            w.Line($"return new {r.Name}(name, <any>state, {{ ...opts, id: id }});");
        w.Line();
    }

    private void Constructor(CodeWriter w, ResourceClass r, string optionsType)
    {
        var args = NodeNames.ArgsInterface(r.Name);
        var argsOptional = r.Inputs.All(p => !p.Required);
        w.Lines(
        [
            "/**",
            $" * Create a {r.Name} resource with the given unique name, arguments, and options.",
            " *",
            " * @param name The _unique_ name of the resource.",
            " * @param args The arguments to use to populate this resource's properties.",
            " * @param opts A bag of options that control this resource's behavior.",
            " */",
        ]);
        if (r.IsProvider)
        {
            using (w.Block($"constructor(name: string, args{(argsOptional ? "?" : "")}: {args}, opts?: pulumi.{optionsType}) {{"))
            {
                w.Line("let resourceInputs: pulumi.Inputs = {};");
                w.Line("opts = opts || {};");
                using (w.Block("{")) Inputs(w, r);
                Options(w, r);
            }
            return;
        }

        var state = NodeNames.StateInterface(r.Name);
        w.Line($"constructor(name: string, args{(argsOptional ? "?" : "")}: {args}, opts?: pulumi.{optionsType})");
        using (w.Block($"constructor(name: string, argsOrState?: {args} | {state}, opts?: pulumi.{optionsType}) {{"))
        {
            w.Line("let resourceInputs: pulumi.Inputs = {};");
            w.Line("opts = opts || {};");
            using (w.Block("if (opts.id) {", "} else {"))
            {
                w.Line($"const state = argsOrState as {state} | undefined;");
                foreach (var p in r.Outputs) w.Line($"resourceInputs[\"{p.WireName}\"] = state?.{p.WireName};");
            }
            using (w.Indented("}"))
            {
                w.Line($"const args = argsOrState as {args} | undefined;");
                Inputs(w, r);
            }
            Options(w, r);
        }
    }

    private void Inputs(CodeWriter w, ResourceClass r)
    {
        foreach (var p in r.Inputs.Where(p => p.Required))
        {
            using (w.Block($"if (args?.{p.WireName} === undefined && !opts.urn) {{"))
                w.Line($"throw new Error(\"Missing required property '{p.WireName}'\");");
        }
        foreach (var p in r.Inputs) w.Lines(InputAssignment(r, p));
        var inputNames = r.Inputs.Select(p => p.WireName).ToHashSet(StringComparer.Ordinal);
        foreach (var p in r.Outputs.Where(p => !inputNames.Contains(p.WireName)))
            w.Line($"resourceInputs[\"{p.WireName}\"] = undefined /*out*/;");
    }

    private IEnumerable<string> InputAssignment(ResourceClass r, PropertySpec p)
    {
        var target = $"resourceInputs[\"{p.WireName}\"]";
        var fallback = Defaults.Expression(p);
        if (p.Secret && fallback is not null)
        {
            // Unlike Pulumi's codegen, a default read from the environment is marked secret too, so it never
            // reaches the state in plain; and an unset variable leaves the input unset.
            if (ConstructorLocals.Contains(p.WireName))
                throw new SchemaException($"input '{p.WireName}' would shadow a local of the generated constructor");
            return
            [
                $"const {p.WireName} = (args?.{p.WireName}) ?? {fallback};",
                $"{target} = {p.WireName} ? pulumi.secret({p.WireName}) : undefined;",
            ];
        }
        var value = p.Secret ? $"args?.{p.WireName} ? pulumi.secret(args.{p.WireName}) : undefined" : $"args?.{p.WireName}";
        if (fallback is not null) value = $"({value}) ?? {fallback}";
        // Provider config reaches the provider as strings, so anything else is sent JSON-encoded.
        if (r.IsProvider && !ctx.Types.IsString(p.Type)) value = $"pulumi.output({value}).apply(JSON.stringify)";
        return [$"{target} = {value};"];
    }

    private static void Options(CodeWriter w, ResourceClass r)
    {
        w.Line("opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);");
        var secrets = r.Outputs.Where(p => p.Secret).Select(p => p.WireName).ToList();
        if (secrets.Count > 0)
        {
            w.Line($"const secretOpts = {{ additionalSecretOutputs: {Quoted(secrets)} }};");
            w.Line("opts = pulumi.mergeOptions(opts, secretOpts);");
        }
        if (r.ReplaceOnChanges.Count > 0)
        {
            w.Line($"const replaceOnChanges = {{ replaceOnChanges: {Quoted(r.ReplaceOnChanges)} }};");
            w.Line("opts = pulumi.mergeOptions(opts, replaceOnChanges);");
        }
        w.Line($"super({r.Name}.__pulumiType, name, resourceInputs, opts);");
    }

    private static string Quoted(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(TsLiteral.String)) + "]";
}
