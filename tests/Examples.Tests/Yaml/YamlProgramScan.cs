using ConfluentFlink.Examples.Tests.SchemaRules;
using YamlDotNet.RepresentationModel;

namespace ConfluentFlink.Examples.Tests.Yaml;

/// <summary>
/// A Pulumi YAML program read with YamlDotNet: the objects it gives to resources of this package (by type
/// token) and the config it declares. A secret property must be a <c>${key}</c> reference to config declared
/// with <c>secret: true</c>.
/// </summary>
public sealed class YamlProgramScan
{
    private readonly List<ObjectUse> _objects = [];
    private readonly List<string> _findings = [];
    private readonly HashSet<string> _secretConfig = new(StringComparer.Ordinal);
    private readonly HashSet<string> _plainConfig = new(StringComparer.Ordinal);
    private readonly string _file;

    private YamlProgramScan(string file) => _file = file;

    public IReadOnlyList<ObjectUse> Objects => _objects;

    /// <summary>Resources of this package with a type token the schema does not know.</summary>
    public IReadOnlyList<string> Findings => _findings;

    public IReadOnlySet<string> SecretConfigKeys => _secretConfig;

    public IReadOnlySet<string> PlainConfigKeys => _plainConfig;

    /// <param name="file">Name used in findings, e.g. the path relative to the repository.</param>
    public static YamlProgramScan Scan(string yaml, string file, PackageSchema schema)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var scan = new YamlProgramScan(file);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        scan.ReadConfig(root);
        scan.ReadResources(root, schema);
        return scan;
    }

    private void ReadConfig(YamlMappingNode root)
    {
        if (Child(root, "config") is not YamlMappingNode config) return;
        foreach (var (key, declaration) in config.Children)
        {
            var secret = declaration is YamlMappingNode mapping && Child(mapping, "secret") is YamlScalarNode { Value: "true" };
            (secret ? _secretConfig : _plainConfig).Add(((YamlScalarNode)key).Value!);
        }
    }

    private void ReadResources(YamlMappingNode root, PackageSchema schema)
    {
        if (Child(root, "resources") is not YamlMappingNode resources) return;
        foreach (var (name, node) in resources.Children)
        {
            if (node is not YamlMappingNode resource || Child(resource, "type") is not YamlScalarNode { Value: { } type }) continue;
            if (!type.StartsWith($"{schema.Name}:", StringComparison.Ordinal) && type != $"pulumi:providers:{schema.Name}") continue;
            if (schema.ForToken(type) is not { } shape)
            {
                _findings.Add($"{Where(node)}: resource {name}: {type} is not a resource of the schema");
                continue;
            }
            var properties = Child(resource, "properties") as YamlMappingNode;
            _objects.Add(new ObjectUse(shape, $"{Where(node)} (resource {name})", properties is null ? [] : PropertiesOf(properties)));
        }
    }

    private List<PropertyUse> PropertiesOf(YamlMappingNode mapping) =>
        mapping.Children.Select(p => new PropertyUse(((YamlScalarNode)p.Key).Value!, ValueOf(p.Value), Where(p.Key))).ToList();

    private ValueUse ValueOf(YamlNode value) => value switch
    {
        YamlScalarNode { Value: { } text } when ConfigReference(text) is { } key =>
            new ValueUse($"a reference to {key}", _secretConfig.Contains(key)),
        YamlScalarNode => new ValueUse("a literal", false),
        YamlMappingNode nested => new ValueUse("an object", false, PropertiesOf(nested)),
        _ => new ValueUse($"a {value.NodeType}", false),
    };

    // "${name}" exactly: an interpolation of one config value or variable.
    private static string? ConfigReference(string text) =>
        text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') && text.IndexOf('}') == text.Length - 1
            ? text[2..^1]
            : null;

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private string Where(YamlNode node) => $"{_file}:{node.Start.Line}";
}
