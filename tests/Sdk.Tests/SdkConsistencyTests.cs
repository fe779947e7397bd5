using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static ConfluentFlink.Sdk.Tests.GeneratedSdkSyntax;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// Every schema property appears in the generated C# exactly once per class, with its wire name, C# type, requiredness
/// and secrecy, checked on the Roslyn syntax tree. Expectations are derived here from schema.json on their own, not
/// through the generator, following Pulumi's C# conventions:
/// resource outputs are <c>Output&lt;T&gt;</c> (<c>T?</c> when optional); args are <c>Input&lt;T&gt;</c> (<c>Input&lt;T&gt;?</c>
/// when optional or secret, a secret living in a private field whose setter calls <c>Output.CreateSecret</c>);
/// state bags make everything optional; object types map to <c>Inputs.XArgs</c>, <c>Inputs.XGetArgs</c> (state),
/// <c>Inputs.X</c> (plain invoke args) and <c>Outputs.X</c>.
/// </summary>
public class SdkConsistencyTests
{
    private const string Ns = "Pulumi.ConfluentFlink";
    private const string ResourceToken = "confluentflink:index:FlinkConnection";
    private const string FunctionToken = "confluentflink:index:getFlinkConnection";

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile))!.AsObject();
    private static readonly GeneratedSdkSyntax Sdk = new(SdkPaths.GeneratedSdkSources());
    private static JsonObject Resource => Schema["resources"]![ResourceToken]!.AsObject();
    private static JsonObject Function => Schema["functions"]![FunctionToken]!.AsObject();

    private enum Flavor { Output, Args, GetArgs, Plain }

    [Test]
    public void ResourceOutputsMatchSchemaProperties()
    {
        var type = RequireClass($"{Ns}.FlinkConnection");
        var properties = Props(Resource["properties"], Resource["required"]);

        Assert.Multiple(() =>
        {
            Assert.That(type.BaseList!.Types.Select(t => t.ToString()), Does.Contain("global::Pulumi.CustomResource"));
            Assert.That(AttributeArgument(type, "ConfluentFlinkResourceType"), Is.EqualTo(ResourceToken));
            CheckOutputs(type, properties);
        });
    }

    [Test]
    public void EverySecretOutputIsInAdditionalSecretOutputs()
    {
        var type = RequireClass($"{Ns}.FlinkConnection");
        var secretOutputs = Props(Resource["properties"], Resource["required"]).Where(p => p.Secret).Select(p => p.Name);

        Assert.That(StringListOption(type, "AdditionalSecretOutputs"), Is.EquivalentTo(secretOutputs));
    }

    [Test]
    public void EveryReplaceOnChangesOutputIsInTheReplaceOnChangesOption()
    {
        var type = RequireClass($"{Ns}.FlinkConnection");
        var flagged = Resource["properties"]!.AsObject()
            .Where(p => p.Value!["replaceOnChanges"]?.GetValue<bool>() == true)
            .Select(p => p.Key);

        Assert.That(StringListOption(type, "ReplaceOnChanges"), Is.EquivalentTo(flagged).And.Not.Empty);
    }

    [Test]
    public void ResourceArgsMatchSchemaInputs() =>
        CheckInputs(RequireClass($"{Ns}.FlinkConnectionArgs"), Props(Resource["inputProperties"], Resource["requiredInputs"]), Flavor.Args);

    [Test]
    public void ResourceStateHasEveryOutputAsOptionalInput() =>
        CheckInputs(RequireClass($"{Ns}.FlinkConnectionState"), Props(Resource["properties"], Resource["required"]), Flavor.GetArgs, stateBag: true);

    [Test]
    public void ProviderArgsMatchProviderInputsAndSendNonStringsAsJson()
    {
        var type = RequireClass($"{Ns}.ProviderArgs");
        var properties = Props(Schema["provider"]!["inputProperties"], Schema["provider"]!["requiredInputs"]);
        CheckInputs(type, properties, Flavor.Args);

        var json = AttributedMembers(type, "Input")
            .Where(m => m.Attribute.ArgumentList!.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "json"))
            .Select(m => m.WireName);
        Assert.That(json, Is.EquivalentTo(properties.Where(p => p.Primitive is not "string").Select(p => p.Name)));
    }

    [Test]
    public void FunctionArgsAndResultMatchSchema()
    {
        var inputs = Props(Function["inputs"]!["properties"], Function["inputs"]!["required"]);
        Assert.Multiple(() =>
        {
            CheckInputs(RequireClass($"{Ns}.GetFlinkConnectionInvokeArgs"), inputs, Flavor.Args);
            CheckPlain(RequireClass($"{Ns}.GetFlinkConnectionArgs"), inputs);
            CheckOutputType(RequireClass($"{Ns}.GetFlinkConnectionResult"),
                Props(Function["outputs"]!["properties"], Function["outputs"]!["required"]));
        });
    }

    [Test]
    public void ObjectTypesHaveTheirClassesPerUse()
    {
        var resourceInputs = Props(Resource["inputProperties"], null);
        var resourceOutputs = Props(Resource["properties"], null);
        var functionInputs = Props(Function["inputs"]!["properties"], null);
        var functionOutputs = Props(Function["outputs"]!["properties"], null);

        Assert.Multiple(() =>
        {
            foreach (var t in ObjectTypesReachable(resourceInputs.Concat(functionInputs)))
                CheckInputs(RequireClass($"{Ns}.Inputs.{t.Name}Args"), t.Properties, Flavor.Args);
            foreach (var t in ObjectTypesReachable(resourceOutputs))
                CheckInputs(RequireClass($"{Ns}.Inputs.{t.Name}GetArgs"), t.Properties, Flavor.GetArgs);
            foreach (var t in ObjectTypesReachable(functionInputs))
                CheckPlain(RequireClass($"{Ns}.Inputs.{t.Name}"), t.Properties);
            foreach (var t in ObjectTypesReachable(resourceOutputs.Concat(functionOutputs)))
                CheckOutputType(RequireClass($"{Ns}.Outputs.{t.Name}"), t.Properties);
        });
    }

    [Test]
    public void NoClassCarriesInputsOrOutputsThatTheseTestsDoNotCheck()
    {
        var checkedClasses = new HashSet<string>(StringComparer.Ordinal)
        {
            $"{Ns}.FlinkConnection", $"{Ns}.FlinkConnectionArgs", $"{Ns}.FlinkConnectionState", $"{Ns}.ProviderArgs",
            $"{Ns}.GetFlinkConnectionInvokeArgs", $"{Ns}.GetFlinkConnectionArgs", $"{Ns}.GetFlinkConnectionResult",
        };
        foreach (var (token, _) in Schema["types"]!.AsObject())
        {
            var name = token.Split(':').Last();
            checkedClasses.UnionWith([$"{Ns}.Inputs.{name}Args", $"{Ns}.Inputs.{name}GetArgs", $"{Ns}.Inputs.{name}", $"{Ns}.Outputs.{name}"]);
        }

        var notChecked = Sdk.ClassNames.Where(n => !checkedClasses.Contains(n)).Where(n =>
        {
            var c = Sdk.Class(n)!;
            return AttributedMembers(c, "Input").Count > 0 || AttributedMembers(c, "Output").Count > 0 || OutputConstructor(c) is not null;
        });
        Assert.That(notChecked, Is.Empty);
    }

    private static void CheckOutputs(ClassDeclarationSyntax type, IReadOnlyList<Prop> properties)
    {
        var members = AttributedMembers(type, "Output");
        AssertOneMemberPerProperty(type, members.Select(m => m.WireName), properties);
        foreach (var (wire, member, _) in members)
        {
            var p = properties.Single(x => x.Name == wire);
            Assert.That(TypeText(member), Is.EqualTo($"Output<{Element(p, Flavor.Output)}{(p.Required ? "" : "?")}>"), $"{type.Identifier}.{wire}");
        }
    }

    /// <param name="stateBag">The resource's state class, where every property is optional since Get may pass any subset.</param>
    private static void CheckInputs(ClassDeclarationSyntax type, IReadOnlyList<Prop> properties, Flavor flavor, bool stateBag = false)
    {
        var members = AttributedMembers(type, "Input");
        AssertOneMemberPerProperty(type, members.Select(m => m.WireName), properties);
        foreach (var (wire, member, attribute) in members)
        {
            var p = properties.Single(x => x.Name == wire);
            var required = p.Required && !stateBag;
            var where = $"{type.Identifier}.{wire}";
            Assert.That(IsRequired(attribute), Is.EqualTo(required), $"{where}: required");
            var input = p.OneOf is { } union ? $"InputUnion<{UnionArguments(union, flavor)}>" : $"Input<{Element(p, flavor)}>";
            Assert.That(TypeText(member), Is.EqualTo($"{input}{(required && !p.Secret ? "" : "?")}"), $"{where}: type");
            if (p.Secret)
            {
                Assert.That(member, Is.InstanceOf<FieldDeclarationSyntax>(), $"{where}: a secret input is a backing field");
                Assert.That(member.Modifiers.Any(SyntaxKind.PrivateKeyword), Is.True, $"{where}: backing field is private");
                var setters = SecretSettersOf(type, FieldName(member)!);
                Assert.That(setters, Has.Count.EqualTo(1), $"{where}: exactly one property sets it through Output.CreateSecret");
                Assert.That(setters.Select(s => s.Type.ToString()), Has.All.EqualTo(TypeText(member)), $"{where}: property type");
            }
            else
            {
                Assert.That(member, Is.InstanceOf<PropertyDeclarationSyntax>(), $"{where}: a plain input is a property");
            }
        }
    }

    // Plain values cannot carry secrecy, so a secret one only needs its backing field.
    private static void CheckPlain(ClassDeclarationSyntax type, IReadOnlyList<Prop> properties)
    {
        var members = AttributedMembers(type, "Input");
        AssertOneMemberPerProperty(type, members.Select(m => m.WireName), properties);
        foreach (var (wire, member, attribute) in members)
        {
            var p = properties.Single(x => x.Name == wire);
            var where = $"{type.Identifier}.{wire}";
            Assert.That(IsRequired(attribute), Is.EqualTo(p.Required), $"{where}: required");
            Assert.That(TypeText(member), Is.EqualTo(Element(p, Flavor.Plain) + (p.Required && !p.Secret ? "" : "?")), $"{where}: type");
            Assert.That(member, p.Secret ? Is.InstanceOf<FieldDeclarationSyntax>() : Is.InstanceOf<PropertyDeclarationSyntax>(),
                $"{where}: a secret input has a backing field, as in Pulumi's codegen");
        }
    }

    private static void CheckOutputType(ClassDeclarationSyntax type, IReadOnlyList<Prop> properties)
    {
        Assert.That(type.AttributeLists.SelectMany(l => l.Attributes).Select(a => a.Name.ToString()), Does.Contain("OutputType"), type.Identifier.ValueText);
        var constructor = OutputConstructor(type);
        Assert.That(constructor, Is.Not.Null, $"{type.Identifier}: [OutputConstructor]");
        var parameters = constructor!.ParameterList.Parameters;
        AssertOneMemberPerProperty(type, parameters.Select(p => p.Identifier.ValueText), properties);
        var fields = ReadonlyFields(type);
        foreach (var parameter in parameters)
        {
            var p = properties.Single(x => x.Name == parameter.Identifier.ValueText);
            var expected = Element(p, Flavor.Output) + (p.Required ? "" : "?");
            Assert.That(parameter.Type!.ToString(), Is.EqualTo(expected), $"{type.Identifier}({p.Name})");
            Assert.That(fields.GetValueOrDefault(Pascal(p.Name)), Is.EqualTo(expected), $"{type.Identifier}.{Pascal(p.Name)}");
        }
    }

    private static void AssertOneMemberPerProperty(ClassDeclarationSyntax type, IEnumerable<string> wireNames, IReadOnlyList<Prop> properties)
    {
        var names = wireNames.ToList();
        Assert.That(names, Is.Unique, $"{type.Identifier}: a wire name is used twice");
        Assert.That(names, Is.EquivalentTo(properties.Select(p => p.Name)), $"{type.Identifier}: wire names");
    }

    private static string Element(Prop p, Flavor flavor)
    {
        if (p.OneOf is { } union)
        {
            // Outputs carry a relaxed enum (string or enum) as its underlying string.
            if (flavor == Flavor.Output && union.Any(e => e.TypeName is { } n && IsEnum(n))) return "string";
            return $"Union<{UnionArguments(union, flavor)}>";
        }
        if (p.TypeName is { } name)
        {
            if (IsEnum(name)) return $"{Ns}.{name}";
            return flavor switch
            {
                Flavor.Output => $"Outputs.{name}",
                Flavor.Args => $"Inputs.{name}Args",
                Flavor.GetArgs => $"Inputs.{name}GetArgs",
                _ => $"Inputs.{name}",
            };
        }
        return p.Primitive switch { "string" => "string", "integer" => "int", "number" => "double", "boolean" => "bool", var t => throw new AssertionException($"unexpected type {t}") };
    }

    private static string UnionArguments(IReadOnlyList<Prop> union, Flavor flavor) =>
        string.Join(", ", union.Select(e => Element(e, flavor)));

    private static bool IsEnum(string typeName) =>
        Schema["types"]!.AsObject().Single(t => t.Key.Split(':').Last() == typeName).Value!["enum"] is not null;

    private static IEnumerable<(string Name, IReadOnlyList<Prop> Properties)> ObjectTypesReachable(IEnumerable<Prop> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Prop>(roots);
        while (pending.Count > 0)
        {
            var p = pending.Dequeue();
            if (p.TypeName is not { } name || !seen.Add(name)) continue;
            var spec = Schema["types"]!.AsObject().Single(t => t.Key.Split(':').Last() == name).Value!;
            if (spec["enum"] is not null) continue;
            var properties = Props(spec["properties"], spec["required"]);
            yield return (name, properties);
            foreach (var nested in properties) pending.Enqueue(nested);
        }
    }

    private static ClassDeclarationSyntax RequireClass(string fullName) =>
        Sdk.Class(fullName) ?? throw new AssertionException($"class {fullName} is not generated");

    private static string AttributeArgument(ClassDeclarationSyntax type, string attribute) =>
        StringArgument(type.AttributeLists.SelectMany(l => l.Attributes).Single(a => a.Name.ToString() == attribute), 0);

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <param name="OneOf">The elements of a <c>oneOf</c>, each with its own primitive or type name.</param>
    private sealed record Prop(string Name, bool Required, bool Secret, string? Primitive, string? TypeName, IReadOnlyList<Prop>? OneOf = null);

    private static IReadOnlyList<Prop> Props(JsonNode? properties, JsonNode? required)
    {
        var requiredNames = required?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        return (properties?.AsObject() ?? []).Select(p => new Prop(
            p.Key,
            requiredNames.Contains(p.Key),
            p.Value!["secret"]?.GetValue<bool>() ?? false,
            p.Value["type"]?.GetValue<string>(),
            p.Value["$ref"]?.GetValue<string>().Split(':').Last(),
            p.Value["oneOf"]?.AsArray().Select(e => new Prop(p.Key, false, false, e!["type"]?.GetValue<string>(), e["$ref"]?.GetValue<string>().Split(':').Last())).ToList())).ToList();
    }
}
