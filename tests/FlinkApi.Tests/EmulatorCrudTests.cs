using System.Net;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The client against the in-process emulator: the whole lifecycle and the documented error answers.</summary>
public sealed class EmulatorCrudTests : EmulatorTest
{
    [Test]
    public async Task CreateReadUpdateDeleteRoundTrip()
    {
        var client = Client();

        var created = await client.CreateAsync(Scope, Request("lifecycle"), CancellationToken.None);
        Assert.That(created.Kind, Is.EqualTo(CreateOutcomeKind.Created));
        var meta = created.Connection.Metadata!;
        Assert.That(meta.Self, Does.EndWith($"/sql/v1/organizations/{Scope.OrganizationId}/environments/{Scope.EnvironmentId}/connections/lifecycle"));
        Assert.That(meta.CreatedAt, Is.Not.Null.And.EqualTo(meta.UpdatedAt));
        Assert.That(created.Connection.Status!.Phase, Is.EqualTo("READY"));
        Assert.That(created.Connection.Kind, Is.EqualTo("Connection"));
        Assert.That(created.Connection.ApiVersion, Is.EqualTo("sql/v1"));

        var read = await client.GetAsync(Scope, "lifecycle", CancellationToken.None);
        Assert.That(read!.Spec!.Endpoint, Is.EqualTo("https://api.openai.com/v1/chat/completions"));
        Assert.That(read.Metadata!.ResourceVersion, Is.EqualTo(meta.ResourceVersion));

        const string rotated = "{\"API_KEY\":\"rotated\"}";
        await client.UpdateAsync(Scope, ForUpdate(read, rotated), CancellationToken.None);
        var updated = await client.GetAsync(Scope, "lifecycle", CancellationToken.None);
        Assert.That(updated!.Metadata!.ResourceVersion, Is.Not.EqualTo(meta.ResourceVersion));
        Assert.That(updated.Metadata.UpdatedAt, Is.GreaterThanOrEqualTo(meta.UpdatedAt!.Value));
        Assert.That(updated.Metadata.CreatedAt, Is.EqualTo(meta.CreatedAt));
        Assert.That(Emulator.Store.Get(Key("lifecycle"))!.AuthData, Is.EqualTo(rotated));

        Assert.That(await client.DeleteAsync(Scope, "lifecycle", CancellationToken.None), Is.True);
        Assert.That(await client.GetAsync(Scope, "lifecycle", CancellationToken.None), Is.Null);
        Assert.That(await client.DeleteAsync(Scope, "lifecycle", CancellationToken.None), Is.False);
    }

    [Test]
    public async Task TheCredentialIsKeptButNeverReturned()
    {
        var client = Client();

        var created = await client.CreateAsync(Scope, Request("keeps-secret"), CancellationToken.None);
        var read = await client.GetAsync(Scope, "keeps-secret", CancellationToken.None);
        var listed = await client.ListAsync(Scope, null, CancellationToken.None);

        Assert.That(Emulator.Store.Get(Key("keeps-secret"))!.AuthData, Is.EqualTo(TestSecrets.CredentialJson));
        foreach (var connection in new[] { created.Connection, read!, listed.Single() })
        {
            Assert.That(connection.Spec!.AuthData!.Data, Is.Not.Null.And.Not.Contains(TestSecrets.CredentialValue));
        }

        var adminView = (await Admin.ListConnectionsAsync()).Single();
        Assert.That(adminView.Credential, Is.EqualTo("present"));
    }

    [Test]
    public async Task ListPagesThroughMoreThanOnePageAndFiltersByType()
    {
        var client = Client(Settings(Emulator.BaseAddress, listPageSize: 2));
        for (var i = 0; i < 5; i++) await client.CreateAsync(Scope, Request($"conn-{i}"), CancellationToken.None);
        await client.CreateAsync(Scope, Request("bedrock-1", "BEDROCK", "https://bedrock.us-east-1.amazonaws.com"), CancellationToken.None);
        await client.CreateAsync(new ConnectionScope(Scope.OrganizationId, "env-other"), Request("elsewhere"), CancellationToken.None);
        await Admin.ResetStatsAsync();

        var all = await client.ListAsync(Scope, null, CancellationToken.None);
        Assert.That(all.Select(c => c.Name), Is.EqualTo(new[] { "bedrock-1", "conn-0", "conn-1", "conn-2", "conn-3", "conn-4" }));
        Assert.That((await Admin.GetStatsAsync()).Method("GET"), Is.EqualTo(3), "six items at two per page");

        var openAi = await client.ListAsync(Scope, "OPENAI", CancellationToken.None);
        Assert.That(openAi.Select(c => c.Name), Is.EqualTo(new[] { "conn-0", "conn-1", "conn-2", "conn-3", "conn-4" }));
    }

