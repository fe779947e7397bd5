extern alias harness;
using System.Text.RegularExpressions;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using harness::ConfluentFlink.Harness;
using harness::Pulumirpc;
using CheckFailure = ConfluentFlink.Provider.Contract.CheckFailure;
using CheckResult = ConfluentFlink.Provider.Contract.CheckResult;
using PropertyDiff = ConfluentFlink.Provider.Contract.PropertyDiff;
using CheckRequest = harness::Pulumirpc.CheckRequest;
using DiffRequest = harness::Pulumirpc.DiffRequest;
using CreateRequest = harness::Pulumirpc.CreateRequest;
using ReadRequest = harness::Pulumirpc.ReadRequest;
using UpdateRequest = harness::Pulumirpc.UpdateRequest;
using DeleteRequest = harness::Pulumirpc.DeleteRequest;
using InvokeRequest = harness::Pulumirpc.InvokeRequest;
using ConfigureRequest = harness::Pulumirpc.ConfigureRequest;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>The gRPC service over a fake provider, called over real HTTP/2 in this process.</summary>
public class ResourceProviderServiceTests
{
    private const string Type = "confluentflink:index:FlinkConnection";
    private const string Urn = "urn:pulumi:dev::proj::confluentflink:index:FlinkConnection::c1";

    private InProcessPlugin _plugin = null!;
    private ResourceProvider.ResourceProviderClient Client => _plugin.Client;
    private FakeProvider Provider => _plugin.Provider;

    [SetUp]
    public async Task StartAsync() => _plugin = await InProcessPlugin.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _plugin.DisposeAsync();

    [Test]
    public async Task PluginInfoIsSemver()
    {
        var info = await Client.GetPluginInfoAsync(new Empty());

        Assert.That(info.Version, Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
    }

    [Test]
    public async Task SchemaIsTheRepositorysSchemaJson()
    {
        var schema = await Client.GetSchemaAsync(new GetSchemaRequest { Version = 0 });

        Assert.That(schema.Schema, Is.EqualTo(await File.ReadAllTextAsync(RepoPaths.SchemaFile)));
    }

    [Test]
    public async Task HandshakeAndConfigureAnswerWhatTheProviderSupports()
    {
        var handshake = await Client.HandshakeAsync(new ProviderHandshakeRequest());
        var configure = await Client.ConfigureAsync(new ConfigureRequest { Args = Wire.Struct(("organizationId", "org-1")), AcceptSecrets = true });

        Assert.That((handshake.AcceptSecrets, handshake.AcceptResources, handshake.AcceptOutputs, handshake.SupportsAutonamingConfiguration),
            Is.EqualTo((true, true, false, true)));
        Assert.That((configure.AcceptSecrets, configure.SupportsPreview, configure.AcceptResources, configure.AcceptOutputs, configure.SupportsAutonamingConfiguration),
            Is.EqualTo((true, true, true, false, true)));
    }

    [Test]
    public async Task ConfigurePassesArgsWithSecretsKept()
    {
        PropertyMap? received = null;
        Provider.OnConfigure = r => received = r.Args;

        await Client.ConfigureAsync(new ConfigureRequest
        {
            Args = Wire.Struct(("flinkApiSecret", Wire.Secret("s3")), ("version", "0.1.0")),
            Variables = { ["confluentflink:config:organizationId"] = "ignored-when-args-are-sent" },
        });

        Assert.That(received!.Get("flinkApiSecret"), Is.EqualTo(PropertyValue.Secret(PropertyValue.Of("s3"))));
        Assert.That(received.ContainsKey("organizationId"), Is.False);
    }

    [Test]
    public async Task ConfigureFallsBackToVariablesFromOldEngines()
    {
        PropertyMap? received = null;
        Provider.OnConfigure = r => received = r.Args;

        await Client.ConfigureAsync(new ConfigureRequest { Variables = { ["confluentflink:config:organizationId"] = "org-1" } });

        Assert.That(received!.Get("organizationId"), Is.EqualTo(PropertyValue.Of("org-1")));
    }

    [Test]
    public async Task CheckReturnsInputsAndEveryFailureWithItsPath()
    {
        Provider.OnCheck = r => new CheckResult(r.NewInputs,
            [new CheckFailure("type", "must be one of ..."), new CheckFailure("organization.id", "missing")]);

        var response = await Client.CheckAsync(new CheckRequest { Urn = Urn, Type = Type, News = Wire.Struct(("type", "NOPE")) });

        Assert.That(response.Inputs.Fields["type"].StringValue, Is.EqualTo("NOPE"));
        Assert.That(response.Failures.Select(f => (f.Property, f.Reason)),
            Is.EqualTo(new[] { ("type", "must be one of ..."), ("organization.id", "missing") }));
    }

    [Test]
    public async Task CheckPassesTheNameTheSeedAndTheAutonamingOptions()
    {
        var seen = new List<Contract.CheckRequest>();
        Provider.OnCheck = r => { seen.Add(r); return new CheckResult(r.NewInputs, []); };

        await Client.CheckAsync(new CheckRequest
        {
            Urn = Urn, Type = Type, Name = "c1", RandomSeed = Google.Protobuf.ByteString.CopyFrom(7, 8, 9),
            Olds = Wire.Struct(("displayName", "old")),
            Autonaming = new CheckRequest.Types.AutonamingOptions { ProposedName = "dev-c1", Mode = CheckRequest.Types.AutonamingOptions.Types.Mode.Enforce },
        });
        await Client.CheckAsync(new CheckRequest { Urn = Urn, Type = Type });

        Assert.That(seen[0].Name, Is.EqualTo("c1"));
        Assert.That(seen[0].Urn.Name, Is.EqualTo("c1"));
        Assert.That(seen[0].RandomSeed, Is.EqualTo(new byte[] { 7, 8, 9 }));
        Assert.That(seen[0].OldInputs.Get("displayName"), Is.EqualTo(PropertyValue.Of("old")));
        Assert.That(seen[0].Autonaming, Is.EqualTo(new AutonamingOptions("dev-c1", AutonamingMode.Enforce)));
        Assert.That(seen[1].Autonaming, Is.Null, "no options sent, none passed on");
        Assert.That(seen[1].RandomSeed, Is.Empty);
    }

    [Test]
    public async Task CustomTimeoutsReachTheProviderAndZeroMeansNone()
    {
        var seen = new List<TimeSpan?>();
        Provider.OnCreate = (r, _) => { seen.Add(r.Timeout); return Task.FromResult(new CreateResult("o/e/c1", r.Properties)); };
        Provider.OnUpdate = (r, _) => { seen.Add(r.Timeout); return Task.FromResult(new UpdateResult(r.NewInputs)); };
        Provider.OnDelete = (r, _) => { seen.Add(r.Timeout); return Task.CompletedTask; };
        Provider.OnRead = (r, _) => { seen.Add(r.Timeout); return Task.FromResult(ReadResult.Gone); };

        await Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct(), Timeout = 90 });
        await Client.UpdateAsync(new UpdateRequest { Id = "o/e/c1", Urn = Urn, Type = Type, Timeout = 1.5 });
        await Client.DeleteAsync(new DeleteRequest { Id = "o/e/c1", Urn = Urn, Type = Type, Timeout = 30 });
        await Client.ReadAsync(new ReadRequest { Id = "o/e/c1", Urn = Urn, Type = Type });

