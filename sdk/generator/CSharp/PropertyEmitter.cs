using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>The member shapes Pulumi's C# codegen uses for schema properties.</summary>
public sealed class PropertyEmitter(TypeMapper types)
{
    public void ResourceOutput(CodeWriter w, PropertySpec p)
    {
        w.Doc(p.Description);
        w.Line($"[Output(\"{p.WireName}\")]");
        w.Line($"public {types.ResourceOutput(p)} {CSharpNames.Property(p.WireName)} {{ get; private set; }} = null!;");
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
        var attribute = InputAttribute(property, jsonEncoded && p.Type.Primitive != "string");
        Member(w, property, types.Input(property, flavor), attribute, initialized: property.Required, wrapsInSecret: true);
    }

    /// <summary>
    /// A plain property of the function's InvokeAsync args. Plain values cannot carry secretness, but a secret one is
    /// still held in a backing field, as in Pulumi's codegen, which gives every secret input one.
    /// </summary>
    public void Plain(CodeWriter w, PropertySpec p) =>
        Member(w, p, types.Plain(p), InputAttribute(p), initialized: p.Required && !types.IsValueType(p.Type), wrapsInSecret: false);

    /// <param name="initialized">A required reference-typed property gets <c>= null!</c>, since the user must set it.</param>
    /// <param name="wrapsInSecret">The setter of a secret input replaces the value with a secret output.</param>
    private static void Member(CodeWriter w, PropertySpec p, string type, string attribute, bool initialized, bool wrapsInSecret)
    {
        var name = CSharpNames.Property(p.WireName);
        if (!p.Secret)
        {
            w.Doc(p.Description);
            w.Line(attribute);
            w.Line($"public {type} {name} {{ get; set; }}{(initialized ? " = null!;" : "")}");
            w.Line();
            return;
        }

        var field = CSharpNames.BackingField(p.WireName);
        w.Line(attribute);
        w.Line($"private {type} {field};");
        w.Line();
        w.Doc(p.Description);
        using (w.Block($"public {type} {name}"))
        {
            w.Line($"get => {field};");
            if (!wrapsInSecret)
            {
                w.Line($"set => {field} = value;");
            }
            else
            {
                using (w.Block("set"))
                {
                    w.Line("var emptySecret = Output.CreateSecret(0);");
                    w.Line($"{field} = Output.Tuple<{type}, int>(value, emptySecret).Apply(t => t.Item1);");
                }
            }
        }
        w.Line();
    }

    /// <summary>Readonly fields plus the <c>[OutputConstructor]</c> Pulumi's deserializer calls, parameters named by wire name.</summary>
    public void OutputFieldsAndConstructor(CodeWriter w, string className, IReadOnlyList<PropertySpec> properties)
    {
        foreach (var p in properties)
        {
            w.Doc(p.Description);
            w.Line($"public readonly {types.OutputField(p)} {CSharpNames.Property(p.WireName)};");
        }
        w.Line();
        w.Line("[OutputConstructor]");
        w.Line($"private {className}(");
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var last = i == properties.Count - 1;
            w.Line($"    {types.OutputField(p)} {CSharpNames.Parameter(p.WireName)}{(last ? ")" : ",")}");
            if (!last) w.Line();
        }
        using (w.Block(null))
        {
            foreach (var p in properties) w.Line($"{CSharpNames.Property(p.WireName)} = {CSharpNames.Parameter(p.WireName)};");
        }
    }

    private static string InputAttribute(PropertySpec p, bool json = false) =>
        $"[Input(\"{p.WireName}\"{(p.Required ? ", required: true" : "")}{(json ? ", json: true" : "")})]";
}
