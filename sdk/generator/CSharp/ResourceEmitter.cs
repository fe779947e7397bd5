using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary><c>{Resource}.cs</c>: the CustomResource, its Args and its State, as Pulumi's C# codegen lays them out.</summary>
public sealed class ResourceEmitter(SdkContext ctx)
{
    public GeneratedFile Emit(ResourceSpec resource)
    {
        var name = Names.TypeName(resource.Token);
        var content = CSharpFile.Create(ctx.Namespace, SdkContext.StandardUsings, w =>
        {
            EmitResourceClass(w, resource, name);
            w.Line();
            EmitArgs(w, resource, name);
            w.Line();
            EmitState(w, resource, name);
        });
        return new GeneratedFile($"{name}.cs", content);
    }

    private void EmitResourceClass(CodeWriter w, ResourceSpec resource, string name)
    {
        var args = CSharpNames.ResourceArgs(name);
        var state = CSharpNames.ResourceState(name);
        var argsRequired = resource.Inputs.Any(p => p.Required);
        var token = Literals.String(resource.Token);

        w.Doc(resource.Description);
        w.Line($"[{ctx.AttributePrefix}ResourceType({token})]");
        using (w.Block($"public partial class {name} : global::Pulumi.CustomResource"))
        {
            foreach (var p in resource.Outputs) ctx.Properties.ResourceOutput(w, p);

            w.Lines(
            [
                "/// <summary>",
                $"/// Create a {name} resource with the given unique name, arguments, and options.",
                "/// </summary>",
                "///",
                "/// <param name=\"name\">The unique name of the resource</param>",
                "/// <param name=\"args\">The arguments used to populate this resource's properties</param>",
                "/// <param name=\"options\">A bag of options that control this resource's behavior</param>",
                $"public {name}(string name, {args}{(argsRequired ? " args" : "? args = null")}, CustomResourceOptions? options = null)",
                $"    : base({token}, name, args ?? new {args}(), MakeResourceOptions(options, \"\"))",
            ]);
            using (w.Block(null)) { }
            w.Line();
            w.Line($"private {name}(string name, Input<string> id, {state}? state = null, CustomResourceOptions? options = null)");
            w.Line($"    : base({token}, name, state, MakeResourceOptions(options, id))");
            using (w.Block(null)) { }
            w.Line();
            ResourceOptionsEmitter.MakeResourceOptions(w, ctx.Package.PluginDownloadUrl,
                resource.Outputs.Where(p => p.Secret).Select(p => p.WireName).ToList(),
                ReplaceOnChanges.Paths(resource, ctx.Package));
            w.Lines(
            [
                "",
                "/// <summary>",
                $"/// Get an existing {name} resource's state with the given name, ID, and optional extra",
                "/// properties used to qualify the lookup.",
                "/// </summary>",
                "///",
                "/// <param name=\"name\">The unique name of the resulting resource.</param>",
                "/// <param name=\"id\">The unique provider ID of the resource to lookup.</param>",
                "/// <param name=\"state\">Any extra arguments used during the lookup.</param>",
                "/// <param name=\"options\">A bag of options that control this resource's behavior</param>",
                $"public static {name} Get(string name, Input<string> id, {state}? state = null, CustomResourceOptions? options = null)",
            ]);
            using (w.Block(null)) w.Line($"return new {name}(name, id, state, options);");
        }
    }

    private void EmitArgs(CodeWriter w, ResourceSpec resource, string name)
    {
        var args = CSharpNames.ResourceArgs(name);
        using (w.Block($"public sealed class {args} : global::Pulumi.ResourceArgs"))
        {
            foreach (var p in resource.Inputs) ctx.Properties.Input(w, p, TypeFlavor.Input);
            ArgsFooter(w, args);
        }
    }

    private void EmitState(CodeWriter w, ResourceSpec resource, string name)
    {
        var state = CSharpNames.ResourceState(name);
        using (w.Block($"public sealed class {state} : global::Pulumi.ResourceArgs"))
        {
            foreach (var p in resource.Outputs) ctx.Properties.Input(w, p, TypeFlavor.State, forceOptional: true);
            ArgsFooter(w, state);
        }
    }

    /// <summary>The constructor and the <c>Empty</c> instance every Pulumi args class has.</summary>
    public static void ArgsFooter(CodeWriter w, string className, IEnumerable<string>? constructorBody = null)
    {
        using (w.Block($"public {className}()")) w.Lines(constructorBody ?? []);
        w.Line($"public static new {className} Empty => new {className}();");
    }
}
