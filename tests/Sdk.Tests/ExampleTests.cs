using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConfluentFlink.FlinkApiEmulator.Store;
using Google.Protobuf;
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

    /// <summary>
    /// examples/yaml-import-file: the stack output its program exports, as `pulumi stack output connections --json` prints
    /// it, turned by its jq filter into the file `pulumi import --file` takes; every id in it imports.
    /// </summary>
    [Test]
    public async Task TheImportFileExampleWritesAnImportFileWhoseIdsImport()
    {
        var folder = Path.Combine(RepoPaths.RepoRoot, "examples", "yaml-import-file");
        var invoke = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Load(Path.Combine(folder, "Pulumi.yaml")))["outputs"])["connections"]["fn::invoke"];
        Assert.That(invoke["function"].ToString(), Is.EqualTo(Tokens.GetFlinkConnections));
        await using var stack = await TestStack.StartAsync();
        foreach (var name in new[] { "orders-db", "chat.v2" })
            stack.Emulator.Store.TryCreate(new ConnectionKey(TestStack.Organization, TestStack.Environment, name), "OPENAI", "https://api.openai.com/v1",
                "PlaintextProvider", "{\"API_KEY\":\"k\"}", out _);

        var answer = await stack.Engine.InvokeAsync(Tokens.GetFlinkConnections, new Struct());
        var stackOutput = JsonFormatter.Default.Format(answer.Return.Fields[invoke["return"].ToString()]);
        var file = JsonNode.Parse(Jq(Path.Combine(folder, "import-file.jq"), stackOutput))!["resources"]!.AsArray();

        Assert.That(file.Select(r => r!.AsObject().Select(p => p.Key)), Has.All.EquivalentTo(new[] { "type", "name", "id" }));
        Assert.That(file.Select(r => (r!["type"]!.GetValue<string>(), r["name"]!.GetValue<string>(), r["id"]!.GetValue<string>())),
            Is.EqualTo(new[] { (Tokens.FlinkConnection, "chat_v2", TestStack.IdOf("chat.v2")), (Tokens.FlinkConnection, "orders-db", TestStack.IdOf("orders-db")) }));
        var program = new ResourceGoal("orders-db", Wire.Struct(("displayName", "orders-db"), ("type", "OPENAI"), ("endpoint", "https://api.openai.com/v1"), ("apiKey", Wire.Secret("k"))));
        Assert.That((await stack.Engine.ImportAsync(program, file[1]!["id"]!.GetValue<string>())).Error, Does.Contain("API_KEY"),
            "the id imports; only the credential's variable is missing");
    }

    private static string Jq(string filter, string input)
    {
        var start = new ProcessStartInfo("jq", ["-f", filter]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        Process jq;
        try
        {
            jq = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("jq is not installed: the example's README runs the filter with it (apt-get install jq)");
            throw;
        }
        using (jq)
        {
            jq.StandardInput.Write(input);
            jq.StandardInput.Close();
            var output = jq.StandardOutput.ReadToEnd();
            jq.WaitForExit();
            Assert.That(jq.ExitCode, Is.Zero, jq.StandardError.ReadToEnd());
            return output;
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
