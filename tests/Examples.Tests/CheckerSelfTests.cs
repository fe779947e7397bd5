using ConfluentFlink.Examples.Tests.CSharp;
using ConfluentFlink.Examples.Tests.Markdown;
using ConfluentFlink.Examples.Tests.SchemaRules;
using ConfluentFlink.Examples.Tests.TypeScript;
using ConfluentFlink.Examples.Tests.Yaml;
using Microsoft.CodeAnalysis.CSharp;
using static ConfluentFlink.Examples.Tests.SchemaFixture;

namespace ConfluentFlink.Examples.Tests;

/// <summary>
/// The checks themselves, on small programs with known mistakes: a scan that silently found nothing would let
/// every example pass.
/// </summary>
public class CheckerSelfTests
{
    [Test]
    public void CSharpScanReportsUnknownPropertiesMissingRequiredOnesAndPlainSecretsAlsoThroughHelpersAndVariables()
    {
        const string program = """
            var config = new Pulumi.Config();
            var token = config.GetSecret("token");
            var plain = config.Require("plain");
            FlinkConnectionArgs Settings(FlinkConnectionArgs args)
            {
                args.Credentials = new FlinkConnectionCredentialsArgs { Key = "k", Secret = plain };
                return args;
            }
            var bedrock = Settings(new FlinkConnectionArgs { DisplayName = "d", Type = "BEDROCK", Colour = "red" });
            bedrock.AwsSessionToken = token;
            bedrock.AwsSecretKey = "literal";
            new Provider("p", new ProviderArgs { FlinkApiSecret = config.RequireSecret("s") });
            """;

        var findings = Check(CSharpProgramScan.Scan([CSharpSyntaxTree.ParseText(program, path: "/p.cs")], Schema, "/"));

        Assert.That(findings, Is.EquivalentTo(new[]
        {
            "p.cs:6: 'secret' of confluentflink:index:FlinkConnectionCredentials is secret, but its value (the variable plain) does not come from secret config",
            "p.cs:9: 'colour' is not an input of confluentflink:index:FlinkConnection (inputs: apiKey, awsAccessKey, awsSecretKey, awsSessionToken, bearerToken, computePool, credentials, displayName, endpoint, environment, oauth, organization, password, principal, restEndpoint, serviceKey, sseEndpoint, transportType, type, username)",
            "p.cs:9: required input 'endpoint' of confluentflink:index:FlinkConnection is not set",
            "p.cs:11: 'awsSecretKey' of confluentflink:index:FlinkConnection is secret, but its value (a literal) does not come from secret config",
        }));
    }

    [Test]
    public void CSharpScanResolvesTargetTypedNewFromTheResourceAndTheProperty()
    {
        const string program = """
            var c = new FlinkConnection("c", new() { DisplayName = "d", Type = "OPENAI", Endpoint = "e", Organization = new() { Ident = "o" } });
            """;

        var findings = Check(CSharpProgramScan.Scan([CSharpSyntaxTree.ParseText(program, path: "/p.cs")], Schema, "/"));

        Assert.That(findings, Is.EquivalentTo(new[]
        {
            "p.cs:1: 'ident' is not an input of confluentflink:index:FlinkConnectionOrganization (inputs: id)",
            "p.cs:1: required input 'id' of confluentflink:index:FlinkConnectionOrganization is not set",
        }));
    }

    [Test]
    public void CSharpScanReadsConfigKeysAndAutomationConfigValues()
    {
        const string program = """
            const string Key = "apiKey";
            var config = new Config();
            var a = config.RequireSecret(Key);
            var b = config.Get("region");
            var map = new Dictionary<string, ConfigValue> { ["confluentflink:flinkApiSecret"] = new ConfigValue("x", isSecret: true) };
            await stack.SetConfigAsync(Key, new ConfigValue("y"));
            """;

        var scan = CSharpProgramScan.Scan([CSharpSyntaxTree.ParseText(program, path: "/p.cs")], Schema, "/");

        Assert.That(scan.SecretConfigKeysRead, Is.EquivalentTo(new[] { "apiKey" }));
        Assert.That(scan.PlainConfigKeysRead, Is.EquivalentTo(new[] { "region" }));
        Assert.That(scan.ConfigValuesSet.Select(v => (v.Key, v.IsSecret)),
            Is.EquivalentTo(new[] { ("confluentflink:flinkApiSecret", true), ("apiKey", false) }));
    }