        Assert.That(seen, Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30), null }));
    }

    [Test]
    public async Task AFailureOnAPropertyHoldingASecretIsSentWithoutThePropertySoTheEngineCannotPrintTheValue()
    {
        Provider.OnCheck = r => new CheckResult(r.NewInputs.With("apiKey", PropertyValue.Secret(r.NewInputs.Get("apiKey"))),
            [new CheckFailure("apiKey", "apiKey is not used by type MONGODB"), new CheckFailure("endpoint", "endpoint must be a URL")]);

        var response = await Client.CheckAsync(new CheckRequest { Urn = Urn, Type = Type, News = Wire.Struct(("apiKey", "plain-key"), ("endpoint", "x")) });

        Assert.That(response.Failures.Select(f => (f.Property, f.Reason)), Is.EqualTo(new[]
        {
            ("", "apiKey is not used by type MONGODB"),
            ("endpoint", "endpoint must be a URL"),
        }));
    }

    [Test]
    public async Task TheTypeComesFromTheUrnWhenTheEngineSendsNone()
    {
        string? seen = null;
        Provider.OnCheck = r => { seen = r.Type; return new CheckResult(r.NewInputs, []); };

        await Client.CheckAsync(new CheckRequest { Urn = "urn:pulumi:dev::proj::parent:index:Comp$" + Type + "::c1" });

        Assert.That(seen, Is.EqualTo(Type));
    }

    [Test]
    public async Task DiffMapsChangesReplacementsAndDetailedDiff()
    {
        Provider.OnDiff = _ => new DiffResult(true, ["endpoint", "apiKey"], ["endpoint"], true,
            new Dictionary<string, PropertyDiff>
            {
                ["endpoint"] = new(PropertyDiffKind.UpdateReplace),
                ["apiKey"] = new(PropertyDiffKind.Update),
            });

        var response = await Client.DiffAsync(new DiffRequest { Id = "o/e/c1", Urn = Urn, Type = Type });

        Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
        Assert.That(response.Replaces, Is.EqualTo(new[] { "endpoint" }));
        Assert.That(response.Diffs, Is.EquivalentTo(new[] { "endpoint", "apiKey" }));
        Assert.That(response.DeleteBeforeReplace, Is.True);
        Assert.That(response.HasDetailedDiff, Is.True);
        Assert.That(response.DetailedDiff["endpoint"].Kind, Is.EqualTo(harness::Pulumirpc.PropertyDiff.Types.Kind.UpdateReplace));
        Assert.That(response.DetailedDiff["apiKey"].Kind, Is.EqualTo(harness::Pulumirpc.PropertyDiff.Types.Kind.Update));
        Assert.That(response.DetailedDiff["apiKey"].InputDiff, Is.True);
    }

    [Test]
    public async Task NoChangesIsDiffNone()
    {
        var response = await Client.DiffAsync(new DiffRequest { Id = "o/e/c1", Urn = Urn, Type = Type });

        Assert.That(response.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
    }

    [Test]
    public async Task DiffPassesOldsOldInputsNewsAndIgnoreChanges()
    {
        Contract.DiffRequest? seen = null;
        Provider.OnDiff = r => { seen = r; return DiffResult.NoChanges; };

        await Client.DiffAsync(new DiffRequest
        {
            Id = "o/e/c1", Urn = Urn, Type = Type,
            Olds = Wire.Struct(("kind", "Connection")), OldInputs = Wire.Struct(("endpoint", "https://a")),
            News = Wire.Struct(("endpoint", "https://b")), IgnoreChanges = { "apiKey" },
        });

        Assert.That(seen!.Id, Is.EqualTo("o/e/c1"));
        Assert.That(seen.Urn.Name, Is.EqualTo("c1"));
        Assert.That(seen.OldState.Get("kind"), Is.EqualTo(PropertyValue.Of("Connection")));
        Assert.That(seen.OldInputs.Get("endpoint"), Is.EqualTo(PropertyValue.Of("https://a")));
        Assert.That(seen.NewInputs.Get("endpoint"), Is.EqualTo(PropertyValue.Of("https://b")));
        Assert.That(seen.IgnoreChanges, Is.EqualTo(new[] { "apiKey" }));
    }

    [Test]
    public async Task CreateReturnsIdAndOutputsWithSecretsWrapped()
    {
        Provider.OnCreate = (r, _) => Task.FromResult(new CreateResult(r.Preview ? "" : "o/e/c1",
            r.Properties.With("apiKey", PropertyValue.Secret(r.Properties.Get("apiKey").Unwrapped)).With("status", PropertyValue.Unknown)));

        var response = await Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct(("apiKey", "plain-key")) });
        var preview = await Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Preview = true, Properties = Wire.Struct() });

        Assert.That(response.Id, Is.EqualTo("o/e/c1"));
        Assert.That(Wire.IsSecret(response.Properties.Fields["apiKey"]), Is.True);
        Assert.That(Wire.IsUnknown(response.Properties.Fields["status"]), Is.True);
        Assert.That(preview.Id, Is.Empty);
    }

    [Test]
    public async Task ReadOnImportPassesNullStateAndInputs()
    {
        (PropertyMap? State, PropertyMap? Inputs) seen = (PropertyMap.Empty, PropertyMap.Empty);
        Provider.OnRead = (r, _) =>
        {
            seen = (r.Properties, r.Inputs);
            return Task.FromResult(new ReadResult(r.Id, PropertyMap.Empty.With("a", PropertyValue.Of("out")), PropertyMap.Empty.With("a", PropertyValue.Of("in"))));
        };

        var response = await Client.ReadAsync(new ReadRequest { Id = "o/e/c1", Urn = Urn, Type = Type });

        Assert.That(seen.State, Is.Null);
        Assert.That(seen.Inputs, Is.Null);
        Assert.That(response.Id, Is.EqualTo("o/e/c1"));
        Assert.That(response.Properties.Fields["a"].StringValue, Is.EqualTo("out"));
        Assert.That(response.Inputs.Fields["a"].StringValue, Is.EqualTo("in"));
    }

    [Test]
    public async Task ReadOnRefreshPassesStateAndInputs()
    {
        (PropertyMap? State, PropertyMap? Inputs) seen = (null, null);
        Provider.OnRead = (r, _) => { seen = (r.Properties, r.Inputs); return Task.FromResult(new ReadResult(r.Id, r.Properties!, r.Inputs!)); };

        await Client.ReadAsync(new ReadRequest { Id = "o/e/c1", Urn = Urn, Type = Type, Properties = Wire.Struct(), Inputs = Wire.Struct(("x", 1)) });

        Assert.That(seen.State, Is.EqualTo(PropertyMap.Empty));
        Assert.That(seen.Inputs!.Get("x"), Is.EqualTo(PropertyValue.Of(1)));
    }

    [Test]
    public async Task AGoneResourceReadsAsAnEmptyId()
    {
        Provider.OnRead = (_, _) => Task.FromResult(ReadResult.Gone);

        var response = await Client.ReadAsync(new ReadRequest { Id = "o/e/c1", Urn = Urn, Type = Type, Properties = Wire.Struct() });

        Assert.That(response.Id, Is.Empty);
        Assert.That(response.Properties, Is.Null);
        Assert.That(response.Inputs, Is.Null);
    }

    [Test]
    public async Task UpdateDeleteAndInvokeReachTheProvider()
    {
        var calls = new List<string>();
        Provider.OnUpdate = (r, _) => { calls.Add($"update {r.Id} {r.Preview}"); return Task.FromResult(new UpdateResult(r.NewInputs)); };
        Provider.OnDelete = (r, _) => { calls.Add($"delete {r.Id}"); return Task.CompletedTask; };
        Provider.OnInvoke = (r, _) => { calls.Add($"invoke {r.Token}"); return Task.FromResult(new InvokeResult(r.Args, [new CheckFailure("displayName", "missing")])); };

        var update = await Client.UpdateAsync(new UpdateRequest { Id = "o/e/c1", Urn = Urn, Type = Type, News = Wire.Struct(("endpoint", "https://b")) });
        await Client.DeleteAsync(new DeleteRequest { Id = "o/e/c1", Urn = Urn, Type = Type });
        var invoke = await Client.InvokeAsync(new InvokeRequest { Tok = "confluentflink:index:getFlinkConnection", Args = Wire.Struct(("displayName", "c1")) });

        Assert.That(calls, Is.EqualTo(new[] { "update o/e/c1 False", "delete o/e/c1", "invoke confluentflink:index:getFlinkConnection" }));
        Assert.That(update.Properties.Fields["endpoint"].StringValue, Is.EqualTo("https://b"));
        Assert.That(invoke.Return.Fields["displayName"].StringValue, Is.EqualTo("c1"));
        Assert.That(invoke.Failures.Single().Property, Is.EqualTo("displayName"));
    }

    [Test]
    public async Task CheckConfigAndDiffConfigReachTheProvider()
    {
        Provider.OnCheckConfig = r => new CheckResult(r.NewInputs, [new CheckFailure("maxRetries", "must be an integer")]);
        Provider.OnDiffConfig = _ => new DiffResult(true, ["organizationId"], [], false,
            new Dictionary<string, PropertyDiff> { ["organizationId"] = new(PropertyDiffKind.Update) });

        var check = await Client.CheckConfigAsync(new CheckRequest { Urn = "urn:pulumi:dev::proj::pulumi:providers:confluentflink::default", News = Wire.Struct(("maxRetries", "x")) });
        var diff = await Client.DiffConfigAsync(new DiffRequest { Urn = "urn:pulumi:dev::proj::pulumi:providers:confluentflink::default" });

        Assert.That(check.Failures.Single().Reason, Is.EqualTo("must be an integer"));
        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffSome));
        Assert.That(diff.Diffs, Is.EqualTo(new[] { "organizationId" }));
    }

    [Test]
    public void MethodsTheProviderDoesNotServeAreUnimplemented()
    {
        var calls = new Func<Task>[]
        {
            async () => await Client.CallAsync(new CallRequest()),
            async () => await Client.ConstructAsync(new ConstructRequest()),
            async () => await Client.ParameterizeAsync(new ParameterizeRequest()),
            async () => await Client.GetMappingAsync(new GetMappingRequest()),
            async () => await Client.GetMappingsAsync(new GetMappingsRequest()),
        };

        foreach (var call in calls)
        {
            Assert.That(async () => await call(), Throws.TypeOf<RpcException>().With.Property(nameof(RpcException.StatusCode)).EqualTo(StatusCode.Unimplemented));
        }
    }

    [Test]
    public async Task ResourceInitFailedCarriesTheDetailTheEngineReads()
    {
        Provider.OnCreate = (_, _) => throw new ResourceInitFailedException("o/e/c1",
            PropertyMap.Empty.With("apiKey", PropertyValue.Secret(PropertyValue.Of("k"))).With("status", PropertyValue.Of("FAILED")),
            PropertyMap.Empty.With("endpoint", PropertyValue.Of("https://a")),
            ["the connection was created but did not become ready"]);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct() }))!;

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unknown));
        var status = error.GetRpcStatus();
        Assert.That(status, Is.Not.Null, "grpc-status-details-bin trailer");
        var detail = status!.GetDetail<ErrorResourceInitFailed>();
        Assert.That(detail, Is.Not.Null);
        Assert.That(detail!.Id, Is.EqualTo("o/e/c1"));
        Assert.That(detail.Reasons, Is.EqualTo(new[] { "the connection was created but did not become ready" }));
        Assert.That(Wire.IsSecret(detail.Properties.Fields["apiKey"]), Is.True);
        Assert.That(detail.Inputs.Fields["endpoint"].StringValue, Is.EqualTo("https://a"));
    }

    [Test]
    public void AFailureThatLeftNothingBehindHasNoInitFailedDetail()
    {
        Provider.OnCreate = (_, _) => throw new ConfluentFlink.FlinkApi.FlinkApiException("name taken", System.Net.HttpStatusCode.Conflict);

        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct() }))!;

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
        Assert.That(error.Status.Detail, Is.EqualTo("name taken"));
        Assert.That(error.GetRpcStatus()?.GetDetail<ErrorResourceInitFailed>(), Is.Null);
    }

    [Test]
    public async Task CancelMakesInFlightCallsReturnPromptly()
    {
        var started = new TaskCompletionSource();
        // The fake ignores its token: the protocol layer must still answer.
        Provider.OnCreate = async (_, _) => { started.SetResult(); await Task.Delay(TimeSpan.FromMinutes(5)); return new CreateResult("x", PropertyMap.Empty); };
        Provider.OnDelete = async (_, token) => { await Task.Delay(TimeSpan.FromMinutes(5), token); };

        var create = Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct() }).ResponseAsync;
        var delete = Client.DeleteAsync(new DeleteRequest { Id = "o/e/c1", Urn = Urn, Type = Type }).ResponseAsync;
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Client.CancelAsync(new Empty());

        foreach (var call in new Task[] { create, delete })
        {
            var outcome = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.That(outcome, Is.SameAs(call), "the call did not return after Cancel");
            Assert.That(async () => await call, Throws.TypeOf<RpcException>().With.Property(nameof(RpcException.StatusCode)).EqualTo(StatusCode.Cancelled));
        }
    }

    [Test]
    public async Task AnErrorTheResourceLogicGivesRightAfterCancelIsTheAnswer()
    {
        var started = new TaskCompletionSource();
        Provider.OnCreate = async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), token);
            }
            catch (OperationCanceledException)
            {
                throw new ProviderUserException("the create was cancelled after its request was sent: connection c1 may exist");
            }
            return new CreateResult("c1", PropertyMap.Empty);
        };

        var create = Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct() }).ResponseAsync;
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Client.CancelAsync(new Empty());

        var error = Assert.ThrowsAsync<RpcException>(async () => await create)!;
        Assert.That(error.Status.Detail, Does.Contain("connection c1 may exist"));
    }

    [Test]
    public async Task ACreateThatFinishesRightAfterCancelIsStillRecorded()
    {
        var started = new TaskCompletionSource();
        Provider.OnCreate = async (_, token) =>
        {
            started.SetResult();
            await Task.WhenAny(Task.Delay(TimeSpan.FromMinutes(5), token));
            return new CreateResult("c1", PropertyMap.Empty);
        };

        var create = Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct() }).ResponseAsync;
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Client.CancelAsync(new Empty());

        Assert.That((await create).Id, Is.EqualTo("c1"));
    }

    [Test]
    public async Task ConcurrentCallsAreServedIndependently()
    {
        Provider.OnCreate = async (r, token) =>
        {
            await Task.Delay(20, token);
            return new CreateResult(r.Properties.Get("name") is ConfluentFlink.Provider.Values.StringValue s ? s.Value : "", r.Properties);
        };

        var calls = Enumerable.Range(0, 64).Select(i =>
            Client.CreateAsync(new CreateRequest { Urn = Urn, Type = Type, Properties = Wire.Struct(("name", $"c{i}")) }).ResponseAsync).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r.Id), Is.EqualTo(Enumerable.Range(0, 64).Select(i => $"c{i}")));
    }
}
