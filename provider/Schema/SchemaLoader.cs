using System.Text.Json.Nodes;

namespace ConfluentFlink.Schema;

/// <summary>
/// Reads a Pulumi package schema into <see cref="PackageSpec"/>. Everything comes out sorted by name, so what is made
/// from it does not depend on the order of keys in schema.json.
/// </summary>
public static class SchemaLoader
{
    private const string TypeRefPrefix = "#/types/";
    private static readonly string[] Primitives = ["string", "integer", "number", "boolean"];

    public static PackageSpec Load(string schemaPath) => Parse(File.ReadAllText(schemaPath));

    public static PackageSpec Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new SchemaException("schema is not a JSON object");
        var name = RequiredString(root, "name", "package");
        var types = root["types"]?.AsObject() ?? new JsonObject();
        RequireIndexModule(name, types.Select(t => t.Key)
            .Concat((root["resources"]?.AsObject() ?? new JsonObject()).Select(r => r.Key))
            .Concat((root["functions"]?.AsObject() ?? new JsonObject()).Select(f => f.Key)));

        return new PackageSpec(
            name,
            RequiredString(root, "version", "package"),
            OptionalString(root, "displayName"),
            OptionalString(root, "description"),
            OptionalString(root, "homepage"),
            OptionalString(root, "repository"),
            OptionalString(root, "pluginDownloadURL"),
            OptionalString(root, "license"),
            OptionalString(root, "publisher"),
            root["keywords"]?.AsArray().Select(k => k!.GetValue<string>()).ToList() ?? [],
            Properties(root["config"]?["variables"]?.AsObject(), required: null, "config"),
            OptionalString(root["provider"]?.AsObject(), "description"),
            Properties(root["provider"]?["inputProperties"]?.AsObject(), Required(root["provider"]?["requiredInputs"]), "provider"),
            types.Where(t => t.Value?["enum"] is null).OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => ObjectType(t.Key, t.Value!.AsObject())).ToList(),
            types.Where(t => t.Value?["enum"] is not null).OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => EnumType(t.Key, t.Value!.AsObject())).ToList(),
            (root["resources"]?.AsObject() ?? new JsonObject()).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => Resource(r.Key, r.Value!.AsObject())).ToList(),
            (root["functions"]?.AsObject() ?? new JsonObject()).OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => Function(f.Key, f.Value!.AsObject())).ToList(),
            CSharp(root["language"]?["csharp"]?.AsObject(), name),
            NodeJs(root["language"]?["nodejs"]?.AsObject(), name),
            Python(root["language"]?["python"]?.AsObject(), name));
    }

    private static ObjectTypeSpec ObjectType(string token, JsonObject node) =>
        new(token, OptionalString(node, "description"),
            Properties(node["properties"]?.AsObject(), Required(node["required"]), token));

    private static EnumTypeSpec EnumType(string token, JsonObject node)
    {
        if (OptionalString(node, "type") != "string")
            throw new SchemaException($"enum '{token}': only string enums are supported");
        var members = node["enum"]!.AsArray().Select(m => m!.AsObject()).Select(m => new EnumMemberSpec(
            RequiredString(m, "name", $"enum '{token}' member"),
            m["value"]!.GetValue<string>(),
            OptionalString(m, "description"))).ToList();
        return new EnumTypeSpec(token, OptionalString(node, "description"), "string", members);
    }

    private static ResourceSpec Resource(string token, JsonObject node) =>
        new(token, OptionalString(node, "description"),
            Properties(node["properties"]?.AsObject(), Required(node["required"]), token),
            Properties(node["inputProperties"]?.AsObject(), Required(node["requiredInputs"]), token));

    private static FunctionSpec Function(string token, JsonObject node) =>
        new(token, OptionalString(node, "description"),
            Properties(node["inputs"]?["properties"]?.AsObject(), Required(node["inputs"]?["required"]), token),
            Properties(node["outputs"]?["properties"]?.AsObject(), Required(node["outputs"]?["required"]), token));

    private static CSharpSettings CSharp(JsonObject? node, string packageName)
    {
        var root = OptionalString(node, "rootNamespace") ?? "Pulumi";
        var ns = node?["namespaces"]?[packageName]?.GetValue<string>()
            ?? throw new SchemaException($"language.csharp.namespaces names no namespace for {packageName}");
        return new CSharpSettings(root, ns, StringMap(node?["packageReferences"]));
    }

    private static NodeJsSettings NodeJs(JsonObject? node, string packageName) =>
        new(OptionalString(node, "packageName") ?? $"@pulumi/{packageName}",
            OptionalString(node, "packageDescription"),
            StringMap(node?["dependencies"]),
            StringMap(node?["devDependencies"]),
            OptionalString(node, "typescriptVersion"));

    private static PythonSettings Python(JsonObject? node, string packageName) =>
        new(OptionalString(node, "packageName") ?? $"pulumi_{packageName}",
            StringMap(node?["requires"]),
            node?["respectSchemaVersion"]?.GetValue<bool>() ?? false,
            node?["pyproject"]?["enabled"]?.GetValue<bool>() ?? false);

    private static IReadOnlyDictionary<string, string> StringMap(JsonNode? node) =>
        (node?.AsObject() ?? new JsonObject())
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(r => r.Key, r => r.Value!.GetValue<string>());

    private static IReadOnlyList<PropertySpec> Properties(JsonObject? node, IReadOnlySet<string>? required, string owner)
    {
        if (node is null) return [];
        if (required is not null && required.FirstOrDefault(r => !node.ContainsKey(r)) is { } missing)
            throw new SchemaException($"{owner}: required property '{missing}' is not declared");
        return node.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Property(p.Key, p.Value!.AsObject(), required?.Contains(p.Key) ?? false, owner))
            .ToList();
    }

    private static PropertySpec Property(string wireName, JsonObject node, bool required, string owner) =>
        new(wireName,
            Type(node, $"{owner}.{wireName}"),
            OptionalString(node, "description"),
            node["secret"]?.GetValue<bool>() ?? false,
            required,
            node["default"]?.DeepClone(),
            node["defaultInfo"]?["environment"]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [],
            node["replaceOnChanges"]?.GetValue<bool>() ?? false);

    private static TypeRef Type(JsonObject node, string where)
    {
        if (node["oneOf"] is JsonArray oneOf)
        {
            var elements = oneOf.Select(e => SingleType(e!.AsObject(), where)).ToList();
            if (elements.Count < 2)
                throw new SchemaException($"{where}: `oneOf` needs at least two types");
            return TypeRef.Union(elements);
        }
        return SingleType(node, where);
    }

    private static TypeRef SingleType(JsonObject node, string where)
    {
        if (OptionalString(node, "type") == "array")
            return TypeRef.ArrayOf(SingleType(node["items"]?.AsObject() ?? throw new SchemaException($"{where}: an array needs `items`"), where + "[]"));
        if (OptionalString(node, "$ref") is { } reference)
        {
            if (!reference.StartsWith(TypeRefPrefix, StringComparison.Ordinal))
                throw new SchemaException($"{where}: only local type references ({TypeRefPrefix}...) are supported, got '{reference}'");
            return TypeRef.Reference(reference[TypeRefPrefix.Length..]);
        }
        var type = OptionalString(node, "type")
            ?? throw new SchemaException($"{where}: a property needs `type`, `$ref` or `oneOf`");
        if (!Primitives.Contains(type))
            throw new SchemaException($"{where}: type '{type}' is not supported by this generator (allowed: {string.Join(", ", Primitives)}, $ref, oneOf)");
        return TypeRef.Of(type);
    }

    // Everything is emitted into the package's root namespace, as Pulumi does for the `index` module.
    private static void RequireIndexModule(string package, IEnumerable<string> tokens)
    {
        var prefix = $"{package}:index:";
        if (tokens.FirstOrDefault(t => !t.StartsWith(prefix, StringComparison.Ordinal) || t.Length == prefix.Length) is { } other)
            throw new SchemaException($"token '{other}': this generator supports only tokens of the form '{prefix}<Name>'");
    }

    private static IReadOnlySet<string> Required(JsonNode? node) =>
        node?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();

    private static string RequiredString(JsonObject node, string key, string owner) =>
        OptionalString(node, key) ?? throw new SchemaException($"{owner}: `{key}` is required");

    private static string? OptionalString(JsonObject? node, string key) => node?[key]?.GetValue<string>();
}
