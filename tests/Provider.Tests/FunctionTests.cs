using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using ConfluentFlink.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ConfluentFlink.Provider.Tests;

/// <summary><c>getFlinkConnection</c> and <c>getFlinkConnections</c> through the plugin.</summary>
public sealed class FunctionTests : ProviderTest
{
    private void MadeByHand(string name, string type, string environment = TestStack.Environment) =>
        Emulator.Store.TryCreate(new ConnectionKey(TestStack.Organization, environment, name), type, $"https://{name}.example.com", "PlaintextProvider", "{}", out _);

    private async Task<IReadOnlyList<Struct>> ListAsync(params (string, object?)[] args)
    {
        var answer = await Engine.InvokeAsync(Tokens.GetFlinkConnections, Wire.Struct(args));
        Assert.That(answer.Failures, Is.Empty);
        return answer.Return.Fields["connections"].ListValue.Values.Select(v => v.StructValue).ToList();
    }

    [Test]
    public async Task OneConnectionIsLookedUpByName()
    {
        await Engine.UpAsync(OpenAi());

        var answer = await Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", "chat")));

        Assert.That(answer.Failures, Is.Empty);
        Assert.That((Wire.Text(answer.Return, "id"), Wire.Text(answer.Return, "type"), Wire.Text(answer.Return, "status.phase")),
            Is.EqualTo((TestStack.IdOf("chat"), "OPENAI", "READY")));
        Assert.That(Wire.IsSecret(answer.Return.Fields["displayName"]), Is.False, "a name given in plain stays plain");
        Assert.That(answer.Return.Fields.ContainsKey("apiKey"), Is.False);
    }

    [Test]
    public async Task ASecretNameStaysSecretAndIsNotEchoedWhenNothingIsFound()
    {
        await Engine.UpAsync(OpenAi());
        var found = await Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", Wire.Secret("chat"))));
        Assert.That(Wire.IsSecret(found.Return.Fields["displayName"]), Is.True);

        var missing = Assert.ThrowsAsync<RpcException>(() => Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", Wire.Secret("hidden-name")))));
        Assert.That(missing!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(missing.Status.Detail, Does.Contain("(the secret name given)").And.Not.Contain("hidden-name"));
    }

    [Test]
    public async Task ALookupWithoutANameOrWithAnInvalidOneFailsWithoutARequest()
    {
        var none = await Engine.InvokeAsync(Tokens.GetFlinkConnection, new Struct());
        var invalid = await Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", "Not_Valid")));

        Assert.That(none.Failures.Single().Reason, Does.Contain("displayName is required"));
        Assert.That(invalid.Failures.Single().Reason, Does.StartWith("displayName 'Not_Valid' is not a valid connection name"));
        Assert.That(Emulator.Stats.Snapshot().Total, Is.Zero);
    }

    [Test]
    public async Task EveryConnectionOfAnEnvironmentIsListedAcrossPagesInTheApisOrder()
    {
        var names = Enumerable.Range(0, 230).Select(i => $"conn-{i:D3}").ToList();
        foreach (var name in names) MadeByHand(name, name.EndsWith('7') ? "MONGODB" : "OPENAI");
        MadeByHand("elsewhere", "OPENAI", "env-other1");

        var all = await ListAsync();

        Assert.That(all.Select(c => Wire.Text(c, "displayName")), Is.EqualTo(names));
        Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.EqualTo(3), "pages of 100");
        var first = all[0];
        Assert.That(first.Fields.Keys, Is.EquivalentTo(new[] { "id", "displayName", "type", "endpoint", "status" }), "no credentials: the API has none to give");
        Assert.That(Wire.Text(first, "id"), Is.EqualTo(TestStack.IdOf("conn-000")));
    }

    [Test]
    public async Task ATypeFilterIsSentToTheApiAndAMisspeltTypeFailsWithAHintWithoutARequest()
    {
        foreach (var (name, type) in new[] { ("a", "OPENAI"), ("b", "MONGODB"), ("c", "MONGODB") }) MadeByHand(name, type);

        var mongo = await ListAsync(("type", "MONGODB"));
        var misspelt = await Engine.InvokeAsync(Tokens.GetFlinkConnections, Wire.Struct(("type", "mongodb")));
        var hidden = await Engine.InvokeAsync(Tokens.GetFlinkConnections, Wire.Struct(("type", Wire.Secret("mongodb"))));

        Assert.That(mongo.Select(c => Wire.Text(c, "displayName")), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(misspelt.Failures.Single().Reason,
            Is.EqualTo($"type 'mongodb' is not a connection type (did you mean MONGODB?); use one of {string.Join(", ", Catalog.Types.Select(t => t.Name))}"));
        Assert.That(hidden.Failures.Single().Reason, Does.StartWith("type is not a connection type (did you mean MONGODB?)"), "a value marked secret is not quoted");
        Assert.That(Emulator.Stats.Snapshot().Method("GET"), Is.EqualTo(1));
    }

    [Test]
    public async Task AnEmptyEnvironmentListsNothingAndAnotherCanBeNamed()
    {
        MadeByHand("x", "OPENAI", "env-other1");
        Assert.That(await ListAsync(), Is.Empty);
        Assert.That((await ListAsync(("environment", Wire.Struct(("id", "env-other1"))))).Select(c => Wire.Text(c, "id")),
            Is.EqualTo(new[] { $"{TestStack.Organization}/env-other1/x" }));
    }

    [TestCase(404, StatusCode.NotFound, "(environment from `environment.id` on the resource): Confluent API 404")]
    [TestCase(403, StatusCode.PermissionDenied, "lacks the permission or role to manage Flink connections in organization")]
    public async Task AnUnknownOrForbiddenEnvironmentFailsNamingIt(int status, StatusCode code, string phrase)
    {
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = status });

        var failure = Assert.ThrowsAsync<RpcException>(() => ListAsync(("environment", Wire.Struct(("id", "env-missing1")))));

        Assert.That(failure!.StatusCode, Is.EqualTo(code));
        Assert.That(failure.Status.Detail, Does.Contain("environment env-missing1").And.Contain(phrase));
    }

