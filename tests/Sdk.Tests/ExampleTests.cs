using System.Text.RegularExpressions;
using ConfluentFlink.Schema;
using Google.Protobuf.WellKnownTypes;
using YamlDotNet.RepresentationModel;

namespace ConfluentFlink.Sdk.Tests;

/// <summary>
/// The Pulumi YAML example as the engine would send it to the plugin (YAML needs no SDK, so the plugin's Check is what
/// judges it): its properties pass Check, and every secret property takes its value from secret config.
/// </summary>
public partial class ExampleTests
{
    [Test]
    public async Task TheYamlExamplesResourcesPassThePluginsCheckWithEverySecretFromSecretConfig()
    {
        var program = (YamlMappingNode)Load(Path.Combine(RepoPaths.RepoRoot, "examples", "yaml", "Pulumi.yaml"));
        var secretConfig = ((YamlMappingNode)program["config"]).Children
            .Where(c => ((YamlMappingNode)c.Value).Children.TryGetValue("secret", out var secret) && secret.ToString() == "true")
            .Select(c => c.Key.ToString()).ToHashSet();
        var secretPaths = PackageSpec.Embedded.SecretPaths(PackageSpec.Embedded.Resource(Tokens.FlinkConnection).Inputs);
        await using var stack = await TestStack.StartAsync();

        var resources = ((YamlMappingNode)program["resources"]).Children.Where(r => r.Value["type"].ToString() == Tokens.FlinkConnection).ToList();
        Assert.That(resources, Is.Not.Empty);
        foreach (var (name, resource) in resources)
        {
            var inputs = new Struct();
            foreach (var (key, value) in ((YamlMappingNode)resource["properties"]).Children)
            {
                var text = value.ToString();
                var config = Reference().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
                if (secretPaths.Contains(key.ToString()))
                    Assert.That(config, Is.Not.Null.And.AnyOf(secretConfig.ToArray()), $"{name}.{key} must come from secret config");
                inputs.Fields[key.ToString()] = config is not null && secretConfig.Contains(config) ? Wire.Secret($"value of {config}") : Value.ForString(text);
            }
            var check = await stack.Engine.CheckAsync(name.ToString(), new Struct(), inputs);
            Assert.That(check.Failures.Select(f => $"{f.Property}: {f.Reason}"), Is.Empty, name.ToString());
        }
    }

    private static YamlNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(path);
        yaml.Load(reader);
        return yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\$\{([A-Za-z0-9_]+)\}$")]
    private static partial Regex Reference();
}
