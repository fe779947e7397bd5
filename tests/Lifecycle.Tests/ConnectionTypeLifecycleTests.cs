using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;
using static ConfluentFlink.Lifecycle.Tests.PluginLifecycleTests;

namespace ConfluentFlink.Lifecycle.Tests;

/// <summary>All 19 connection types, through the real plugin against the emulator, whose own credential rules are independent of the provider's.</summary>
public class ConnectionTypeLifecycleTests
{
    [Test]
    public async Task EveryTypeIsCreatedReadRotatedInPlaceAndDeleted()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        ResourceGoal Goal((string Type, string[] Credentials) t) => new(Name(t.Type), Connections.OfType(Name(t.Type), t.Type, t.Credentials));
        var program = Connections.Types.Select(Goal).ToList();

        var up = await stack.Engine.UpAsync(program);
        Assert.That(up.Where(s => !s.Succeeded).Select(s => $"{s.Resource}: {s.Error}"), Is.Empty);
        Assert.That(stack.Emulator.Store.Count, Is.EqualTo(19));
        foreach (var (type, credentials) in Connections.Types)
            AssertCredentialsSecret(stack.Engine.State[Name(type)].Outputs, credentials);

        var refresh = await stack.Engine.RefreshAsync();
        Assert.That(refresh.Where(s => !s.Succeeded || s.Changes.Count > 0).Select(s => $"{s.Resource}: {s.Error} {string.Join(",", s.Changes)}"), Is.Empty);

        var before = Connections.Types.ToDictionary(t => t.Type, t => stack.Stored(Name(t.Type))!);
        var rotate = await stack.Engine.UpAsync(Connections.Types.Select(Goal).ToList());
        foreach (var (type, _) in Connections.Types)
        {
            var step = rotate.Single(s => s.Resource == Name(type));
            Assert.That(step.Kind, Is.EqualTo(StepKind.Update), $"{type}: {step.Error}");
            var after = stack.Stored(Name(type))!;
            Assert.That(after.Uid, Is.EqualTo(before[type].Uid), $"{type} rotated in place");
            Assert.That(after.ResourceVersion, Is.Not.EqualTo(before[type].ResourceVersion), $"{type} was PUT");
        }