    [Test]
    public void YamlScanChecksNestedObjectsAndAcceptsOnlySecretConfigForSecrets()
    {
        const string program = """
            config:
              flinkSecret: {type: string}
              apiKey: {type: string, secret: true}
            resources:
              c:
                type: confluentflink:FlinkConnection
                properties:
                  displayName: c
                  type: OPENAI
                  apiKey: ${apiKey}
                  credentials: {key: k, secret: "${flinkSecret}", extra: 1}
              p:
                type: pulumi:providers:confluentflink
                properties:
                  maxRetries: 3
              unknown:
                type: confluentflink:index:Topic
            """;

        var scan = YamlProgramScan.Scan(program, "p.yaml", Schema);
        var findings = scan.Findings.Concat(Check(scan)).ToList();

        Assert.That(findings, Is.EquivalentTo(new[]
        {
            "p.yaml:17: resource unknown: confluentflink:index:Topic is not a resource of the schema",
            "p.yaml:11: 'secret' of confluentflink:index:FlinkConnectionCredentials is secret, but its value (a reference to flinkSecret) does not come from secret config",
            "p.yaml:11: 'extra' is not an input of confluentflink:index:FlinkConnectionCredentials (inputs: key, secret)",
            "p.yaml:6 (resource c): required input 'endpoint' of confluentflink:index:FlinkConnection is not set",
        }));
    }

    [Test]
    public void TypeScriptScanFollowsVariablesAndNestedObjects()
    {
        const string program = """
            import * as pulumi from "@pulumi/pulumi";
            import * as cf from "@confluentflink/pulumi-confluentflink";
            const config = new pulumi.Config();
            const key = config.requireSecret("openaiApiKey");
            const c = new cf.FlinkConnection("c", {
                displayName: "c", type: "OPENAI", endpoint: "https://x", apiKey: key,
                credentials: { key: "k", secret: "s" },
            });
            """;

        var scan = TypeScriptProgramScan.Scan(program, "p.ts", Schema);

        Assert.That(Check(scan.Objects), Is.EquivalentTo(new[]
        {
            "p.ts:7: 'secret' of confluentflink:index:FlinkConnectionCredentials is secret, but its value (a literal) does not come from secret config",
        }));
        Assert.That(scan.SecretConfigKeysRead, Is.EquivalentTo(new[] { "openaiApiKey" }));
    }

    [Test]
    public void CredentialShapesAreFoundAndPlaceholdersAreNot()
    {
        var openAiShaped = "apiKey: sk-" + new string('x', 32);
        var awsShaped = "AKIA" + new string('Q', 16);

        Assert.That(CredentialLiterals.Find($"{openAiShaped}\n{awsShaped}\nmongodb+srv://user:pw@host"), Has.Count.EqualTo(3));
        Assert.That(CredentialLiterals.Find("pulumi config set --secret openaiApiKey <openai-api-key>\nexport FLINK_API_KEY=<flink-api-key>"), Is.Empty);
    }

    [Test]
    public void ConfigSetCommandsAreReadFromShellBlocksOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, """
            ```bash
            pulumi config set --secret confluentflink:flinkApiSecret   # prompts
            pulumi config set region us-east-1
            ```
            ```text
            pulumi config set ignored value
            ```
            """);
        try
        {
            var commands = new MarkdownFile(path, "readme.md").ConfigSetCommands.ToList();

            Assert.That(commands.Select(c => (c.Key, c.Value, c.Secret)), Is.EqualTo(new (string, string?, bool)[]
            {
                ("confluentflink:flinkApiSecret", null, true),
                ("region", "us-east-1", false),
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Check(CSharpProgramScan scan) => scan.Findings.Concat(Check(scan.Objects));

    private static IEnumerable<string> Check(YamlProgramScan scan) => Check(scan.Objects);

    private static IEnumerable<string> Check(IEnumerable<ObjectUse> uses) => uses.SelectMany(o => SchemaConformance.Check(o, Schema)).ToList();
}
