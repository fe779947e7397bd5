using ConfluentFlink.Schema;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Tests;

/// <summary>
/// <c>pulumi import</c> of connections made by hand: the API never returns credentials, so they come from the import
/// variables; the id decides where the connection is; and an imported connection never plans a replacement.
/// </summary>
public sealed class ImportTests : ProviderTest
{
    private const string OtherEnvironment = "env-legacy7";

    private void MadeByHand(string name, string type, string authData, string environment = TestStack.Environment) =>
        Emulator.Store.TryCreate(new ConnectionKey(TestStack.Organization, environment, name), type, "https://svc.example.com", "PlaintextProvider", authData, out _);

    private static ResourceGoal Program(string name, string type, params (string, object?)[] more) =>
        new(name, Wire.Struct([("displayName", name), ("type", type), ("endpoint", "https://svc.example.com"), .. more]));

    [Test]
    public async Task AnImportTakesTheCredentialsFromTheImportVariablesAndTheNextPreviewShowsNoChange()
    {
        var password = Secret("password");
        MadeByHand("legacy", "MONGODB", $"{{\"USERNAME\":\"reader\",\"PASSWORD\":\"{password}\"}}");
        (Environment["USERNAME"], Environment["PASSWORD"]) = ("reader", password);
        var program = Program("legacy", "MONGODB", ("username", Wire.Secret("reader")), ("password", Wire.Secret(password)));

        var import = await Engine.ImportAsync(program, TestStack.IdOf("legacy"));

        Assert.That(import.Error, Is.Null);
        Assert.That(Wire.IsSecret(Engine.State["legacy"].Outputs.Fields["password"]), Is.True);
        Assert.That((await Engine.PreviewAsync(program)).Single().Kind, Is.EqualTo(StepKind.Same));
    }

    [Test]
    public async Task AConnectionOfAnotherEnvironmentIsImportedWithItsEnvironmentOnTheResource()
    {
        var key = Secret("api-key");
        MadeByHand("old", "OPENAI", $"{{\"API_KEY\":\"{key}\"}}", OtherEnvironment);
        Environment["API_KEY"] = key;
        var id = $"{TestStack.Organization}/{OtherEnvironment}/old";

        var read = await Stack.Client.ReadAsync(new ReadRequest { Id = id, Urn = Engine.Urn("old"), Type = Tokens.FlinkConnection });

        Assert.That(Wire.Text(read.Inputs, "environment.id"), Is.EqualTo(OtherEnvironment), "else the next up would move it to the provider's environment");
        Assert.That(read.Inputs.Fields.ContainsKey("organization"), Is.False, "the provider's own organization needs no block");
        var import = await Engine.ImportAsync(Program("old", "OPENAI", ("apiKey", Wire.Secret(key)), ("environment", Wire.Struct(("id", OtherEnvironment)))), id);
        Assert.That(import.Error, Is.Null);
    }

