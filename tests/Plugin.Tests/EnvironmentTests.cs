using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>What the plugin reads from its own process environment: provider settings, and the credentials of an import.</summary>
[Parallelizable(ParallelScope.Children)]
public class EnvironmentTests
{
    private static readonly string Token = "import-bearer-" + Guid.NewGuid().ToString("N");

    [Test]
    public async Task EveryProviderSettingCanComeFromTheEnvironment()
    {
        // The emulator runs first so that its address can be a variable too.
        await using var backend = await BackendProcess.StartAsync();
        await using var stack = await PluginStack.StartAsync(new StackOptions { Configured = false, Environment = backend.AsEnvironment() });
        var secrets = new Secrets(backend.Secret);
        Assert.That(await stack.Engine.ConfigureAsync(new Struct()), Is.Empty);

        var up = await stack.Engine.UpAsync(PluginStack.OpenAi("from-env", secrets.New("sk-env")));

        Assert.That(up.Single().Error, Is.Null);
        Assert.That((await PluginStack.StoredAsync(backend.Admin)).Select(c => c.Name), Is.EqualTo(new[] { "from-env" }));
        secrets.AssertNoneLeaked(stack, up);
    }

    public static IEnumerable<TestCaseData> ImportVariables =>
    [
        new TestCaseData(new Dictionary<string, string>(), "BASIC: USERNAME and PASSWORD; BEARER: BEARER_TOKEN; OAUTH2: OAUTH2_TOKEN_ENDPOINT")
            .SetArgDisplayNames("no group set: the error names each group's variables"),
        new TestCaseData(new Dictionary<string, string> { ["BEARER_TOKEN"] = Token, ["USERNAME"] = "u", ["PASSWORD"] = "p" }, "more than one credential group")
            .SetArgDisplayNames("two groups set"),
        // USERNAME alone, as many shells set it, is no BASIC group: the bearer token decides.
        new TestCaseData(new Dictionary<string, string> { ["BEARER_TOKEN"] = Token, ["USERNAME"] = "u" }, null)
            .SetArgDisplayNames("the bearer token, and USERNAME as a shell sets it"),
    ];

    [TestCaseSource(nameof(ImportVariables))]
    public async Task ARestConnectionIsImportedWithTheGroupWhoseVariablesAreSet(Dictionary<string, string> variables, string? expectedError)
    {
        await using var stack = await PluginStack.StartAsync(new StackOptions { Environment = variables });
        var secrets = new Secrets(stack.FlinkSecret, Token);
        stack.Emulator.Store.TryCreate(new ConnectionKey(TestStack.Organization, TestStack.Environment, "hooks"), "REST", "https://hooks.example.com",
            "PlaintextProvider", $"{{\"AUTH_TYPE\":\"BEARER\",\"BEARER_TOKEN\":\"{Token}\"}}", out _);
        var program = new ResourceGoal("hooks",
            Wire.Struct(("displayName", "hooks"), ("type", "REST"), ("endpoint", "https://hooks.example.com"), ("bearerToken", Wire.Secret(Token))));

        var import = await stack.Engine.ImportAsync(program, TestStack.IdOf("hooks"));

        if (expectedError is not null)
            Assert.That(import.Error, Does.Contain(expectedError));
        else
        {
            Assert.That(import.Error, Is.Null);
            Assert.That(PluginStack.IsSecretAt(stack.Engine.State["hooks"].Outputs, "bearerToken"), Is.True);
            Assert.That((await stack.Engine.PreviewAsync(program)).Single().Kind, Is.EqualTo(StepKind.Same), "the imported connection is the program's");
        }
        secrets.AssertNoneLeaked(stack, [import]);
    }
}
