using Acornima;
using Acornima.Ast;
using ConfluentFlink.Examples.Tests.SchemaRules;

namespace ConfluentFlink.Examples.Tests.TypeScript;

/// <summary>
/// A light check of a TypeScript program without its generated SDK: the program is kept free of type
/// annotations, so it is also JavaScript and Acornima parses it. Finds <c>new sdk.FlinkConnection(name, {...})</c>
/// and <c>new sdk.Provider(name, {...})</c> and the object literal keys given to them, and the config keys read
/// through <c>new pulumi.Config()</c>. A secret property must come from <c>config.requireSecret</c>/<c>getSecret</c>.
/// </summary>
public sealed class TypeScriptProgramScan
{
    private static readonly string[] SecretReads = ["requireSecret", "getSecret"];
    private static readonly string[] PlainReads = ["require", "get", "requireNumber", "getNumber", "requireBoolean", "getBoolean"];

    private readonly List<ObjectUse> _objects = [];
    private readonly HashSet<string> _secretKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _plainKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expression?> _variables = new(StringComparer.Ordinal);
    private readonly string _file;

    private TypeScriptProgramScan(string file) => _file = file;

    public IReadOnlyList<ObjectUse> Objects => _objects;

    public IReadOnlySet<string> SecretConfigKeysRead => _secretKeys;

    public IReadOnlySet<string> PlainConfigKeysRead => _plainKeys;

    public static TypeScriptProgramScan Scan(string source, string file, PackageSchema schema)
    {
        var program = new Parser().ParseModule(source, file);
        var scan = new TypeScriptProgramScan(file);
        foreach (var declarator in program.DescendantNodes().OfType<VariableDeclarator>())
        {
            if (declarator.Id is Identifier id) scan._variables[id.Name] = declarator.Init;
        }
        foreach (var node in program.DescendantNodes())
        {
            if (node is NewExpression { Callee: MemberExpression { Object: Identifier module, Property: Identifier resourceClass } } creation
                && module.Name != "pulumi"
                && schema.ForResourceClass(resourceClass.Name) is { } shape
                && creation.Arguments.Count > 1 && creation.Arguments[1] is ObjectExpression args)
                scan._objects.Add(new ObjectUse(shape, scan.Where(creation), scan.PropertiesOf(args)));
            else if (node is CallExpression call)
                scan.RecordConfigRead(call);
        }
        return scan;
    }

    private List<PropertyUse> PropertiesOf(ObjectExpression literal) =>
        literal.Properties.OfType<Property>()
            .Select(p => new PropertyUse(KeyOf(p), ValueOf((Expression)p.Value, depth: 0), Where(p)))
            .ToList();

    private static string KeyOf(Property property) => property.Key switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        var other => other.ToString() ?? "",
    };

    private ValueUse ValueOf(Expression value, int depth) => value switch
    {
        ObjectExpression nested => new ValueUse("an object", false, PropertiesOf(nested)),
        CallExpression { Callee: MemberExpression { Property: Identifier method } } call when IsConfigCall(call) =>
            new ValueUse($"a call of {method.Name}", SecretReads.Contains(method.Name)),
        Identifier variable when depth < 8 && _variables.GetValueOrDefault(variable.Name) is { } initializer =>
            ValueOf(initializer, depth + 1) with { Kind = $"the variable {variable.Name}" },
        Literal => new ValueUse("a literal", false),
        _ => new ValueUse($"a {value.Type}", false),
    };

    private void RecordConfigRead(CallExpression call)
    {
        if (!IsConfigCall(call) || call.Callee is not MemberExpression { Property: Identifier method }) return;
        if (call.Arguments.Count == 0 || call.Arguments[0] is not StringLiteral key) return;
        if (SecretReads.Contains(method.Name)) _secretKeys.Add(key.Value);
        else if (PlainReads.Contains(method.Name)) _plainKeys.Add(key.Value);
    }

    // A call on a variable initialized with new <anything>.Config(...).
    private bool IsConfigCall(CallExpression call) =>
        call.Callee is MemberExpression { Object: Identifier receiver }
        && _variables.GetValueOrDefault(receiver.Name) is NewExpression { Callee: MemberExpression { Property: Identifier { Name: "Config" } } };

    private string Where(Node node) => $"{_file}:{node.Location.Start.Line}";
}
