using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace ConfluentFlink.Lifecycle.Tests;

/// <summary>What a user lives through with `pulumi preview/up/refresh/import/destroy`, through the real plugin process.</summary>
public class PluginLifecycleTests
{
    [Test]
    public async Task PreviewUpRotateReplaceRefreshImportDestroy()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        var engine = stack.Engine;

        var chatKey = Connections.Credential("chat");
        var mongoUser = Connections.Credential("user");
        var mongoPassword = Connections.Credential("pass");
        var mongo = new ResourceGoal("vectors", Wire.Struct(("displayName", "vectors"), ("type", "MONGODB"),
            ("endpoint", "mongodb+srv://cluster0.example.net"), ("username", Wire.Secret(mongoUser)), ("password", mongoPassword)));
        var program = new List<ResourceGoal> { Connections.OpenAi("chat", chatKey), mongo };

        var preview = await engine.PreviewAsync(program);
        Assert.That(preview.Select(s => (s.Kind, s.Succeeded)), Is.EqualTo(new[] { (StepKind.Create, true), (StepKind.Create, true) }));
        Assert.That(stack.Emulator.Store.Count, Is.Zero, "a preview changes nothing");

        var up = await engine.UpAsync(program);
        Assert.That(up.All(s => s is { Kind: StepKind.Create, Succeeded: true }), Is.True, string.Join("; ", up.Select(s => s.Error)));
        Assert.That(engine.State["chat"].Id, Is.EqualTo($"{LiveStack.Organization}/{LiveStack.Environment}/chat"));
        Assert.That(stack.Stored("vectors")!.AuthData, Does.Contain(mongoPassword));
        AssertCredentialsSecret(engine.State["vectors"].Outputs, "username", "password");

        var again = await engine.PreviewAsync(program);
        Assert.That(again.Select(s => s.Kind), Is.EqualTo(new[] { StepKind.Same, StepKind.Same }));

        var rotatedKey = Connections.Credential("rotated");
        var versionBefore = stack.Stored("chat")!.ResourceVersion;
        var uidBefore = stack.Stored("chat")!.Uid;
        program[0] = Connections.OpenAi("chat", rotatedKey);
        var rotate = await engine.UpAsync(program);
        Assert.That(rotate[0].Kind, Is.EqualTo(StepKind.Update), rotate[0].Error);
        Assert.That(rotate[0].Changes, Is.EqualTo(new[] { "apiKey (update)" }));
        Assert.That(stack.Stored("chat")!.AuthData, Does.Contain(rotatedKey));
        Assert.That(stack.Stored("chat")!.ResourceVersion, Is.Not.EqualTo(versionBefore));
        Assert.That(stack.Stored("chat")!.Uid, Is.EqualTo(uidBefore), "rotated in place, not recreated");

        program[0] = Connections.OpenAi("chat", rotatedKey, endpoint: "https://api.openai.com/v1/embeddings");
        var replace = await engine.UpAsync(program);
        Assert.That(replace[0].Kind, Is.EqualTo(StepKind.Replace), replace[0].Error);
        Assert.That(replace[0].Note, Is.EqualTo("delete before replace"));
        Assert.That(replace[0].Error, Is.Null);
        Assert.That(stack.Stored("chat")!.Endpoint, Is.EqualTo("https://api.openai.com/v1/embeddings"));
        Assert.That(stack.Stored("chat")!.Uid, Is.Not.EqualTo(uidBefore));

        stack.Emulator.Store.Delete(new ConnectionKey(LiveStack.Organization, LiveStack.Environment, "vectors"));
        var refresh = await engine.RefreshAsync();
        Assert.That(refresh.All(s => s.Succeeded), Is.True);
        Assert.That(engine.State.ContainsKey("vectors"), Is.False, "refresh drops what was deleted out of band");

        // Someone created a connection by hand; the program adopts it with `pulumi import`.
        var handKey = Connections.Credential("hand");
        stack.Emulator.Store.TryCreate(new ConnectionKey(LiveStack.Organization, LiveStack.Environment, "legacy"), "OPENAI",
            "https://api.openai.com/v1/chat/completions", "PlaintextProvider", $"{{\"API_KEY\":\"{handKey}\"}}", out _);
        await using (var importer = await LiveStack.StartAsync(new Dictionary<string, string?> { ["API_KEY"] = handKey }))
        {
            var importEngine = importer.Engine;
            await importer.ConfigureAsync(stack);
            var import = await importEngine.ImportAsync(Connections.OpenAi("legacy", handKey), $"{LiveStack.Organization}/{LiveStack.Environment}/legacy");
            Assert.That(import.Error, Is.Null);
            Assert.That(importEngine.State["legacy"].Outputs.Fields["apiKey"], Is.Not.Null);
            AssertCredentialsSecret(importEngine.State["legacy"].Outputs, "apiKey");
        }

