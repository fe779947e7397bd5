using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.Harness;
using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Tests;

/// <summary>What the engine sees of the plugin beyond one resource's rules: its identity, its config, its wire encoding and its errors.</summary>
public sealed class ProtocolTests : ProviderTest
{
    private const string Type = Tokens.FlinkConnection;

    [Test]
    public async Task ThePluginStatesTheSchemasVersionAndServesTheSchema()
    {
        var info = await Stack.Client.GetPluginInfoAsync(new Empty());
        var schema = await Stack.Client.GetSchemaAsync(new GetSchemaRequest());
        Assert.That(info.Version, Is.EqualTo(PackageSpec.Embedded.Version));
        Assert.That(schema.Schema, Is.EqualTo(File.ReadAllText(RepoPaths.SchemaFile)));
    }

    /// <summary>(a config key, its value, a phrase of CheckConfig's failure on that key, which quotes no value marked secret).</summary>
    [TestCase("organizationId", "org-xyz123", "organizationId 'org-xyz123' is not of the form a UUID")]
    [TestCase("environmentId", "lfcp-1", "environmentId 'lfcp-1' is not of the form `env-`")]
    [TestCase("flinkRestEndpoint", "https://flink.us-east-1.aws.confluent.cloud/sql/v1", "use the bare regional endpoint")]
    [TestCase("flinkApiKey", 42, "flinkApiKey must be a string")]
    [TestCase("maxRetries", 11, "maxRetries must be a whole number from 0 to 10")]
    [TestCase("maxRetries", 2.5, "maxRetries must be a whole number from 0 to 10")]
    [TestCase("maxRetries", "many", "maxRetries must be a whole number from 0 to 10")]
    [TestCase("flinkRestEndpoint", "ftp://hidden.example.com", "flinkRestEndpoint is not an https URL", true)]
    public async Task AMalformedConfigValueFailsOnItsKey(string key, object value, string phrase, bool markedSecret = false)
    {
        var config = Stack.ProviderConfig();
        config.Fields[key] = markedSecret ? Wire.Secret(value) : Wire.ToValue(value);

        var failures = await Engine.ConfigureAsync(config);

        Assert.That(failures.Select(f => (f.Property, f.Reason.Contains(phrase, StringComparison.Ordinal))), Is.EqualTo(new[] { (markedSecret ? "" : key, true) }));
    }

