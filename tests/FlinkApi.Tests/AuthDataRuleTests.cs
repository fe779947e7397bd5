using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Admin;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// The emulator's credential rules on auth_data.data (connection-types.md), through the client, on create and on update,
/// and what the admin view shows of the credential sent.
/// </summary>
public sealed class AuthDataRuleTests : EmulatorTest
{
    private const string DataPointer = "/spec/auth_data/data";

    [TestCaseSource(typeof(AuthDataCases), nameof(AuthDataCases.Accepted))]
    public async Task AcceptedOnCreateAndShownByKeyName(string type, string[] entries)
    {
        var outcome = await Client().CreateAsync(Scope, Request("accepted", type, authDataJson: AuthDataSamples.Json(entries)),
            CancellationToken.None);

        Assert.That(outcome.Connection.Spec!.ConnectionType, Is.EqualTo(type));
        AssertShows(await StoredAsync(), entries);
    }

    [TestCaseSource(typeof(AuthDataCases), nameof(AuthDataCases.Rejected))]
    public async Task RejectedOnCreate(string type, string data, string phrase, string[] named)
    {
        var error = await Expect<FlinkApiException>(() =>
            Client().CreateAsync(Scope, Request("rejected", type, authDataJson: data), CancellationToken.None));

        AssertRejected(error, phrase, named);
        Assert.That(await Admin.ListConnectionsAsync(), Is.Empty);
    }

    [TestCaseSource(typeof(AuthDataCases), nameof(AuthDataCases.Rejected))]
    public async Task RejectedOnUpdateLeavingTheConnectionAsItWas(string type, string data, string phrase, string[] named)
    {
        var client = Client();
        var created = await client.CreateAsync(Scope, Request("kept", type), CancellationToken.None);

        var error = await Expect<FlinkApiException>(() =>
            client.UpdateAsync(Scope, ForUpdate(created.Connection, data), CancellationToken.None));

        AssertRejected(error, phrase, named);
        var stored = await StoredAsync();
        Assert.That(stored.ResourceVersion, Is.EqualTo(created.Connection.Metadata!.ResourceVersion));
        AssertShows(stored, AuthDataSamples.ByType[type]);
    }

    [Test]
    public async Task AnUpdateSwitchesGroupsAndReplacesTheKeysSentBefore()
    {
        string[] bearer = ["AUTH_TYPE=BEARER", "BEARER_TOKEN"];
        string[] oauth2 = ["AUTH_TYPE=OAUTH2", "OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE"];
        var client = Client();
        var created = await client.CreateAsync(Scope, Request("switch", "MCP_SERVER", authDataJson: AuthDataSamples.Json(bearer)),
            CancellationToken.None);
        AssertShows(await StoredAsync(), bearer);

        await client.UpdateAsync(Scope, ForUpdate(created.Connection, AuthDataSamples.Json(oauth2)), CancellationToken.None);

        var stored = await StoredAsync();
        Assert.That(stored.ResourceVersion, Is.Not.EqualTo(created.Connection.Metadata!.ResourceVersion));
        AssertShows(stored, oauth2);
    }

    private static void AssertRejected(FlinkApiException error, string phrase, string[] named)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Code, Is.EqualTo("invalid_input"));
            Assert.That(error.SourcePointer, Is.EqualTo(DataPointer));
            Assert.That(error.Detail, Does.Contain(phrase));
            foreach (var key in named) Assert.That(error.Detail, Does.Contain(key), "the detail names the key");
            Assert.That(error.Detail, Does.Not.Contain(TestSecrets.CredentialValue), "the detail repeats no credential");
        });
    }

    private static void AssertShows(StoredConnectionView stored, IReadOnlyList<string> entries)
    {
        Assert.That(stored.AuthDataKeys, Is.EqualTo(AuthDataSamples.KeysOf(entries)));
        Assert.That(stored.AuthType, Is.EqualTo(AuthDataSamples.AuthTypeOf(entries)));
        Assert.That(stored.Credential, Is.EqualTo("present"));
    }

    private async Task<StoredConnectionView> StoredAsync() => (await Admin.ListConnectionsAsync()).Single();
}
