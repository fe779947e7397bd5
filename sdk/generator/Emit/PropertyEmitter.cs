using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.SdkGen.Schema;

namespace ConfluentFlink.SdkGen.Emit;

/// <summary>The member shapes Pulumi's C# codegen uses for schema properties.</summary>
public sealed class PropertyEmitter(TypeMapper types)
{
    public void ResourceOutput(CodeWriter w, PropertySpec p)
    {
        w.Doc(p.Description);
        w.Line($"[Output(\"{p.WireName}\")]");
        w.Line($"public {types.ResourceOutput(p)} {Names.Property(p.WireName)} {{ get; private set; }} = null!;");
        w.Line();
    }

    /// <summary>
    /// An <c>Input&lt;T&gt;</c> property. A secret one is held in a private field whose setter marks the value secret,
    /// so a plain value from the program reaches the engine (and the state) as a secret.
    /// </summary>
    /// <param name="forceOptional">State bags leave every property optional.</param>
    /// <param name="jsonEncoded">Provider config reaches the provider as strings, so Pulumi sends non-string config JSON-encoded.</param>
    public void Input(CodeWriter w, PropertySpec p, TypeFlavor flavor, bool forceOptional = false, bool jsonEncoded = false)
    {
        var property = forceOptional ? p with { Required = false } : p;
        var type = types.Input(property, flavor);
        var attribute = InputAttribute(property, jsonEncoded && p.Type.Primitive != "string");
        if (!p.Secret)
        {
            w.Doc(p.Description);
            w.Line(attribute);
            w.Line($"public {type} {Names.Property(p.WireName)} {{ get; set; }}{(property.Required ? " = null!;" : "")}");
            w.Line();
            return;
        }

        var field = Names.BackingField(p.WireName);
        w.Line(attribute);
        w.Line($"private {type} {field};");
        w.Line();
        w.Doc(p.Description);
        using (w.Block($"public {type} {Names.Property(p.WireName)}"))
        {
            w.Line($"get => {field};");
            using (w.Block("set"))
            {
                w.Line("var emptySecret = Output.CreateSecret(0);");
                w.Line($"{field} = Output.Tuple<{type}, int>(value, emptySecret).Apply(t => t.Item1);");
            }
        }
        w.Line();
    }

    /// <summary>A plain property of the function's InvokeAsync args; plain values cannot carry secretness.</summary>
    public void Plain(CodeWriter w, PropertySpec p)
    {
        w.Doc(p.Description);
        w.Line(InputAttribute(p));
        w.Line($"public {types.Plain(p)} {Names.Property(p.WireName)} {{ get; set; }}{(p.Required ? " = null!;" : "")}");
        w.Line();
    }

    /// <summary>Readonly fields plus the <c>[OutputConstructor]</c> Pulumi's deserializer calls, parameters named by wire name.</summary>
    public void OutputFieldsAndConstructor(CodeWriter w, string className, IReadOnlyList<PropertySpec> properties)
    {
        foreach (var p in properties)
        {
            w.Doc(p.Description);
            w.Line($"public readonly {types.OutputField(p)} {Names.Property(p.WireName)};");
        }
        w.Line();
        w.Line("[OutputConstructor]");
        w.Line($"private {className}(");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var last = i == properties.Count - 1;
            w.Line($"    {types.OutputField(p)} {Names.Parameter(p.WireName)}{(last ? ")" : ",")}");
            if (!last) w.Line();
        }
        using (w.Block(null))
        {
            foreach (var p in properties) w.Line($"{Names.Property(p.WireName)} = {Names.Parameter(p.WireName)};");
        }
    }

    private static string InputAttribute(PropertySpec p, bool json = false) =>
        $"[Input(\"{p.WireName}\"{(p.Required ? ", required: true" : "")}{(json ? ", json: true" : "")})]";
}