    [Test]
    public async Task MaxRetriesMayBeAStringAsPulumiConfigStoresIt()
    {
        var config = Stack.ProviderConfig();
        config.Fields["maxRetries"] = Value.ForString("10");
        Assert.That(await Engine.ConfigureAsync(config), Is.Empty, "the largest number of retries");
        config.Fields["maxRetries"] = Value.ForString("0");
        Assert.That(await Engine.ConfigureAsync(config), Is.Empty);
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 503 });

        var step = (await Engine.UpAsync(OpenAi())).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.Unavailable), "no retry: maxRetries 0");
    }

    [Test]
    public async Task ASecretConfigKeySetInPlainIsKeptSecretAndAChangedKeyIsAnUpdate()
    {
        var config = Stack.ProviderConfig();
        config.Fields["flinkApiSecret"] = Value.ForString(Stack.FlinkSecret);
        var checkedConfig = await Stack.Client.CheckConfigAsync(new CheckRequest { Urn = "", Olds = new Struct(), News = config });
        Assert.That(Wire.IsSecret(checkedConfig.Inputs.Fields["flinkApiSecret"]), Is.True);

        var changed = config.Clone();
        changed.Fields["environmentId"] = Value.ForString("env-other1");
        var diff = await Stack.Client.DiffConfigAsync(new DiffRequest { Urn = "", Olds = config, OldInputs = config, News = changed });
        Assert.That((diff.Changes, diff.Diffs.Single(), diff.Replaces.Count), Is.EqualTo((DiffResponse.Types.DiffChanges.DiffSome, "environmentId", 0)));
    }

    [Test]
    public async Task AnEngineThatSendsOnlyConfigVariablesStillConfiguresTheProvider()
    {
        var request = new ConfigureRequest();
        foreach (var (key, value) in Stack.ProviderConfig().Fields.Where(f => f.Value.KindCase == Value.KindOneofCase.StringValue))
            request.Variables[$"confluentflink:config:{key}"] = value.StringValue;
        Environment["FLINK_API_SECRET"] = Stack.FlinkSecret;
        await Stack.Client.ConfigureAsync(request);

        Assert.That((await Engine.UpAsync(OpenAi())).Single().Error, Is.Null);
    }

    [Test]
    public void AConfigTheProviderCannotUseIsRefusedByConfigure()
    {
        var config = Stack.ProviderConfig();
        config.Fields["organizationId"] = Value.ForString("org-1");
        var failure = Assert.ThrowsAsync<RpcException>(async () => await Stack.Client.ConfigureAsync(new ConfigureRequest { Args = config }));
        Assert.That((failure!.StatusCode, failure.Status.Detail), Is.EqualTo((StatusCode.InvalidArgument,
            "invalid provider configuration: organizationId 'org-1' is not of the form a UUID (e.g. 1111aaaa-11aa-11aa-11aa-111111aaaaaa)")));
    }

    /// <summary>(the call's type token or URN, the phrase of the error).</summary>
    [TestCase("confluentflink:index:Other", "urn:pulumi:dev::p::confluentflink:index:Other::x", "unknown resource type 'confluentflink:index:Other'; this provider manages confluentflink:index:FlinkConnection")]
    [TestCase("", "not-a-urn", "malformed resource URN 'not-a-urn'")]
    public void ACallForAResourceThisProviderDoesNotManageIsRefused(string type, string urn, string message)
    {
        var failure = Assert.ThrowsAsync<RpcException>(async () =>
            await Stack.Client.CheckAsync(new CheckRequest { Type = type, Urn = urn, Olds = new Struct(), News = new Struct() }));
        Assert.That((failure!.StatusCode, failure.Status.Detail), Is.EqualTo((StatusCode.InvalidArgument, message)));
    }

    [Test]
    public async Task OlderEnginesThatSendOnlyTheUrnAreServed()
    {
        var check = await Stack.Client.CheckAsync(new CheckRequest { Urn = Engine.Urn("chat"), Olds = new Struct(), News = OpenAi().Inputs });
        Assert.That(check.Failures, Is.Empty);
    }

    /// <summary>Pulumi's wire forms of secrets and unknowns, including the engine's typed unknowns and output values.</summary>
    [TestCase("04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [TestCase("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [TestCase("3eeb2bf0-c639-47a8-9e75-3b44932eb421")]
    [TestCase("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2")]
    [TestCase("030794c1-ac77-496b-92df-f27374a8bd58")]
    [TestCase("e48ece36-62e2-4504-bad9-02848725956a")]
    [TestCase("dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    public async Task EveryUnknownSentinelOfTheEngineReadsAsNotKnownYet(string sentinel)
    {
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields["endpoint"] = Value.ForString(sentinel);
        Assert.That(await FailuresAsync(inputs), Is.Empty);
    }

    [Test]
    public async Task AStringThatOnlyStartsLikeASentinelAndAnObjectWhoseSignatureIsNoStringArePlainValues()
    {
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields["type"] = Value.ForString("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7x");
        inputs.Fields["organization"] = Value.ForStruct(Wire.Struct((StructCodec.SignatureKey, 1), ("id", TestStack.Organization)));

        var failures = await FailuresAsync(inputs);

        Assert.That(failures.Keys, Is.EquivalentTo(new[] { "type", "organization.4dabf18193072939515e22adb298388d" }));
    }

    [Test]
    public async Task AnOutputValueCarriesItsSecretnessAndItsKnownness()
    {
        Value Output(Value? value, bool secret)
        {
            var output = new Struct { Fields = { [StructCodec.SignatureKey] = Value.ForString(StructCodec.OutputValueSignature), ["secret"] = Value.ForBool(secret) } };
            if (value is not null) output.Fields["value"] = value;
            return Value.ForStruct(output);
        }
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields["apiKey"] = Output(Value.ForString(OpenAiKey), secret: true);
        inputs.Fields["endpoint"] = Output(null, secret: false);
        inputs.Fields["type"] = Output(Value.ForString("OPENAI"), secret: false);
        var hidden = OpenAi().Inputs.Clone();
        hidden.Fields["type"] = Output(Value.ForString("QTDB"), secret: true);

        var check = await Engine.CheckAsync("chat", new Struct(), inputs);
        // Create without Check: the error quotes the type, which must show masked.
        var failure = Assert.ThrowsAsync<RpcException>(async () => await Engine.CreateAsync("chat", hidden));

        Assert.That(check.Failures, Is.Empty);
        Assert.That(Wire.IsSecret(check.Inputs.Fields["apiKey"]), Is.True);
        Assert.That(check.Inputs.Fields["endpoint"].StringValue, Is.EqualTo(StructCodec.UnknownSentinel));
        Assert.That(check.Inputs.Fields["type"].StringValue, Is.EqualTo("OPENAI"));
        Assert.That(failure!.Status.Detail, Does.StartWith("type '[secret]' is not supported; use one of OPENAI"));
    }

    [TestCase("c44067f5952c0a294b673a41bacd8c17", "asset")]
    [TestCase("5cf8f73096256a8f31e491e813e4eb8e", "resource reference")]
    public void AnAssetOrAResourceReferenceIsTheUsersMistakeNamingItsProperty(string signature, string kind)
    {
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields["endpoint"] = Value.ForStruct(new Struct { Fields = { [StructCodec.SignatureKey] = Value.ForString(signature) } });

        var failure = Assert.ThrowsAsync<RpcException>(() => Engine.CheckAsync("chat", new Struct(), inputs));

        Assert.That((failure!.StatusCode, failure.Status.Detail), Is.EqualTo((StatusCode.InvalidArgument,
            $"endpoint holds a value of kind '{kind}', which the confluentflink provider does not accept: use plain values")));
    }

    [Test]
    public async Task AValueTheRequestMarkedSecretIsMaskedWhereverAnErrorQuotesIt()
    {
        var name = Secret("secret-name").ToLowerInvariant();
        Emulator.Store.TryCreate(new FlinkApiEmulator.Store.ConnectionKey(TestStack.Organization, TestStack.Environment, name), "OPENAI", OpenAiEndpoint,
            "PlaintextProvider", "{}", out _);
        // Create without Check, which refuses a secret name: the API itself refuses the duplicate and quotes the name.
        var inputs = Stack.OnResource(OpenAi(name).Inputs);
        inputs.Fields["displayName"] = Wire.Secret(name);

        var failure = Assert.ThrowsAsync<RpcException>(async () => await Stack.Client.CreateAsync(new CreateRequest { Urn = Engine.Urn(name), Type = Type, Properties = inputs }));

        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
        Assert.That(failure.Status.Detail, Does.Contain("[secret]").And.Not.Contain(name));
    }

    [Test]
    public async Task ASecretTheProviderReadsFromItsEnvironmentIsMaskedInItsErrors()
    {
        var held = Secret("held");
        (Environment["FLINK_API_SECRET"], Environment["API_KEY"], Environment["IMPORT_CONFLUENT_ENVIRONMENT_ID"]) = (held, "k", held);

        var import = await Engine.ImportAsync(OpenAi(), TestStack.IdOf("chat"));

        Assert.That(import.Error, Does.Contain("IMPORT_CONFLUENT_ENVIRONMENT_ID is '[secret]'").And.Not.Contain(held));
    }

    [Test]
    public async Task AnErrorQuotingAHugeInputIsCutToStayReadable()
    {
        var inputs = OpenAi().Inputs.Clone();
        inputs.Fields["type"] = Value.ForString(new string('Q', 100_000));

        var failures = await FailuresAsync(inputs);

        Assert.That(failures["type"].Length, Is.LessThan(1000));
        Assert.That(failures["type"], Does.Contain("QQQ...").And.Contain("use one of OPENAI"));
    }

    /// <summary>How the engine starts a plugin: flags, then its own address as the last argument.</summary>
    [TestCase(new string[0], null)]
    [TestCase(new[] { "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--logtostderr", "-v=9", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--tracing", "http://tracing.example.com", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "-tracing", "collector:4317" }, null)]
    public void TheEnginesAddressIsTheLastArgumentAfterItsFlags(string[] args, string? address) =>
        Assert.That(PluginArguments.Parse(args).EngineAddress, Is.EqualTo(address));

    /// <summary>Whatever prints a value that holds a secret (a log line, a debugger, an exception) shows it masked.</summary>
    [Test]
    public void EveryValueThatHoldsASecretPrintsItMasked()
    {
        const string secret = "sk-printed-nowhere";
        var secretSetting = new Configuration.SettingValue(Catalog.Setting("credentials.secret"), secret, Configuration.SettingSource.Environment);
        object[] holders =
        [
            new Values.StringValue(secret),
            Values.PropertyValue.Secret(new Values.StringValue(secret)),
            Values.PropertyMap.Empty.With("apiKey", new Values.StringValue(secret)),
            secretSetting,
            Resources.Input.Known(secret, secret: true),
            Resources.FlinkConnectionArgs.Decode(Values.PropertyMap.Empty.With("apiKey", new Values.StringValue(secret))),
        ];
        Assert.That(holders.Select(h => h.ToString()).Where(text => text!.Contains(secret)), Is.Empty);
        Assert.That(secretSetting.ToString(), Does.Contain("from the environment variable FLINK_API_SECRET"));
    }

    [Test]
    public async Task TheEngineIsToldWhatThePluginAcceptsInHandshakeAndConfigure()
    {
        var handshake = await Stack.Client.HandshakeAsync(new ProviderHandshakeRequest());
        var configure = await Stack.Client.ConfigureAsync(new ConfigureRequest { Args = Stack.ProviderConfig() });
        Assert.That((handshake.AcceptSecrets, handshake.AcceptResources, handshake.AcceptOutputs, handshake.SupportsAutonamingConfiguration),
            Is.EqualTo((true, true, false, true)));
        Assert.That((configure.AcceptSecrets, configure.AcceptResources, configure.AcceptOutputs, configure.SupportsPreview, configure.SupportsAutonamingConfiguration),
            Is.EqualTo((true, true, false, true, true)));
    }

    [Test]
    public async Task EveryChangedConfigKeyIsAnUpdateOfTheProviderAndSeveralMistakesAreReportedTogether()
    {
        var config = Stack.ProviderConfig();
        var without = config.Clone();
        without.Fields.Remove("flinkComputePoolId");
        var diff = await Stack.Client.DiffConfigAsync(new DiffRequest { Urn = "", Olds = config, OldInputs = config, News = without });
        Assert.That((diff.Diffs.Single(), diff.DetailedDiff["flinkComputePoolId"].Kind), Is.EqualTo(("flinkComputePoolId", PropertyDiff.Types.Kind.Update)));

        var wrong = config.Clone();
        (wrong.Fields["organizationId"], wrong.Fields["maxRetries"]) = (Value.ForString("org-1"), Value.ForNumber(-1));
        var failure = Assert.ThrowsAsync<RpcException>(async () => await Stack.Client.ConfigureAsync(new ConfigureRequest { Args = wrong }));
        Assert.That(failure!.Status.Detail, Does.EndWith("(e.g. 1111aaaa-11aa-11aa-11aa-111111aaaaaa); maxRetries must be a whole number from 0 to 10"));
    }

    /// <summary>A Create the engine sends without a passing Check (an older engine, a bug elsewhere) is still refused clearly.</summary>
    [TestCase(false, "organization.id is not set: set `organization.id` on the resource")]
    [TestCase(true, "a Flink setting is not known yet")]
    public async Task ACreateWhoseSettingsAreMissingOrUnknownIsRefused(bool unknown, string message)
    {
        var config = Stack.ProviderConfig();
        if (unknown) config.Fields["organizationId"] = Wire.Unknown;
        else config.Fields.Remove("organizationId");
        Assert.That(await Engine.ConfigureAsync(config), Is.Empty);

        var failure = Assert.ThrowsAsync<RpcException>(async () => await Engine.CreateAsync("chat", OpenAi().Inputs));

        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Status.Detail, Does.StartWith(message));
    }

    [Test]
    public async Task ADetailedDiffComparesInputs()
    {
        await Engine.UpAsync(OpenAi());
        var state = Engine.State["chat"];
        var next = (await Engine.CheckAsync("chat", state.Inputs, OpenAi(apiKey: "sk-rotated-9").Inputs)).Inputs;

        var diff = await Engine.DiffAsync("chat", state.Id, state.Outputs, state.Inputs, next);

        Assert.That((diff.HasDetailedDiff, diff.DetailedDiff["apiKey"].InputDiff, diff.DeleteBeforeReplace), Is.EqualTo((true, true, false)));
    }

    /// <summary>With the engine's --logtostderr, every record goes to stderr too, one line each with its level; never stdout.</summary>
    [Test]
    public async Task EveryRecordIsALineOnStderrWithItsLevel()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(TextWriter.Synchronized(stderr));
        try
        {
            Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 503 });
            await Engine.UpAsync(OpenAi());
        }
        finally
        {
            Console.SetError(original);
        }
        var lines = stderr.ToString().Split('\n');
        Assert.That(lines, Has.Some.Match(@"^\d\d:\d\d:\d\d\.\d{3} warn ConfluentFlink\.Provider: Flink API POST .* failed \(HTTP 503\); retrying"));
        Assert.That(lines, Has.Some.Match(@"^\d\d:\d\d:\d\d\.\d{3} info ConfluentFlink\.Provider: Created connection " + TestStack.IdOf("chat")));
    }

    [Test]
    public async Task AnEngineThatCannotBeReachedLeavesLogsOnStderrAndCallsUnharmed()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(TextWriter.Synchronized(stderr));
        try
        {
            await using var plugin = await Plugin.StartAsync("127.0.0.1:1", _ => null);
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{plugin.Port}");
            var client = new ResourceProvider.ResourceProviderClient(channel);
            await client.CancelAsync(new Empty());
            var info = await client.GetPluginInfoAsync(new Empty());
            Assert.That(info.Version, Is.EqualTo(Plugin.Version));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.That(stderr.ToString(), Does.Contain("confluentflink: cannot forward logs to the engine (Unavailable); they still go to stderr")
            .And.Contain("info ConfluentFlink.Provider.Protocol.ResourceProviderService: The engine cancelled the operation; aborting calls in flight"));
    }

    [Test]
    public void AMethodThePluginDoesNotServeIsUnimplemented()
    {
        var failure = Assert.ThrowsAsync<RpcException>(async () => await Stack.Client.ConstructAsync(new ConstructRequest()));
        Assert.That(failure!.StatusCode, Is.EqualTo(StatusCode.Unimplemented));
    }
}
