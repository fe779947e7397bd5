using ConfluentFlink.Examples.Tests.SchemaRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfluentFlink.Examples.Tests.CSharp;

/// <summary>A stack config value a program sets through the Automation API (<c>new ConfigValue(value, isSecret)</c>).</summary>
public sealed record ConfigValueSet(string Key, bool IsSecret, string Where);

/// <summary>
/// What a C# program does with the provider, read from its syntax trees alone (so it does not depend on the SDK
/// being generated or on the program compiling): the SDK args objects it builds and every property it sets on
/// them, the config keys it reads (secret or plain), and the stack config it sets through the Automation API.
/// SDK class names map to schema shapes by Pulumi's C# naming (<see cref="PackageSchema.ForCSharpArgsClass"/>),
/// property names by PascalCase → camelCase.
/// </summary>
public sealed class CSharpProgramScan
{
    private static readonly string[] SecretConfigReads = ["RequireSecret", "GetSecret"];
    private static readonly string[] PlainConfigReads = ["Require", "Get", "RequireInt32", "GetInt32", "RequireBoolean", "GetBoolean"];

    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly PackageSchema _schema;
    private readonly string _root;
    private readonly List<ObjectUse> _objects = [];
    private readonly List<string> _findings = [];
    private readonly HashSet<string> _secretKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _plainKeys = new(StringComparer.Ordinal);
    private readonly List<ConfigValueSet> _configValues = [];

    private CSharpProgramScan(IReadOnlyList<SyntaxTree> trees, PackageSchema schema, string root)
    {
        _trees = trees;
        _schema = schema;
        _root = root;
    }

    /// <summary>Args objects built (one per object creation) and properties set outside initializers (incomplete uses).</summary>
    public IReadOnlyList<ObjectUse> Objects => _objects;

    /// <summary>Things the scan could not resolve: a config key or a ConfigValue key that is not a constant.</summary>
    public IReadOnlyList<string> Findings => _findings;

    public IReadOnlySet<string> SecretConfigKeysRead => _secretKeys;

    public IReadOnlySet<string> PlainConfigKeysRead => _plainKeys;

    public IReadOnlyList<ConfigValueSet> ConfigValuesSet => _configValues;

    /// <param name="root">Folder that locations in findings are relative to.</param>
    public static CSharpProgramScan Scan(IReadOnlyList<SyntaxTree> trees, PackageSchema schema, string root)
    {
        var scan = new CSharpProgramScan(trees, schema, root);
        foreach (var tree in trees)
            scan.ScanTree(tree.GetRoot());
        return scan;
    }

    private void ScanTree(SyntaxNode root)
    {
        foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (creation is ObjectCreationExpressionSyntax { Type: var type } && RightmostName(type) == "ConfigValue")
                RecordConfigValue(creation);
            // Other classes (options, collections...) are not the schema's business.
            else if (ShapeOf(creation) is { } shape)
                _objects.Add(new ObjectUse(shape, Where(creation), InitializerProperties(creation.Initializer)));
        }

        foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Parent is InitializerExpressionSyntax || assignment.Left is not MemberAccessExpressionSyntax member) continue;
            if (member.Expression is not IdentifierNameSyntax target) continue;
            if (DeclaredClassOf(target) is not { } className || _schema.ForCSharpArgsClass(className) is not { } shape) continue;
            var property = new PropertyUse(CamelCase(member.Name.Identifier.Text), ValueOf(assignment.Right), Where(assignment));
            _objects.Add(new ObjectUse(shape, Where(assignment), [property], Complete: false));
        }

        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            RecordConfigRead(invocation);
    }

    private Shape? ShapeOf(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitCreation)
            return _schema.ForCSharpArgsClass(RightmostName(explicitCreation.Type));

        // new() { ... } as the value of an args property: the property's object type.
        if (creation.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax property, Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax owner } }
            && ShapeOf(owner) is { } ownerShape
            && ownerShape.Properties.TryGetValue(CamelCase(property.Identifier.Text), out var declared)
            && declared.ObjectType is { } objectType)
            return _schema.ObjectType(objectType);

        // new() { ... } as the args of a resource: new FlinkConnection("name", new() { ... }).
        if (creation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax resource } arguments } argument
            && arguments.Arguments.IndexOf(argument) == 1)
            return _schema.ForResourceClass(RightmostName(resource.Type));
        return null;
    }

    private List<PropertyUse> InitializerProperties(InitializerExpressionSyntax? initializer) =>
        initializer is null
            ? []
            : initializer.Expressions
                .OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax)
                .Select(a => new PropertyUse(CamelCase(((IdentifierNameSyntax)a.Left).Identifier.Text), ValueOf(a.Right), Where(a)))
                .ToList();

    private ValueUse ValueOf(ExpressionSyntax value) => new(KindOf(value), IsFromSecretConfig(value, depth: 0));

    private static string KindOf(ExpressionSyntax value) => value switch
    {
        LiteralExpressionSyntax => "a literal",
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } => $"a call of {call.Name.Identifier.Text}",
        IdentifierNameSyntax name => $"the variable {name.Identifier.Text}",
        _ => $"a {value.Kind()}",
    };

    // Secret config, directly or through local variables: config.RequireSecret("k"), config.GetSecret("k").
    private bool IsFromSecretConfig(ExpressionSyntax value, int depth) => value switch
    {
        ParenthesizedExpressionSyntax inner => IsFromSecretConfig(inner.Expression, depth),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } =>
            SecretConfigReads.Contains(call.Name.Identifier.Text) && IsConfigObject(call.Expression),
        IdentifierNameSyntax name when depth < 8 =>
            LocalInitializer(name) is { } initializer && IsFromSecretConfig(initializer, depth + 1),
        _ => false,
    };

    private void RecordConfigRead(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax call || !IsConfigObject(call.Expression)) return;
        if (invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is not { } keyExpression) return;
        var method = call.Name.Identifier.Text;
        var target = SecretConfigReads.Contains(method) ? _secretKeys : PlainConfigReads.Contains(method) ? _plainKeys : null;
        if (target is null) return;
        if (ConstantString(keyExpression) is { } key) target.Add(key);
        else _findings.Add($"{Where(invocation)}: config key of {method} is not a constant");
    }

    private void RecordConfigValue(BaseObjectCreationExpressionSyntax creation)
    {
        var keyExpression = creation.Parent switch
        {
            // ["key"] = new ConfigValue(...) in a dictionary initializer
            AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax element } => element.ArgumentList.Arguments[0].Expression,
            // stack.SetConfigAsync("key", new ConfigValue(...))
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } arguments } => arguments.Arguments[0].Expression,
            _ => null,
        };
        if (keyExpression is null || ConstantString(keyExpression) is not { } key)
        {
            _findings.Add($"{Where(creation)}: cannot tell which config key this ConfigValue sets");
            return;
        }
        var constructorArguments = creation.ArgumentList?.Arguments ?? default;
        var isSecretArgument = constructorArguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "isSecret")
            ?? (constructorArguments.Count > 1 && constructorArguments[1].NameColon is null ? constructorArguments[1] : null);
        var isSecret = isSecretArgument?.Expression.IsKind(SyntaxKind.TrueLiteralExpression) == true;
        _configValues.Add(new ConfigValueSet(key, isSecret, Where(creation)));
    }

    // A Pulumi.Config instance: a local initialized with new Config(...) or new Pulumi.Config(...).
    private bool IsConfigObject(ExpressionSyntax receiver) =>
        receiver is IdentifierNameSyntax name
        && LocalInitializer(name) is ObjectCreationExpressionSyntax { Type: var type }
        && RightmostName(type) == "Config";

    private ExpressionSyntax? LocalInitializer(IdentifierNameSyntax name) =>
        name.SyntaxTree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(d => d.Identifier.Text == name.Identifier.Text)?.Initializer?.Value;

    // The class a variable or parameter is declared with: `T x`, `var x = new T(...)`, or `var x = F(...)` with F returning T.
    private string? DeclaredClassOf(IdentifierNameSyntax name)
    {
        var root = name.SyntaxTree.GetRoot();
        var text = name.Identifier.Text;
        if (root.DescendantNodes().OfType<ParameterSyntax>().FirstOrDefault(p => p.Identifier.Text == text) is { Type: { } parameterType })
            return RightmostName(parameterType);
        if (root.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(d => d.Identifier.Text == text) is not { } declarator)
            return null;
        if (declarator.Parent is VariableDeclarationSyntax { Type: { IsVar: false } declaredType })
            return RightmostName(declaredType);
        return declarator.Initializer?.Value switch
        {
            ObjectCreationExpressionSyntax creation => RightmostName(creation.Type),
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax function } => ReturnClassOf(root, function.Identifier.Text),
            _ => null,
        };
    }

    private static string? ReturnClassOf(SyntaxNode root, string function) =>
        root.DescendantNodes().Select(n => n switch
        {
            LocalFunctionStatementSyntax local when local.Identifier.Text == function => RightmostName(local.ReturnType),
            MethodDeclarationSyntax method when method.Identifier.Text == function => RightmostName(method.ReturnType),
            _ => null,
        }).FirstOrDefault(n => n is not null);

    // A string constant: a literal, or a reference to a const declared in any file of the program.
    private string? ConstantString(ExpressionSyntax expression)
    {
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            return literal.Token.ValueText;
        var name = expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.Text,
            MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
            _ => null,
        };
        if (name is null) return null;
        var constant = _trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>())
            .FirstOrDefault(d => d.Identifier.Text == name && d.Parent?.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            });
        return constant?.Initializer?.Value is LiteralExpressionSyntax value ? value.Token.ValueText : null;
    }

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
        SimpleNameSyntax simple => simple.Identifier.Text,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => type.ToString(),
    };

    private static string CamelCase(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private string Where(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return $"{Path.GetRelativePath(_root, span.Path)}:{span.StartLinePosition.Line + 1}";
    }
}
