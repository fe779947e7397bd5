using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary><c>Provider.cs</c>: the explicit provider resource and its args, defaulted from the environment like Pulumi's.</summary>
public sealed class ProviderEmitter(SdkContext ctx)
{
    public GeneratedFile Emit()
    {
        var package = ctx.Package;
        var content = CSharpFile.Create(ctx.Namespace, SdkContext.StandardUsings, w =>
        {
            w.Doc(package.ProviderDescription);
            w.Line($"[{ctx.AttributePrefix}ResourceType({Literals.String("pulumi:providers:" + package.Name)})]");
            using (w.Block("public partial class Provider : global::Pulumi.ProviderResource"))
            {
                w.Lines(
                [
                    "/// <summary>",
                    "/// Create a Provider resource with the given unique name, arguments, and options.",
                    "/// </summary>",
                    "///",
                    "/// <param name=\"name\">The unique name of the resource</param>",
                    "/// <param name=\"args\">The arguments used to populate this resource's properties</param>",
                    "/// <param name=\"options\">A bag of options that control this resource's behavior</param>",
                    "public Provider(string name, ProviderArgs? args = null, CustomResourceOptions? options = null)",
                    $"    : base({Literals.String(package.Name)}, name, args ?? new ProviderArgs(), MakeResourceOptions(options, \"\"))",
                ]);
                using (w.Block(null)) { }
                w.Line();
                ResourceOptionsEmitter.MakeResourceOptions(w, package.PluginDownloadUrl, [], []);
            }
            w.Line();
            using (w.Block("public sealed class ProviderArgs : global::Pulumi.ResourceArgs"))
            {
                foreach (var p in package.ProviderInputs) ctx.Properties.Input(w, p, TypeFlavor.Input, jsonEncoded: true);
                var defaults = package.ProviderInputs.SelectMany(DefaultAssignment);
                ResourceEmitter.ArgsFooter(w, "ProviderArgs", defaults);
            }
        });
        return new GeneratedFile("Provider.cs", content);
    }

    /// <summary>
    /// Sets a provider input to its default. An environment variable that is not set leaves the input unset, rather
    /// than sending an explicit null (or a secret wrapping null) to the provider.
    /// </summary>
    private static IEnumerable<string> DefaultAssignment(Schema.PropertySpec p)
    {
        if (Literals.Default(p) is not { } value) return [];
        var property = CSharpNames.Property(p.WireName);
        if (p.Default is not null) return [$"{property} = {value};"];
        var local = CSharpNames.Parameter(p.WireName);
        return [$"if ({value} is {{ }} {local})", "{", $"    {property} = {local};", "}"];
    }
}