        var destroy = await engine.DestroyAsync();
        Assert.That(destroy.All(s => s is { Kind: StepKind.Delete, Succeeded: true }), Is.True);
        Assert.That(stack.Stored("chat"), Is.Null);

        AssertNoSecretLeaked(stack, preview.Concat(up).Concat(again).Concat(rotate).Concat(replace).Concat(refresh).Concat(destroy));
    }

    [Test]
    public async Task PerResourceSettingsNeedNoProviderConfig()
    {
        await using var stack = await LiveStack.StartAsync();
        await stack.Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0")), "confluentflink");
        var key = Connections.Credential("opt1");
        var goal = Connections.OpenAi("option-one", key);
        var up = await stack.Engine.UpAsync([goal with { Inputs = stack.Settings.OnResource(goal.Inputs) }]);
        Assert.That(up.Single().Error, Is.Null);
        var outputs = stack.Engine.State["option-one"].Outputs;
        Assert.That(Wire.IsSecret(outputs.Fields["credentials"].StructValue.Fields["secret"]), Is.True);

        // Another stack on the same provider: nothing on the resource, nothing in config.
        var missing = await new MiniEngine(stack.Plugin.Client, LiveStack.Token).PreviewAsync([Connections.OpenAi("no-settings", key)]);
        Assert.That(missing.Single().Kind, Is.EqualTo(StepKind.Check));
        Assert.That(missing.Single().Changes, Is.EquivalentTo(new[]
            { "organization.id", "environment.id", "computePool.id", "principal.id", "restEndpoint", "credentials.key", "credentials.secret" }));
        Assert.That(missing.Single().Error, Does.Contain("CONFLUENT_ORGANIZATION_ID").And.Contain("confluentflink:organizationId"));
        AssertNoSecretLeaked(stack, up.Concat(missing));
    }

    [Test]
    public async Task ProviderSettingsCanComeFromTheEnvironment()
    {
        await using var stack = await LiveStack.StartAsync(new Dictionary<string, string?>
        {
            ["CONFLUENT_ORGANIZATION_ID"] = LiveStack.Organization, ["CONFLUENT_ENVIRONMENT_ID"] = LiveStack.Environment,
            ["FLINK_COMPUTE_POOL_ID"] = "lfcp-env", ["FLINK_PRINCIPAL_ID"] = "sa-env", ["FLINK_API_KEY"] = LiveStack.FlinkKey,
            ["FLINK_API_SECRET"] = LiveStack.FlinkSecret,
        });
        // The REST endpoint is only known once the emulator runs: that one comes from config.
        await stack.Engine.ConfigureAsync(Wire.Struct(("flinkRestEndpoint", stack.Emulator.BaseAddress.ToString())), "confluentflink");
        var up = await stack.Engine.UpAsync([Connections.OpenAi("from-env", Connections.Credential("env"))]);
        Assert.That(up.Single().Error, Is.Null);
        Assert.That(stack.Stored("from-env"), Is.Not.Null);
        AssertNoSecretLeaked(stack, up);
    }

    [Test]
    public async Task UnknownsAtPreviewPassCheckAndLeaveOutputsUnknown()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        var goal = new ResourceGoal("later", Wire.Struct(("displayName", "later"), ("type", "OPENAI"), ("endpoint", Wire.Unknown), ("apiKey", Wire.Unknown)));
        var check = await stack.Plugin.Client.CheckAsync(new CheckRequest { Urn = stack.Engine.Urn("later"), Type = LiveStack.Token, Olds = new Struct(), News = goal.Inputs });
        Assert.That(check.Failures, Is.Empty);
        var created = await stack.Plugin.Client.CreateAsync(new CreateRequest { Urn = stack.Engine.Urn("later"), Type = LiveStack.Token, Properties = check.Inputs, Preview = true });
        Assert.That(Wire.IsUnknown(created.Properties.Fields["status"]), Is.True);
        Assert.That(stack.Emulator.Store.Count, Is.Zero);
    }

    internal static void AssertCredentialsSecret(Struct outputs, params string[] credentials)
    {
        // Of an OAuth block, only the client secret is a credential.
        foreach (var credential in credentials)
            Assert.That(Wire.IsSecret(credential == "oauth" ? outputs.Fields["oauth"].StructValue.Fields["clientSecret"] : outputs.Fields[credential]),
                Is.True, $"{credential} must be returned as a secret");
    }

    internal static void AssertNoSecretLeaked(LiveStack stack, IEnumerable<Step> steps)
    {
        var stepTexts = string.Join("\n", steps.Select(s => $"{s.Error} {string.Join(",", s.Changes)}"));
        var plainOutputs = string.Join("\n", stack.Engine.State.Values.SelectMany(r => Connections.PlainStrings(r.Outputs)));
        List<string> secrets;
        lock (LiveStack.Secrets) secrets = [.. LiveStack.Secrets];
        Assert.That(SecretScan.FindLeaks(secrets, stack.Transcript, stepTexts, plainOutputs), Is.Empty);
    }
}