        var destroy = await stack.Engine.DestroyAsync();
        Assert.That(destroy.All(s => s.Succeeded), Is.True);
        Assert.That(stack.Emulator.Store.Count, Is.Zero);
        AssertNoSecretLeaked(stack, up.Concat(refresh).Concat(rotate).Concat(destroy));
    }

    [Test]
    public async Task ACredentialOfAnotherTypeFailsCheckForEveryType()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        foreach (var (type, credentials) in Connections.Types)
        {
            var foreign = type == "VERTEXAI" ? "bearerToken" : "serviceKey";
            var check = await stack.Plugin.Client.CheckAsync(new CheckRequest
            {
                Urn = stack.Engine.Urn("x"), Type = LiveStack.Token, Olds = new Struct(),
                News = Connections.OfType("x", type, credentials.Append(foreign)),
            });
            // The value was passed in plain; the failure names the property in its reason, not in its property field.
            Assert.That(check.Failures.Select(f => f.Reason), Has.One.StartsWith($"{foreign} is not used by type {type}"), type);
        }
    }

    [Test]
    public async Task AnMcpServerSwitchesFromOauthToABearerTokenInPlace()
    {
        await using var stack = await LiveStack.StartConfiguredAsync();
        var oauth = new ResourceGoal("tools", Wire.Struct(("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com"),
            ("transportType", "STREAMABLE_HTTP"), ("oauth", Connections.OAuth())));
        var up = await stack.Engine.UpAsync([oauth]);
        Assert.That(up.Single().Error, Is.Null);
        var created = stack.Stored("tools")!;
        Assert.That(created.AuthType, Is.EqualTo("OAUTH2"));
        Assert.That(created.AuthDataKeys, Is.EqualTo(new[]
            { "AUTH_TYPE", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE", "OAUTH2_TOKEN_ENDPOINT", "TRANSPORT_TYPE" }));

        var bearer = oauth with { Inputs = Wire.Struct(("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com"),
            ("transportType", "STREAMABLE_HTTP"), ("bearerToken", Wire.Secret(Connections.Credential("bearer")))) };
        var preview = await stack.Engine.PreviewAsync([bearer]);
        Assert.That(preview.Single().Kind, Is.EqualTo(StepKind.Update));
        Assert.That(preview.Single().Changes, Is.EquivalentTo(new[] { "bearerToken (add)", "oauth (delete)" }));

        var update = await stack.Engine.UpAsync([bearer]);
        Assert.That(update.Single().Kind, Is.EqualTo(StepKind.Update), update.Single().Error);
        var switched = stack.Stored("tools")!;
        Assert.That(switched.Uid, Is.EqualTo(created.Uid), "the same connection");
        Assert.That(switched.AuthType, Is.EqualTo("BEARER"));
        Assert.That(switched.AuthDataKeys, Is.EqualTo(new[] { "AUTH_TYPE", "BEARER_TOKEN", "TRANSPORT_TYPE" }), "only the new group travels");
        AssertCredentialsSecret(stack.Engine.State["tools"].Outputs, "bearerToken");
        AssertNoSecretLeaked(stack, up.Concat(preview).Concat(update));
    }

    [Test]
    public async Task ARestConnectionIsImportedWithTheGroupWhoseVariablesAreSet()
    {
        await using var stack = await LiveStack.StartAsync();
        var token = Connections.Credential("import-bearer");
        stack.Emulator.Store.TryCreate(new(LiveStack.Organization, LiveStack.Environment, "hooks"), "REST", "https://hooks.example.com",
            "PlaintextProvider", $"{{\"AUTH_TYPE\":\"BEARER\",\"BEARER_TOKEN\":\"{token}\"}}", out _);
        var id = $"{LiveStack.Organization}/{LiveStack.Environment}/hooks";
        var program = new ResourceGoal("hooks", Wire.Struct(("displayName", "hooks"), ("type", "REST"), ("endpoint", "https://hooks.example.com"),
            ("bearerToken", Wire.Secret(token))));

        await using (var none = await LiveStack.StartAsync())
        {
            var engine = none.Engine;
            await none.ConfigureAsync(stack);
            var failed = await engine.ImportAsync(program, id);
            Assert.That(failed.Error, Does.Contain("BASIC: USERNAME and PASSWORD").And.Contain("BEARER: BEARER_TOKEN").And.Contain("OAUTH2: OAUTH2_TOKEN_ENDPOINT"));
        }
        await using (var both = await LiveStack.StartAsync(new Dictionary<string, string?> { ["BEARER_TOKEN"] = token, ["USERNAME"] = "u", ["PASSWORD"] = "p" }))
        {
            var engine = both.Engine;
            await both.ConfigureAsync(stack);
            var failed = await engine.ImportAsync(program, id);
            Assert.That(failed.Error, Does.Contain("more than one credential group"));
        }
        // USERNAME alone, as many shells set it, is no BASIC group: the bearer token decides.
        await using var importer = await LiveStack.StartAsync(new Dictionary<string, string?> { ["BEARER_TOKEN"] = token, ["USERNAME"] = "u" });
        var importEngine = importer.Engine;
        await importer.ConfigureAsync(stack);
        var import = await importEngine.ImportAsync(program, id);
        Assert.That(import.Error, Is.Null);
        AssertCredentialsSecret(importEngine.State["hooks"].Outputs, "bearerToken");
        Assert.That((await importEngine.PreviewAsync([program])).Single().Kind, Is.EqualTo(StepKind.Same));
        AssertNoSecretLeaked(importer, [import]);
    }

    private static string Name(string type) => type.ToLowerInvariant().Replace('_', '-');
}