    [Test]
    public async Task DuplicateNameIsA409OnTheFirstAttempt()
    {
        var client = Client();
        await client.CreateAsync(Scope, Request("dup"), CancellationToken.None);

        var error = await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("dup"), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.Code, Is.EqualTo("resource_already_exists"));
        Assert.That(error.RequestId, Is.Not.Empty);
        Assert.That(error.Message, Does.StartWith("Confluent API 409 resource_already_exists: "));
    }

    [Test]
    public async Task UpdateWithAStaleResourceVersionIsA409()
    {
        var client = Client();
        await client.CreateAsync(Scope, Request("stale"), CancellationToken.None);
        var first = await client.GetAsync(Scope, "stale", CancellationToken.None);
        var second = await client.GetAsync(Scope, "stale", CancellationToken.None);
        await client.UpdateAsync(Scope, ForUpdate(first!, TestSecrets.CredentialJson), CancellationToken.None);

        var error = await Expect<FlinkApiException>(() =>
            client.UpdateAsync(Scope, ForUpdate(second!, TestSecrets.CredentialJson), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(error.SourcePointer, Is.EqualTo("/metadata/resource_version"));
    }

    [Test]
    public async Task UpdateOfAMissingConnectionIsA404()
    {
        var client = Client();
        await client.CreateAsync(Scope, Request("soon-gone"), CancellationToken.None);
        var read = await client.GetAsync(Scope, "soon-gone", CancellationToken.None);
        await client.DeleteAsync(Scope, "soon-gone", CancellationToken.None);

        var error = await Expect<FlinkApiException>(() =>
            client.UpdateAsync(Scope, ForUpdate(read!, TestSecrets.CredentialJson), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task WrongSecretIsA401WithWwwAuthenticateAndIsNotRetried()
    {
        var client = Client(secret: "not-the-secret");

        var error = await Expect<FlinkApiException>(() => client.ListAsync(Scope, null, CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(error.Code, Is.EqualTo("user_unauthenticated"));
        Assert.That((await Admin.GetStatsAsync()).Total, Is.EqualTo(1));
    }

    [Test]
    public async Task WwwAuthenticateAccompaniesThe401()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using var response = await http.GetAsync($"/sql/v1/organizations/o/environments/e/connections");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
        Assert.That(response.Headers.Contains("X-Request-Id"), Is.True);
    }

    [TestCase("Upper-Case", "/name")]
    [TestCase("-leading-dash", "/name")]
    [TestCase("", "/name")]
    public async Task InvalidNamesAre422PointingAtName(string name, string pointer)
    {
        var error = await Expect<FlinkApiException>(() => Client().CreateAsync(Scope, Request(name), CancellationToken.None));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(error.SourcePointer, Is.EqualTo(pointer));
    }

    [Test]
    public async Task FieldLimitsOfTheSchemaAreEnforced()
    {
        var client = Client();
        var tooLongName = await Expect<FlinkApiException>(() =>
            client.CreateAsync(Scope, Request(new string('a', 101)), CancellationToken.None));
        var longestName = await client.CreateAsync(Scope, Request(new string('a', 100)), CancellationToken.None);
        var badType = await Expect<FlinkApiException>(() =>
            client.CreateAsync(Scope, Request("bad-type", type: "TELEPATHY"), CancellationToken.None));
        var longEndpoint = await Expect<FlinkApiException>(() =>
            client.CreateAsync(Scope, Request("long-endpoint", endpoint: "https://x/" + new string('p', 16384)), CancellationToken.None));

        Assert.That(tooLongName.SourcePointer, Is.EqualTo("/name"));
        Assert.That(longestName.Connection.Name, Has.Length.EqualTo(100));
        Assert.That(badType.SourcePointer, Is.EqualTo("/spec/connection_type"));
        Assert.That(badType.Detail, Does.Contain("OPENAI"));
        Assert.That(longEndpoint.SourcePointer, Is.EqualTo("/spec/endpoint"));
    }

    [Test]
    public async Task OneClientServesConcurrentCalls()
    {
        var client = Client();
        var names = Enumerable.Range(0, 24).Select(i => $"parallel-{i:00}").ToList();

        var created = await Task.WhenAll(names.Select(n => client.CreateAsync(Scope, Request(n), CancellationToken.None)));
        var read = await Task.WhenAll(names.Select(n => client.GetAsync(Scope, n, CancellationToken.None)));

        Assert.That(created.Select(c => c.Connection.Name), Is.EquivalentTo(names));
        Assert.That(read.Select(c => c!.Name), Is.EqualTo(names));
        Assert.That(created.Select(c => c.Connection.Metadata!.ResourceVersion).Distinct().Count(), Is.EqualTo(names.Count));
    }

    private static ConnectionKey Key(string name) => new(Scope.OrganizationId, Scope.EnvironmentId, name);
}