    [Test]
    public async Task AFunctionsSettingsFollowTheResourcesAndAMissingOneIsNamed()
    {
        Assert.That(await Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0"))), Is.Empty);
        var answer = await Engine.InvokeAsync(Tokens.GetFlinkConnections, new Struct());
        Assert.That(answer.Failures.Select(f => f.Property), Is.EquivalentTo(new[] { "organization.id", "environment.id", "restEndpoint", "credentials.key", "credentials.secret" }));
    }

    [Test]
    public void AnUnknownFunctionIsNamed()
    {
        var failure = Assert.ThrowsAsync<RpcException>(() => Engine.InvokeAsync("confluentflink:index:getNothing", new Struct()));
        Assert.That(failure!.Status.Detail, Does.Contain("unknown function 'confluentflink:index:getNothing'"));
    }

    [Test]
    public async Task IdsFromASecretEnvironmentStaySecretAndAMissingConnectionIsNamedWithItsPlace()
    {
        MadeByHand("x", "OPENAI");
        var listed = (await ListAsync(("environment", Wire.Secret(Wire.Struct(("id", TestStack.Environment)))))).Single();
        var plain = (await ListAsync()).Single();
        Assert.That((Wire.IsSecret(listed.Fields["id"]), Wire.IsSecret(plain.Fields["id"])), Is.EqualTo((true, false)));

        var missing = Assert.ThrowsAsync<RpcException>(() => Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", "nowhere"))));
        Assert.That(missing!.Status.Detail, Is.EqualTo($"no Flink connection named 'nowhere' in organization {TestStack.Organization}, environment {TestStack.Environment}"));
        var invalid = await Engine.InvokeAsync(Tokens.GetFlinkConnection, Wire.Struct(("displayName", Wire.Secret("Secret_Name"))));
        Assert.That(invalid.Failures.Single().Reason, Does.StartWith("displayName is not a valid connection name"));
    }
}
