using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Tests.Resources.Props;

namespace ConfluentFlink.Provider.Tests.Resources;

public class LifecycleTests
{
    [Test]
    public async Task PreviewCreateCallsNothingAndLeavesComputedOutputsUnknown()
    {
        var fixture = new ProviderFixture();
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        var result = await fixture.Provider.CreateAsync(Requests.Create(inputs, preview: true), CancellationToken.None);
        Assert.That(fixture.Api.Calls, Is.Empty);
        Assert.That(result.Outputs.Get("status"), Is.EqualTo(PropertyValue.Unknown));
        Assert.That(result.Outputs.Get("apiKey"), Is.InstanceOf<SecretValue>());
    }

    [Test]
    public async Task CreatePostsTheTypeCredentialsAndReturnsTheIdAndSecretOutputs()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, _) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        Assert.That(id, Is.EqualTo("org-1/env-1/conn1"));
        var stored = fixture.Api.Store["org-1/env-1/conn1"];
        Assert.That(stored.Spec!.AuthData!.Data, Is.EqualTo($"{{\"API_KEY\":\"{ProviderFixture.OpenAiKey}\"}}"));
        Assert.That(outputs.Get("apiKey"), Is.EqualTo(Secret(ProviderFixture.OpenAiKey)));
        Assert.That(outputs.GetPath("status.phase"), Is.EqualTo(new StringValue("READY")));
        Assert.That(outputs.GetPath("organization.id"), Is.EqualTo(new StringValue("org-1")));
        Assert.That(outputs.ContainsKey("credentials"), Is.False, "the provider's Flink key is not copied into the connection's state");
        Assert.That(fixture.Api.SettingsSeen.Last().ApiSecret, Is.EqualTo(ProviderFixture.FlinkSecret));
    }

    [Test]
    public async Task AnAdoptedConnectionGetsTheProgramsCredentials()
    {
        var fixture = new ProviderFixture();
        fixture.Api.AdoptNextCreate = true;
        var (id, outputs, _) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        Assert.That(id, Is.EqualTo("org-1/env-1/conn1"));
        Assert.That(fixture.Api.Calls, Does.Contain("PUT conn1"));
        Assert.That(outputs.Get("apiKey"), Is.EqualTo(Secret(ProviderFixture.OpenAiKey)));
    }

    [Test]
    public async Task AnAdoptedConnectionWhoseCredentialsCannotBeSetIsRecordedAsAFailedCreate()
    {
        var fixture = new ProviderFixture();
        fixture.Api.AdoptNextCreate = true;
        fixture.Api.StaleConflictsToReturn = 2;
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() => fixture.Provider.CreateAsync(Requests.Create(inputs), CancellationToken.None));
        Assert.That(error!.Id, Is.EqualTo("org-1/env-1/conn1"));
        Assert.That(error.Outputs.Get("apiKey"), Is.InstanceOf<SecretValue>());
    }

    [Test]
    public void AnAdoptedConnectionIsRecordedEvenWhenTheOperationIsCancelledBeforeItsCredentialsAreSet()
    {
        var fixture = new ProviderFixture();
        fixture.Api.AdoptNextCreate = true;
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var error = Assert.ThrowsAsync<ResourceInitFailedException>(() => fixture.Provider.CreateAsync(Requests.Create(inputs), cancelled.Token));

        Assert.That(error!.Id, Is.EqualTo("org-1/env-1/conn1"));
        Assert.That(fixture.Api.Calls, Does.Not.Contain("PUT conn1"));
    }

    [Test]
    public async Task CreatingOverAnExistingConnectionSaysHowToImportIt()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        var inputs = fixture.Check(ProviderFixture.OpenAi()).Inputs;
        var error = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.CreateAsync(Requests.Create(inputs), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("pulumi import confluentflink:index:FlinkConnection conn org-1/env-1/conn1"));
    }

    [Test]
    public async Task SameProgramAgainIsNoChange()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, fixture.Check(ProviderFixture.OpenAi()).Inputs));
        Assert.That(diff.HasChanges, Is.False);
    }

    [Test]
    public async Task MovingASettingFromConfigToTheResourceWithTheSameValueIsNoChange()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var news = fixture.Check(ProviderFixture.OpenAi().With("organization", Id("org-1")).With("restEndpoint", new StringValue("http://127.0.0.1:9"))).Inputs;
        Assert.That(fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news)).HasChanges, Is.False);
    }

    [Test]
    public async Task MovingTheFlinkKeyFromConfigToTheResourceWithTheSameValuesIsNoChange()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var news = fixture.Check(ProviderFixture.OpenAi().With("credentials",
            PropertyPaths.ObjectOf(("key", new StringValue("FLINKKEY")), ("secret", Secret(ProviderFixture.FlinkSecret))))).Inputs;
        Assert.That(fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news)).HasChanges, Is.False);
    }

    [Test]
    public async Task RotatingTheFlinkKeyInProviderConfigIsNoChangeToTheConnection()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Provider.Configure(new ConfigureRequest(ProviderFixture.ProviderSettingsConfig.With("flinkApiKey", new StringValue("NEWKEY")).With("flinkApiSecret", Secret("new-secret"))));
        Assert.That(fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, fixture.Check(ProviderFixture.OpenAi()).Inputs)).HasChanges, Is.False);
    }

    [Test]
    public async Task RotatingACredentialUpdatesInPlaceAndPutsTheNewSecret()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var news = fixture.Check(ProviderFixture.OpenAi(apiKey: "sk-rotated-key")).Inputs;
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news));
        Assert.That(diff.HasChanges, Is.True);
        Assert.That(diff.Replaces, Is.Empty);
        Assert.That(diff.DetailedDiff["apiKey"].Kind, Is.EqualTo(PropertyDiffKind.Update));

        var updated = await fixture.Provider.UpdateAsync(Requests.Update(id, outputs, inputs, news), CancellationToken.None);
        Assert.That(fixture.Api.Store["org-1/env-1/conn1"].Spec!.AuthData!.Data, Does.Contain("sk-rotated-key"));
        Assert.That(updated.Outputs.Get("apiKey"), Is.EqualTo(Secret("sk-rotated-key")));
        Assert.That(fixture.Api.Calls, Does.Contain("PUT conn1"));
    }

    [Test]
    public async Task AStaleResourceVersionIsReadAgainAndRetriedOnce()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Api.StaleConflictsToReturn = 1;
        await fixture.Provider.UpdateAsync(Requests.Update(id, outputs, inputs, fixture.Check(ProviderFixture.OpenAi(apiKey: "k2")).Inputs), CancellationToken.None);
        Assert.That(fixture.Api.Calls.Count(c => c == "PUT conn1"), Is.EqualTo(2));

        fixture.Api.StaleConflictsToReturn = 2;
        var error = Assert.ThrowsAsync<ProviderUserException>(() =>
            fixture.Provider.UpdateAsync(Requests.Update(id, outputs, inputs, fixture.Check(ProviderFixture.OpenAi(apiKey: "k3")).Inputs), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("changed by someone else"));
    }

    [Test]
    public async Task ChangingComputePoolOrTheFlinkKeyNeedsNoApiCall()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var news = fixture.Check(ProviderFixture.OpenAi().With("computePool", Id("lfcp-2"))
            .With("credentials", PropertyPaths.ObjectOf(("key", new StringValue("K2")), ("secret", new StringValue("S2"))))).Inputs;
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news));
        Assert.That(diff.Replaces, Is.Empty);
        Assert.That(diff.DetailedDiff.Keys, Is.EquivalentTo(new[] { "computePool.id", "credentials.key", "credentials.secret" }));

        var calls = fixture.Api.Calls.Count;
        var updated = await fixture.Provider.UpdateAsync(Requests.Update(id, outputs, inputs, news), CancellationToken.None);
        Assert.That(fixture.Api.Calls.Count, Is.EqualTo(calls));
        Assert.That(updated.Outputs.GetPath("computePool.id"), Is.EqualTo(new StringValue("lfcp-2")));
        Assert.That(updated.Outputs.IsSecretAt("credentials.secret"), Is.True);
    }

    [TestCase("endpoint", "https://api.openai.com/v2/chat")]
    [TestCase("displayName", "conn2")]
    [TestCase("type", "AZUREOPENAI")]
    public async Task ChangingWhatTheApiCannotChangeReplacesDeletingFirst(string property, string value)
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, ProviderFixture.OpenAi().With(property, new StringValue(value))));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { property }));
        Assert.That(diff.DeleteBeforeReplace, Is.True);
        Assert.That(diff.DetailedDiff[property].Kind, Is.EqualTo(PropertyDiffKind.UpdateReplace));
    }

    [Test]
    public async Task ChangingTheEnvironmentThroughConfigReplaces()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Provider.Configure(new ConfigureRequest(ProviderFixture.ProviderSettingsConfig.With("environmentId", new StringValue("env-2"))));
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, fixture.Check(ProviderFixture.OpenAi()).Inputs));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "environment" }));
    }

    [Test]
    public async Task AnUnknownEndpointAtPreviewIsAPossibleReplacement()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, ProviderFixture.OpenAi().With("endpoint", PropertyValue.Unknown)));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "endpoint" }));
    }

    [Test]
    public async Task IgnoredChangesAreNotReported()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, ProviderFixture.OpenAi(apiKey: "other"), ["apiKey"]));
        Assert.That(diff.HasChanges, Is.False);
    }

    [Test]
    public async Task RefreshReportsDriftAndAnOutOfBandDeleteDropsTheResource()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Api.Store["org-1/env-1/conn1"].Spec!.Endpoint = "https://drifted.example.com/v1";

        var read = await fixture.Provider.ReadAsync(Requests.Read(id, outputs, inputs), CancellationToken.None);
        Assert.That(read.Id, Is.EqualTo(id));
        Assert.That(read.Inputs.GetPath("endpoint"), Is.EqualTo(new StringValue("https://drifted.example.com/v1")));
        Assert.That(read.Outputs.Get("apiKey"), Is.EqualTo(Secret(ProviderFixture.OpenAiKey)), "credentials are kept from state");

        fixture.Api.Store.Clear();
        var gone = await fixture.Provider.ReadAsync(Requests.Read(id, outputs, inputs), CancellationToken.None);
        Assert.That(gone.Id, Is.Empty);
    }

    [Test]
    public async Task ImportTakesCredentialsFromTheEnvironmentAndThenDiffsClean()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        fixture.Environment["API_KEY"] = ProviderFixture.OpenAiKey;

        var imported = await fixture.Provider.ReadAsync(Requests.Import("org-1/env-1/conn1"), CancellationToken.None);
        Assert.That(imported.Inputs.Get("apiKey"), Is.EqualTo(Secret(ProviderFixture.OpenAiKey)));
        Assert.That(imported.Inputs.ContainsKey("organization"), Is.False, "an import with provider settings leaves them to the provider");

        var checkedInputs = fixture.Check(imported.Inputs);
        Assert.That(checkedInputs.Failures, Is.Empty);
        var diff = fixture.Provider.Diff(Requests.Diff(imported.Id, imported.Outputs, imported.Inputs, fixture.Check(ProviderFixture.OpenAi()).Inputs));
        Assert.That(diff.HasChanges, Is.False, string.Join(", ", diff.DetailedDiff.Keys));
    }

    [Test]
    public async Task ImportWithTheImportVariablesYieldsPerResourceSettings()
    {
        var fixture = new ProviderFixture(PropertyMap.Empty);
        foreach (var (name, value) in new[] { ("IMPORT_CONFLUENT_ORGANIZATION_ID", "org-1"), ("IMPORT_CONFLUENT_ENVIRONMENT_ID", "env-1"),
                     ("IMPORT_FLINK_COMPUTE_POOL_ID", "lfcp-1"), ("IMPORT_FLINK_PRINCIPAL_ID", "sa-1"), ("IMPORT_FLINK_REST_ENDPOINT", "http://127.0.0.1:9"),
                     ("IMPORT_FLINK_API_KEY", "K"), ("IMPORT_FLINK_API_SECRET", "S"), ("API_KEY", "k") })
            fixture.Environment[name] = value;
        fixture.Api.Store["org-1/env-1/conn1"] = new FlinkApi.Models.Connection
        {
            Name = "conn1", Spec = new FlinkApi.Models.ConnectionSpec { ConnectionType = "OPENAI", Endpoint = "https://e.example.com" },
            Status = new FlinkApi.Models.ConnectionStatus { Phase = "READY" },
        };
        var imported = await fixture.Provider.ReadAsync(Requests.Import("org-1/env-1/conn1"), CancellationToken.None);
        Assert.That(imported.Inputs.GetPath("computePool.id"), Is.EqualTo(new StringValue("lfcp-1")));
        Assert.That(imported.Inputs.IsSecretAt("credentials.secret"), Is.True);
        Assert.That(fixture.Check(imported.Inputs).Failures, Is.Empty);
    }

    [Test]
    public async Task ImportWithoutTheCredentialVariableSaysWhichOneToExport()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        var error = Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.ReadAsync(Requests.Import("org-1/env-1/conn1"), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("API_KEY"));
    }

    [TestCase("conn1")]
    [TestCase("org-1/conn1")]
    [TestCase("org-1//conn1")]
    [TestCase("a/b/c/d")]
    public void AMalformedIdShowsTheExpectedForm(string id)
    {
        var error = Assert.ThrowsAsync<ProviderUserException>(() => new ProviderFixture().Provider.ReadAsync(Requests.Import(id), CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("<organization id>/<environment id>/<connection name>"));
    }

    [Test]
    public async Task DeleteRemovesAndToleratesAnAlreadyDeletedConnection()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        await fixture.Provider.DeleteAsync(Requests.Delete(id, outputs, inputs), CancellationToken.None);
        Assert.That(fixture.Api.Store, Is.Empty);
        Assert.DoesNotThrowAsync(() => fixture.Provider.DeleteAsync(Requests.Delete(id, outputs, inputs), CancellationToken.None));
    }

    [Test]
    public async Task DeleteUsesTheCredentialsBlockTheConnectionWasCreatedWith()
    {
        var fixture = new ProviderFixture();
        var news = ProviderFixture.OpenAi().With("credentials", PropertyPaths.ObjectOf(("key", new StringValue("OWNKEY")), ("secret", new StringValue("OWNSECRET"))));
        var (id, outputs, inputs) = await fixture.CreateAsync(news);
        await fixture.Provider.DeleteAsync(Requests.Delete(id, outputs, inputs), CancellationToken.None);
        Assert.That(fixture.Api.SettingsSeen.Last().ApiKey, Is.EqualTo("OWNKEY"));
    }

    [Test]
    public async Task InvokeLooksAConnectionUpByName()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        var result = await fixture.Provider.InvokeAsync(Requests.Invoke(Map(("displayName", "conn1"))), CancellationToken.None);
        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Return.GetPath("type"), Is.EqualTo(new StringValue("OPENAI")));
        Assert.That(result.Return.GetPath("id"), Is.EqualTo(new StringValue("org-1/env-1/conn1")));

        var missing = await fixture.Provider.InvokeAsync(Requests.Invoke(PropertyMap.Empty), CancellationToken.None);
        Assert.That(missing.Failures.Single().Property, Is.EqualTo("displayName"));
        Assert.ThrowsAsync<ProviderUserException>(() => fixture.Provider.InvokeAsync(Requests.Invoke(Map(("displayName", "nope"))), CancellationToken.None));
    }

    [Test]
    public async Task InvokeWithASecretNameAnswersTheNameAndTheIdAsSecrets()
    {
        var fixture = new ProviderFixture();
        await fixture.CreateAsync(ProviderFixture.OpenAi());
        var result = await fixture.Provider.InvokeAsync(Requests.Invoke(Map(("displayName", Secret("conn1")))), CancellationToken.None);
        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Return.Get("displayName"), Is.InstanceOf<SecretValue>());
        Assert.That(result.Return.Get(GetFlinkConnectionFunction.IdOutput), Is.EqualTo(Secret("org-1/env-1/conn1")));
        Assert.That(result.Return.Get("type"), Is.EqualTo(new StringValue("OPENAI")), "what the name does not reveal stays plain");
    }

    [Test]
    public void UnknownTokensAreUserErrors()
    {
        var provider = new ProviderFixture().Provider;
        Assert.Throws<ProviderUserException>(() => provider.Check(Requests.Check(PropertyMap.Empty) with { Type = "confluentflink:index:Nope" }));
        Assert.ThrowsAsync<ProviderUserException>(() => provider.InvokeAsync(Requests.Invoke(PropertyMap.Empty, token: "confluentflink:index:nope"), CancellationToken.None));
    }
}
