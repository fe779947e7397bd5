using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>The generated SDK as Roslyn syntax trees, with lookups the consistency tests need.</summary>
public sealed class GeneratedSdkSyntax
{
    private readonly Dictionary<string, ClassDeclarationSyntax> _classes;

    public GeneratedSdkSyntax(IEnumerable<string> files)
    {
        _classes = files
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), RoslynCompile.ParseOptions, path: f).GetRoot())
            .SelectMany(root => root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.Parent is BaseNamespaceDeclarationSyntax)
            .ToDictionary(FullName, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> ClassNames => _classes.Keys;

    public ClassDeclarationSyntax? Class(string fullName) => _classes.GetValueOrDefault(fullName);

    /// <summary>Members carrying the attribute <paramref name="attribute"/> (e.g. "Input"), keyed by its first argument (the wire name).</summary>
    public static IReadOnlyList<(string WireName, MemberDeclarationSyntax Member, AttributeSyntax Attribute)> AttributedMembers(ClassDeclarationSyntax type, string attribute) =>
        type.Members
            .SelectMany(m => m.AttributeLists.SelectMany(l => l.Attributes).Where(a => a.Name.ToString() == attribute).Select(a => (m, a)))
            .Select(x => (WireName: StringArgument(x.a, 0), Member: x.m, Attribute: x.a))
            .ToList();

    public static string StringArgument(AttributeSyntax attribute, int index) =>
        attribute.ArgumentList?.Arguments.ElementAtOrDefault(index)?.Expression is LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : "";

    /// <summary><c>required: true</c> on an [Input] attribute.</summary>
    public static bool IsRequired(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "required"
            && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) ?? false;

    public static string TypeText(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax p => p.Type.ToString(),
        FieldDeclarationSyntax f => f.Declaration.Type.ToString(),
        _ => throw new InvalidOperationException($"unexpected member {member.Kind()}"),
    };

    public static string? FieldName(MemberDeclarationSyntax member) =>
        (member as FieldDeclarationSyntax)?.Declaration.Variables.Single().Identifier.ValueText;

    /// <summary>Properties whose setter assigns to <paramref name="field"/> a value built by <c>Output.CreateSecret</c>.</summary>
    public static IReadOnlyList<PropertyDeclarationSyntax> SecretSettersOf(ClassDeclarationSyntax type, string field) =>
        type.Members.OfType<PropertyDeclarationSyntax>()
            .Where(p => p.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.SetAccessorDeclaration)) is { } setter
                && setter.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left.ToString() == field)
                && setter.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression.ToString() == "Output.CreateSecret"))
            .ToList();

    /// <summary>The string literals listed in a resource option such as <c>AdditionalSecretOutputs = { ... }</c>.</summary>
    public static IReadOnlyList<string> StringListOption(ClassDeclarationSyntax type, string option) =>
        type.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == option)
            .SelectMany(a => a.Right.DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Select(l => l.Token.ValueText)
            .ToList();

    public static ConstructorDeclarationSyntax? OutputConstructor(ClassDeclarationSyntax type) =>
        type.Members.OfType<ConstructorDeclarationSyntax>()
            .SingleOrDefault(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "OutputConstructor"));

    public static IReadOnlyDictionary<string, string> ReadonlyFields(ClassDeclarationSyntax type) =>
        type.Members.OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) && f.Modifiers.Any(SyntaxKind.PublicKeyword))
            .SelectMany(f => f.Declaration.Variables.Select(v => (v.Identifier.ValueText, f.Declaration.Type.ToString())))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    private static string FullName(ClassDeclarationSyntax c) =>
        $"{((BaseNamespaceDeclarationSyntax)c.Parent!).Name}.{c.Identifier.ValueText}";
}
