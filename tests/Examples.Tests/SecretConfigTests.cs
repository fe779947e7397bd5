using ConfluentFlink.Examples.Tests.Markdown;
using ConfluentFlink.Examples.Tests.TypeScript;
using ConfluentFlink.Examples.Tests.Yaml;
using static ConfluentFlink.Examples.Tests.SchemaFixture;

namespace ConfluentFlink.Examples.Tests;

/// <summary>
/// Credentials reach the examples only through secret configuration: every key a program reads as a secret is
/// set with `--secret` (or `isSecret: true`), documented commands never put a secret on the command line, and
/// no file holds a literal shaped like a real credential.
/// </summary>
public class SecretConfigTests
{
    /// <summary>Examples run with the Pulumi CLI, whose README tells how to set their config.</summary>
    public static IEnumerable<string> CliExamples() => ["csharp-provider-config", "csharp-per-resource", "yaml", "typescript"];

    [TestCaseSource(nameof(CliExamples))]
    public void TheReadmeSetsEveryConfigKeyTheProgramReadsAndTheSecretOnesWithSecret(string example)
    {
        var (secretKeys, plainKeys) = ConfigKeysRead(example);
        var commands = ReadmeOf(example).ConfigSetCommands.ToList();
        var setAsSecret = commands.Where(c => c.Secret).Select(c => c.Key).ToHashSet();
        var setPlain = commands.Where(c => !c.Secret).Select(c => c.Key).ToHashSet();

        Assert.That(secretKeys, Is.Not.Empty, "the program reads no secret config: nothing was checked");
        Assert.Multiple(() =>
        {
            Assert.That(secretKeys.Where(k => !setAsSecret.Contains(k)), Is.Empty, "secret keys without `pulumi config set --secret`");
            Assert.That(secretKeys.Where(setPlain.Contains), Is.Empty, "secret keys also set in plain");
            Assert.That(plainKeys.Where(k => !setPlain.Contains(k) && !setAsSecret.Contains(k)), Is.Empty, "keys the README never sets");
        });
    }

    [Test]
    public void TheAutomationProgramSetsEverySecretConfigKeyAsASecret()
    {
        var scan = CSharpExampleTests.ScanExample("automation");
        var secretKeys = scan.SecretConfigKeysRead
            .Concat(Schema.SecretConfigKeys.Select(k => $"{Schema.Name}:{k}"))
            .ToHashSet();
        var setAsSecret = scan.ConfigValuesSet.Where(v => v.IsSecret).Select(v => v.Key).ToHashSet();

        Assert.That(scan.SecretConfigKeysRead, Is.Not.Empty, "the inline program reads no secret config: nothing was checked");
        Assert.Multiple(() =>
        {
            Assert.That(scan.Findings, Is.Empty, Describe(scan.Findings));
            Assert.That(scan.SecretConfigKeysRead.Where(k => !setAsSecret.Contains(k)), Is.Empty, "read as secret but never set as secret");
            Assert.That(scan.ConfigValuesSet.Where(v => secretKeys.Contains(v.Key) && !v.IsSecret).Select(v => v.Where), Is.Empty,
                "secret keys set without isSecret: true");
            Assert.That(ProviderKeysNotInSchema(scan.ConfigValuesSet.Select(v => v.Key)), Is.Empty, "provider config keys the schema does not declare");
        });
    }

    [Test]
    public void DocumentedConfigCommandsUseSchemaKeysMarkSecretsAndKeepSecretValuesOffTheCommandLine()
    {
        var commands = ExampleLayout.MarkdownFiles()
            .SelectMany(f => new MarkdownFile(f, ExampleLayout.Relative(f)).ConfigSetCommands)
            .ToList();
        var schemaSecrets = Schema.SecretConfigKeys.Select(k => $"{Schema.Name}:{k}").ToHashSet();

        Assert.That(commands, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(ProviderKeysNotInSchema(commands.Select(c => c.Key)), Is.Empty, "provider config keys the schema does not declare");
            Assert.That(commands.Where(c => schemaSecrets.Contains(c.Key) && !c.Secret).Select(c => c.Where), Is.Empty,
                "secret provider config set without --secret");
            Assert.That(commands.Where(c => c.Secret && c.Value is { } value && !IsPlaceholder(value)).Select(c => c.Where), Is.Empty,
                "a secret value written on the command line (leave it to the prompt, or write a <placeholder>)");
        });
    }

    [Test]
    public void NoExampleOrDocHoldsALiteralShapedLikeARealCredential()
    {
        var hits = ExampleLayout.AllFiles()
            .SelectMany(f => CredentialLiterals.Find(File.ReadAllText(f)).Select(hit => $"{ExampleLayout.Relative(f)} {hit}"))
            .ToList();

        Assert.That(ExampleLayout.AllFiles(), Has.Count.GreaterThan(10), "the scan found almost no files");
        Assert.That(hits, Is.Empty, Describe(hits));
    }

    private static (IReadOnlySet<string> Secret, IReadOnlySet<string> Plain) ConfigKeysRead(string example)
    {
        var folder = Path.Combine(ExampleLayout.Examples, example);
        switch (example)
        {
            case "yaml":
            {
                var scan = YamlProgramScan.Scan(File.ReadAllText(Path.Combine(folder, "Pulumi.yaml")), example, Schema);
                return (scan.SecretConfigKeys, scan.PlainConfigKeys);
            }
            case "typescript":
            {
                var scan = TypeScriptProgramScan.Scan(File.ReadAllText(Path.Combine(folder, "index.ts")), example, Schema);
                return (scan.SecretConfigKeysRead, scan.PlainConfigKeysRead);
            }
            default:
            {
                var scan = CSharpExampleTests.ScanExample(example);
                return (scan.SecretConfigKeysRead, scan.PlainConfigKeysRead);
            }
        }
    }

    private static MarkdownFile ReadmeOf(string example)
    {
        var path = Path.Combine(ExampleLayout.Examples, example, "README.md");
        return new MarkdownFile(path, ExampleLayout.Relative(path));
    }

    private static IEnumerable<string> ProviderKeysNotInSchema(IEnumerable<string> keys) =>
        keys.Where(k => k.StartsWith($"{Schema.Name}:", StringComparison.Ordinal) && !Schema.ConfigKeys.Contains(k[(Schema.Name.Length + 1)..]));

    private static bool IsPlaceholder(string value) => value.StartsWith('<') && value.EndsWith('>');
}