    [Test]
    public async Task SettingsFromImportVariablesBecomeBlocksOnTheResource()
    {
        var key = Secret("api-key");
        MadeByHand("chat", "OPENAI", $"{{\"API_KEY\":\"{key}\"}}");
        (Environment["API_KEY"], Environment["IMPORT_FLINK_COMPUTE_POOL_ID"]) = (key, "lfcp-imported");

        var read = await Stack.Client.ReadAsync(new ReadRequest { Id = TestStack.IdOf("chat"), Urn = Engine.Urn("chat"), Type = Tokens.FlinkConnection });

        Assert.That(Wire.Text(read.Inputs, "computePool.id"), Is.EqualTo("lfcp-imported"));
        var check = await Engine.CheckAsync("chat", new Google.Protobuf.WellKnownTypes.Struct(), read.Inputs);
        Assert.That(check.Failures, Is.Empty, "imported inputs pass Check");
        var diff = await Stack.Client.DiffAsync(new DiffRequest
        {
            Id = read.Id, Urn = Engine.Urn("chat"), Type = Tokens.FlinkConnection, Olds = read.Properties, OldInputs = read.Inputs, News = check.Inputs,
        });
        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone), "imported inputs against the read state give no change");
    }

    [Test]
    public async Task AnImportVariableThatNamesAnotherOrganizationIsAMistakeToFixNotAValueToUse()
    {
        MadeByHand("chat", "OPENAI", "{\"API_KEY\":\"k\"}");
        (Environment["API_KEY"], Environment["IMPORT_CONFLUENT_ORGANIZATION_ID"]) = ("k", "2222bbbb-22bb-22bb-22bb-222222bbbbbb");

        var import = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("chat"));

        Assert.That(import.Status, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(import.Error, Does.Contain($"the id names organization.id '{TestStack.Organization}', but IMPORT_CONFLUENT_ORGANIZATION_ID is " +
                                               "'2222bbbb-22bb-22bb-22bb-222222bbbbbb'").And.Contain("unset IMPORT_CONFLUENT_ORGANIZATION_ID"));
        Assert.That(Engine.State, Is.Empty);
    }

    /// <summary>(the type made by hand, the import variables set, what the error says after "importing the TYPE connection 'c'").</summary>
    [TestCase("OPENAI", new string[0], " needs its credentials, which the API never returns: export API_KEY (for apiKey) and run the import again")]
    [TestCase("REST", new string[0], " needs its credentials, which the API never returns: export the variables of one of these groups, then run the import " +
                                     "again: BASIC: USERNAME and PASSWORD; BEARER: BEARER_TOKEN; OAUTH2: OAUTH2_TOKEN_ENDPOINT and OAUTH2_CLIENT_ID and " +
                                     "OAUTH2_CLIENT_SECRET and OAUTH2_SCOPE")]
    [TestCase("REST", new[] { "USERNAME" }, " needs its credentials, which the API never returns: export the variables of one of these groups, then run the " +
                                            "import again: BASIC: USERNAME and PASSWORD; BEARER: BEARER_TOKEN; OAUTH2: OAUTH2_TOKEN_ENDPOINT and OAUTH2_CLIENT_ID " +
                                            "and OAUTH2_CLIENT_SECRET and OAUTH2_SCOPE")]
    [TestCase("MCP_SERVER", new[] { "API_KEY", "BEARER_TOKEN" }, ": variables of more than one credential group are set (API_KEY: API_KEY; BEARER: " +
                                                                 "BEARER_TOKEN); MCP_SERVER connections use exactly one, so unset the others and run the import again")]
    public async Task MissingOrAmbiguousCredentialsNameTheVariablesToExport(string type, string[] variables, string error)
    {
        MadeByHand("c", type, "{}");
        foreach (var variable in variables) Environment[variable] = Secret(variable);

        var import = await Engine.ImportAsync(Program("c", type), TestStack.IdOf("c"));

        Assert.That(import.Error, Is.EqualTo($"InvalidArgument: importing the {type} connection 'c'{error}"));
    }

    [Test]
    public async Task TheGroupWhoseVariablesAreAllSetIsImportedEvenBesideALoneUserName()
    {
        var token = Secret("bearer");
        MadeByHand("api", "REST", $"{{\"AUTH_TYPE\":\"BEARER\",\"BEARER_TOKEN\":\"{token}\"}}");
        (Environment["USERNAME"], Environment["BEARER_TOKEN"]) = ("login-name-of-the-shell", token);

        var import = await Engine.ImportAsync(Program("api", "REST", ("bearerToken", Wire.Secret(token))), TestStack.IdOf("api"));

        Assert.That(import.Error, Is.Null);
    }

    [Test]
    public async Task AMissingSettingNamesItsImportVariable()
    {
        Assert.That(await Engine.ConfigureAsync(Wire.Struct(("version", "0.1.0"))), Is.Empty);

        var import = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("chat"));

        Assert.That(import.Error, Does.Contain("computePool.id is not set: export the import variable IMPORT_FLINK_COMPUTE_POOL_ID"));
    }

    /// <summary>(an id given to import, what the id's error adds to "the id '...' is not of the form ... (e.g. ...)").</summary>
    [TestCase("not-an-id", "")]
    [TestCase("org-xyz123/ env-abc123/chat", "")]
    [TestCase("org-xyz123//chat", "")]
    [TestCase("org-xyz123/env-abc123/chat", ": its organization id 'org-xyz123' is not of the form a UUID (e.g. 1111aaaa-11aa-11aa-11aa-111111aaaaaa)")]
    [TestCase("1111aaaa-11aa-11aa-11aa-111111aaaaaa/lfcp-1/chat", ": its environment id 'lfcp-1' is not of the form `env-` and letters or digits (e.g. env-abc123)")]
    [TestCase("1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-1/Chat_1", ": its connection name 'Chat_1' is not a valid connection name: use lower-case letters, " +
                                                                   "digits, `-` and `.`, starting and ending with a letter or digit, at most 100 characters (e.g. openai-chat)")]
    public async Task AMalformedIdShowsTheExpectedForm(string id, string problems)
    {
        var import = await Engine.ImportAsync(OpenAi(), id);

        Assert.That(import.Status, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(import.Error, Is.EqualTo($"InvalidArgument: the id '{id}' is not of the form <organization id>/<environment id>/<connection name> (e.g. 1111aaaa-11aa-11aa-11aa-111111aaaaaa/env-abc123/openai-chat){problems}"));
        Assert.That(Emulator.Stats.Snapshot().Total, Is.Zero, "no request is made with an id that would break the URL");
    }

    [Test]
    public async Task AnImportOfAConnectionThatDoesNotExistFindsNothing()
    {
        Environment["API_KEY"] = "k";
        var import = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("nowhere"));
        Assert.That(import.Error, Does.Contain("does not exist"));
    }

    [Test]
    public async Task AnMcpServersOptionsAreImportedFromTheirVariablesWithTheGroupsCredentials()
    {
        var token = Secret("bearer");
        MadeByHand("tools", "MCP_SERVER", $"{{\"AUTH_TYPE\":\"BEARER\",\"BEARER_TOKEN\":\"{token}\",\"TRANSPORT_TYPE\":\"STREAMABLE_HTTP\"}}");
        (Environment["BEARER_TOKEN"], Environment["TRANSPORT_TYPE"]) = (token, "STREAMABLE_HTTP");

        var read = await Engine.ReadAsync("tools", TestStack.IdOf("tools"));

        Assert.That((Wire.Text(read.Inputs, "transportType"), Wire.Text(read.Inputs, "bearerToken")), Is.EqualTo(("STREAMABLE_HTTP", token)));
        Assert.That(Wire.IsSecret(read.Inputs.Fields["bearerToken"]), Is.True);
    }

    [Test]
    public async Task AConnectionOfATypeThisProviderDoesNotManageIsNamedWithItsType()
    {
        MadeByHand("future", "QUANTUMDB", "{}");
        var import = await Engine.ImportAsync(OpenAi("future"), TestStack.IdOf("future"));
        Assert.That(import.Error, Does.Contain("connection 'future' has type 'QUANTUMDB', which this provider does not manage; it manages OPENAI, AZUREML"));
    }

    [Test]
    public async Task AMalformedImportVariableAndARefusedImportKeyNameTheImportVariables()
    {
        MadeByHand("chat", "OPENAI", "{\"API_KEY\":\"k\"}");
        (Environment["API_KEY"], Environment["IMPORT_FLINK_COMPUTE_POOL_ID"]) = ("k", "env-1");
        var malformed = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("chat"));
        Assert.That(malformed.Error, Does.Contain("importing connection 'chat': computePool.id 'env-1' from the import variable IMPORT_FLINK_COMPUTE_POOL_ID is not of the form `lfcp-`"));

        (Environment["IMPORT_FLINK_COMPUTE_POOL_ID"], Environment["IMPORT_FLINK_API_KEY"], Environment["IMPORT_FLINK_API_SECRET"]) = ("lfcp-1", "IMPORTKEY", Secret("import-secret"));
        var refused = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("chat"));
        Assert.That(refused.Error, Does.Contain("The Flink API key 'IMPORTKEY' (from the import variable IMPORT_FLINK_API_KEY) was not accepted"));
    }
}
