using ConfluentFlink.Schema;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Tests;

/// <summary>Preview, up, refresh and destroy of connections against the emulator, as a user runs them.</summary>
public sealed class LifecycleTests : ProviderTest
{
    [Test]
    public async Task APreviewCallsNothingAndLeavesWhatTheServiceComputesUnknown()
    {
        var steps = await Engine.PreviewAsync(OpenAi());
        Assert.That(steps.Single().Kind, Is.EqualTo(StepKind.Create));
        Assert.That(Emulator.Stats.Snapshot().Total, Is.Zero);

        var create = await Stack.Client.CreateAsync(new CreateRequest
        {
            Urn = Engine.Urn("chat"), Type = Tokens.FlinkConnection, Preview = true,
            Properties = (await Engine.CheckAsync("chat", new Struct(), OpenAi().Inputs)).Inputs,
        });
        Assert.That(Wire.IsSecret(create.Properties.Fields["apiKey"]), Is.True);
        Assert.That(create.Properties.Fields["status"].StringValue, Is.EqualTo(Wire.Unknown.StringValue));
        Assert.That(Wire.Text(create.Properties, "organization.id"), Is.EqualTo(TestStack.Organization), "settings resolved from provider config");

        var secretEndpoint = OpenAi(more: ("restEndpoint", Wire.Secret(Stack.Endpoint)));
        var previewed = await Engine.CreateAsync("chat", (await Engine.CheckAsync("chat", new Struct(), secretEndpoint.Inputs)).Inputs, preview: true);
        Assert.That(Wire.IsSecret(previewed.Properties.Fields["restEndpoint"]), Is.True, "a setting marked secret stays secret");
    }

    [Test]
    public async Task ACreateRecordsTheIdTheSettingsAndTheStatusWithEveryCredentialSecret()
    {
        var up = await Engine.UpAsync(OpenAi());

        Assert.That(up.Single().Succeeded, Is.True, up.Single().Error);
        var state = Engine.State["chat"];
        Assert.That(state.Id, Is.EqualTo(TestStack.IdOf("chat")));
        Assert.That(Stack.Stored("chat")!.AuthData, Is.EqualTo($"{{\"API_KEY\":\"{OpenAiKey}\"}}"));
        Assert.That(Wire.IsSecret(state.Outputs.Fields["apiKey"]), Is.True);
        Assert.That(Wire.PlainStrings(state.Outputs), Does.Not.Contain(OpenAiKey));
        Assert.That(Wire.Text(state.Outputs, "status.phase"), Is.EqualTo("READY"));
        Assert.That(Wire.Text(state.Outputs, "computePool.id"), Is.EqualTo(TestStack.ComputePool));
        Assert.That(Wire.Text(state.Outputs, "apiVersion"), Is.EqualTo("sql/v1"));
        Assert.That(state.Outputs.Fields.ContainsKey("credentials"), Is.False, "the provider's Flink key is not copied into the connection's state");
    }

    private const string OtherFlinkSecret = "other-flink-secret-Vb3";

    /// <summary>(a change to the program after `up`, the step the engine takes, the changed paths).</summary>
    private static IEnumerable<TestCaseData> Changes()
    {
        TestCaseData Case(string name, ResourceGoal next, StepKind kind, params string[] changes) => new TestCaseData(next, kind, changes).SetName(name);
        yield return Case("TheSameProgramIsNoChange", OpenAi(), StepKind.Same);
        yield return Case("ARotatedKeyUpdatesInPlace", OpenAi(apiKey: "sk-rotated-1"), StepKind.Update, "apiKey (update)");
        yield return Case("ANewEndpointReplacesDeletingFirstForANameTheProgramChose", OpenAi(endpoint: "https://api.openai.com/v1/responses"), StepKind.Replace,
            "endpoint (update, replaces)");
        yield return Case("ANewTypeReplaces", OpenAi() with { Inputs = With(OpenAi().Inputs, "type", Value.ForString("AZUREOPENAI")) }, StepKind.Replace,
            "type (update, replaces)");
        yield return Case("ANewNameReplaces", OpenAi() with { Inputs = Rename(OpenAi().Inputs, "chat2") }, StepKind.Replace, "displayName (update, replaces)");
        yield return Case("AnotherEnvironmentReplaces", OpenAi(more: ("environment", Wire.Struct(("id", "env-other")))), StepKind.Replace,
            "environment.id (update, replaces)");
        yield return Case("AnotherComputePoolUpdatesWithoutAnApiCall", OpenAi(more: ("computePool", Wire.Struct(("id", "lfcp-other")))), StepKind.Update,
            "computePool.id (update)");
        yield return Case("AnotherFlinkKeyUpdatesWithoutAnApiCall", OpenAi(more: ("credentials", Wire.Struct(("key", "OTHERKEY"), ("secret", Wire.Secret(OtherFlinkSecret))))),
            StepKind.Update, "credentials.key (update)", "credentials.secret (update)");
        yield return Case("MovingSettingsOntoTheResourceWithTheSameValuesIsNoChange",
            OpenAi(more: [("organization", Wire.Struct(("id", TestStack.Organization))), ("environment", Wire.Struct(("id", TestStack.Environment)))]), StepKind.Same);
        yield return Case("AnIgnoredChangeIsNoChange", OpenAi(apiKey: "sk-rotated-2") with { IgnoreChanges = ["apiKey"] }, StepKind.Same);
    }

    [TestCaseSource(nameof(Changes))]
    public async Task AChangeIsPlannedAndCarriedOutAsTheSchemaSays(ResourceGoal next, StepKind kind, string[] changes)
    {
        await Engine.UpAsync(OpenAi());
        var before = Stack.Stored("chat")!;

        var step = (await Engine.UpAsync(next)).Single();

        Assert.That((step.Kind, step.Error), Is.EqualTo((kind, (string?)null)));
        Assert.That(step.Changes, Is.EqualTo(changes));
        if (kind == StepKind.Replace)
            Assert.That(step.Note, Is.EqualTo("delete before replace"));
        var credentialsSent = kind == StepKind.Update && changes[0].StartsWith("apiKey", StringComparison.Ordinal);
        if (credentialsSent)
            Assert.That(Stack.Stored("chat")!.ResourceVersion, Is.Not.EqualTo(before.ResourceVersion));
        if (kind == StepKind.Update)
        {
            Assert.That(Emulator.Stats.Snapshot().Method("PUT"), Is.EqualTo(credentialsSent ? 1 : 0));
            var paths = changes.Select(c => c.Split(' ')[0]);
            Assert.That(paths.Select(p => Wire.Text(Engine.State["chat"].Outputs, p)), Is.EqualTo(paths.Select(p => Wire.Text(next.Inputs, p))), "recorded");
            Assert.That(Wire.PlainStrings(Engine.State["chat"].Outputs), Has.None.EqualTo(OtherFlinkSecret));
        }
        if (kind != StepKind.Replace)
            Assert.That(Emulator.Stats.Snapshot().Method("POST"), Is.EqualTo(1), "nothing was created again");
    }

    [Test]
    public async Task AValueNotKnownAtPreviewMayReplaceAndIsNeverSentToTheApi()
    {
        await Engine.UpAsync(OpenAi());
        var unknown = OpenAi() with { Inputs = With(OpenAi().Inputs, "endpoint", Wire.Unknown) };

        var preview = (await Engine.PreviewAsync(unknown)).Single();
        var create = Assert.ThrowsAsync<RpcException>(async () => await Engine.CreateAsync("other", With(unknown.Inputs, "displayName", Value.ForString("other"))));
        var update = Assert.ThrowsAsync<RpcException>(async () => await Stack.Client.UpdateAsync(new UpdateRequest
        {
            Urn = Engine.Urn("chat"), Type = Tokens.FlinkConnection, Id = TestStack.IdOf("chat"), Olds = Engine.State["chat"].Outputs,
            OldInputs = OpenAi().Inputs, News = unknown.Inputs,
        }));

        Assert.That((preview.Kind, preview.Changes.Single()), Is.EqualTo((StepKind.Replace, "endpoint (update, replaces)")));
        Assert.That(new[] { create!.Status.Detail, update!.Status.Detail }, Has.All.EqualTo("endpoint must be known, non-empty values to create or update a connection"));
        Assert.That(Emulator.Stats.Snapshot().Method("POST"), Is.EqualTo(1));
    }

    [Test]
    public async Task TheFlinkKeyMayMoveOntoTheResourceOrRotateInConfigWithoutAChange()
    {
        await Engine.UpAsync(OpenAi());
        var onResource = OpenAi(more: ("credentials", Wire.Struct(("key", TestStack.FlinkKey), ("secret", Wire.Secret(Stack.FlinkSecret)))));
        Assert.That((await Engine.PreviewAsync(onResource)).Single().Kind, Is.EqualTo(StepKind.Same));

        var rotated = Stack.ProviderConfig();
        rotated.Fields["flinkApiKey"] = Value.ForString("ROTATEDKEY");
        Assert.That(await Engine.ConfigureAsync(rotated), Is.Empty);
        Assert.That((await Engine.PreviewAsync(OpenAi())).Single().Kind, Is.EqualTo(StepKind.Same));
    }

    [Test]
    public async Task ASwitchToAnotherCredentialGroupSendsOnlyTheNewGroup()
    {
        ResourceGoal Tools(params (string, object?)[] credentials) =>
            new("tools", Wire.Struct([("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com"), .. credentials]));
        await Engine.UpAsync(Tools(("username", "u"), ("password", Wire.Secret(Secret("password")))));
        Assert.That(Stack.Stored("tools")!.AuthType, Is.EqualTo("BASIC"));

        var step = (await Engine.UpAsync(Tools(("bearerToken", Wire.Secret(Secret("bearer")))))).Single();

        Assert.That((step.Kind, string.Join(", ", step.Changes)), Is.EqualTo((StepKind.Update, "bearerToken (add), password (delete), username (delete)")));
        Assert.That(Stack.Stored("tools")!.AuthDataKeys, Is.EqualTo(new[] { "AUTH_TYPE", "BEARER_TOKEN" }));
    }

    [Test]
    public async Task RefreshNoticesAConnectionDeletedOrChangedOutsidePulumi()
    {
        await Engine.UpAsync(OpenAi("gone"), OpenAi("drifted"));
        Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "gone"));
        var stored = Stack.Stored("drifted")!;
        Emulator.Store.Delete(stored.Key);
        Emulator.Store.TryCreate(stored.Key, stored.ConnectionType, "https://api.openai.com/v2/chat", stored.AuthDataKind, stored.AuthData, out _);

        var refresh = await Engine.RefreshAsync();

        Assert.That(refresh.Single(s => s.Resource == "gone").Note, Is.EqualTo(MiniEngine.GoneNote));
        Assert.That(Engine.State.ContainsKey("gone"), Is.False);
        Assert.That(Wire.Text(Engine.State["drifted"].Inputs, "endpoint"), Is.EqualTo("https://api.openai.com/v2/chat"));
        Assert.That((await Engine.PreviewAsync(OpenAi("drifted"))).Single().Kind, Is.EqualTo(StepKind.Replace), "the program's endpoint is set again");
    }

    [Test]
    public async Task DestroyDeletesAndAConnectionAlreadyGoneIsNoError()
    {
        await Engine.UpAsync(OpenAi("a"), OpenAi("b"));
        Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "b"));

        var destroy = await Engine.DestroyAsync();

        Assert.That(destroy.Select(s => s.Error), Is.All.Null);
        Assert.That(Emulator.Store.Count, Is.Zero);
    }

    [Test]
    public async Task AnUpdateOfAConnectionDeletedOutsidePulumiSaysToRefresh()
    {
        await Engine.UpAsync(OpenAi());
        Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "chat"));

        var step = (await Engine.UpAsync(OpenAi(apiKey: "sk-rotated-3"))).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.NotFound));
        Assert.That(step.Error, Does.Contain("run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again"));
    }

    [Test]
    public async Task CreatingOverAnExistingConnectionSaysHowToImportIt()
    {
        await Engine.UpAsync(OpenAi());
        var other = new MiniEngine(Stack.Client, stack: "other");
        Assert.That(await other.ConfigureAsync(Stack.ProviderConfig()), Is.Empty);

        var step = (await other.UpAsync(OpenAi())).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.AlreadyExists));
        Assert.That(step.Error, Does.Contain($"pulumi import confluentflink:index:FlinkConnection chat {TestStack.IdOf("chat")}"));
        Assert.That(other.State, Is.Empty, "a failure that left nothing behind records nothing");
    }

    [Test]
    public async Task AConnectionCreatedByAnAttemptWhoseAnswerWasLostIsAdoptedWithTheProgramsCredentials()
    {
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "POST" });

        var step = (await Engine.UpAsync(OpenAi())).Single();

        Assert.That(step.Error, Is.Null);
        Assert.That(Emulator.Stats.Snapshot().Method("PUT"), Is.EqualTo(1), "the API masks credentials, so the adopted connection gets ours");
        Assert.That(Engine.State["chat"].Id, Is.EqualTo(TestStack.IdOf("chat")));
        Assert.That((await LogsAboutAsync("chat", "adopting it")).Where(l => l.Severity == LogSeverity.Warning).Select(l => l.Message), Has.Member(
            $"Connection {TestStack.IdOf("chat")} was created by an earlier attempt whose answer was lost; adopting it"));
    }

    [Test]
    public async Task AnAdoptedConnectionWhoseCredentialsCannotBeSetIsRecordedAsHalfCreated()
    {
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "POST", FailNext = 10, FailStatus = 400, FailMethod = "PUT" });

        // A key whose text the API's error happens to repeat: masked in the message and in the reasons the engine prints.
        var step = (await Engine.UpAsync(OpenAi(apiKey: "Injected Fault"))).Single();

        const string masked = "the connection exists, but setting its credentials failed: Confluent API 400 injected_fault: [secret]: The emulator was told to answer 400.";
        Assert.That(step.Error, Does.StartWith($"Unknown: {masked}").And.Contain($"({masked}").And.Not.Contain("Injected Fault"));
        Assert.That(Engine.State["chat"].Id, Is.EqualTo(TestStack.IdOf("chat")), "recorded from ErrorResourceInitFailed, so the next up continues");
        Assert.That(Wire.IsSecret(Engine.State["chat"].Outputs.Fields["apiKey"]), Is.True);
    }

    [Test]
    public async Task ACreateWhoseOutcomeCannotBeFoundOutSaysTheConnectionMayExistAndHowToImportIt()
    {
        // The create commits but its answer is lost, and every lookup that would find out fails too.
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "POST", FailNext = 1000, FailMethod = "GET" });

        var step = (await Engine.UpAsync(OpenAi())).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.Unavailable));
        Assert.That(step.Error, Does.Contain("may exist").And.Contain($"pulumi import confluentflink:index:FlinkConnection chat {TestStack.IdOf("chat")}"));
    }

    [Test]
    public async Task ACustomTimeoutBoundsTheOperationAndIsNamed()
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 10, HoldMs = 60_000 });

        var step = (await Engine.UpAsync(OpenAi() with { CustomTimeoutSeconds = 2 })).Single();

        Assert.That(step.Error, Does.Contain("did not finish within the 2 s custom timeout"));
    }

    [Test]
    public async Task ARefusedKeyNamesItsIdWhereItCameFromAndTheKindOfKeyNeeded()
    {
        var wrong = Stack.ProviderConfig();
        wrong.Fields["flinkApiSecret"] = Wire.Secret(Secret("wrong-secret"));
        Assert.That(await Engine.ConfigureAsync(wrong), Is.Empty);

        var step = (await Engine.UpAsync(OpenAi())).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(step.Error, Does.EndWith($"). The Flink API key '{TestStack.FlinkKey}' (from the provider config `confluentflink:flinkApiKey`) was not " +
            $"accepted by {Stack.Endpoint}: a Flink API key of that region is needed (a Cloud API key or a Kafka cluster key does not work there). " +
            "Fix the key pair in `credentials` on the resource, in the provider config `confluentflink:flinkApiKey`/`flinkApiSecret`, or in FLINK_API_KEY/FLINK_API_SECRET."));
    }

    [Test]
    public async Task AForbiddenKeyNamesItsIdAndThePermissionItsPrincipalLacks()
    {
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 403 });
        Environment["FLINK_API_KEY"] = "ENVKEY";
        var goal = OpenAi(more: ("credentials", Wire.Struct(("key", TestStack.FlinkKey), ("secret", Wire.Secret(Stack.FlinkSecret)))));

        var step = (await Engine.UpAsync(goal)).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(step.Error, Does.Contain($"The principal of the Flink API key '{TestStack.FlinkKey}' (from `credentials.key` on the resource)")
            .And.Contain($"lacks the permission or role to manage Flink connections in organization {TestStack.Organization}, environment {TestStack.Environment}"));
    }

    /// <summary>(the phase the service reports, the severity under the resource, the message).</summary>
    [TestCase("INVALID_AUTH", LogSeverity.Warning,
        "Connection chat is INVALID_AUTH (the service said no): the credentials were stored, but the service rejects them: fix them and run `pulumi up`")]
    [TestCase("UNREACHABLE", LogSeverity.Warning, "Connection chat is UNREACHABLE (the service said no): Flink cannot reach " + OpenAiEndpoint +
                                                  "; check the endpoint, and that the service accepts connections from Confluent Cloud")]
    [TestCase("DEGRADED_SOMEHOW", LogSeverity.Info, "Connection chat reports status DEGRADED_SOMEHOW (the service said no)")]
    public async Task AStatusTheServiceCannotUseIsShownUnderTheResourceWithoutItsSecrets(string phase, LogSeverity severity, string message)
    {
        var key = Secret("rejected-key");
        Emulator.StatusRules.Set([new StatusRule { CredentialValue = key, Phase = phase, Detail = "the service said no" }]);

        var step = (await Engine.UpAsync(OpenAi(apiKey: key))).Single();
        await Engine.DestroyAsync();

        Assert.That(step.Error, Is.Null, "the connection exists, so the operation succeeds");
        var about = await LogsAboutAsync("chat", "Deleted connection");
        Assert.That(about.Where(l => l.Message.Contains(phase, StringComparison.Ordinal)).Select(l => (l.Severity, l.Message)),
            Is.EqualTo(new[] { (severity, message) }));
    }

    [Test]
    public async Task AReadyConnectionGivesNoStatusMessageAndAWarningGoesOnceTheKeyIsFixed()
    {
        var key = Secret("rejected-key");
        Emulator.StatusRules.Set([new StatusRule { CredentialValue = key, Phase = "INVALID_AUTH" }]);
        await Engine.UpAsync(OpenAi());
        await Engine.UpAsync(OpenAi(apiKey: key));
        await Engine.UpAsync(OpenAi());
        await Engine.RefreshAsync();
        await Engine.DestroyAsync();

        var about = await LogsAboutAsync("chat", "Deleted connection");
        Assert.That(about.Count(l => l.Severity == LogSeverity.Warning), Is.EqualTo(1), string.Join("\n", about.Select(l => l.Message)));
    }

    [Test]
    public async Task EachRetryIsOneWarningUnderItsResource()
    {
        Emulator.Faults.Set(new FaultPlan { FailNext = 1, FailStatus = 503 });

        await Engine.UpAsync(OpenAi());
        await Engine.DestroyAsync();

        var retries = (await LogsAboutAsync("chat", "Deleted connection")).Where(l => l.Message.Contains("retrying", StringComparison.Ordinal)).ToList();
        Assert.That(retries.Select(r => (r.Severity, r.Message.Contains("POST") && r.Message.Contains("HTTP 503") && r.Message.Contains("attempt 2 of 3"))),
            Is.EqualTo(new[] { (LogSeverity.Warning, true) }));
    }

    [Test]
    public async Task CancelEndsACallInFlightAndACreateAlreadySentMayExist()
    {
        Emulator.Faults.Set(new FaultPlan { HoldNext = 1, HoldMs = 60_000 });
        var up = Engine.UpAsync(OpenAi());
        while (Emulator.Stats.Snapshot().Unanswered == 0) await Task.Delay(10);

        await Stack.Client.CancelAsync(new Empty());
        var step = (await up).Single();

        Assert.That(step.Status, Is.EqualTo(StatusCode.Cancelled));
        Assert.That(step.Error, Does.Contain("may exist").And.Contain("pulumi import"));
        await RestartPluginAsync();
    }

    [Test]
    public async Task AnAdoptedConnectionIsRecordedEvenWhenTheEngineCancelsBeforeItsCredentialsAreSet()
    {
        Emulator.Faults.Set(new FaultPlan { CommitThenFailNext = 1, CommitThenFailStatus = 503, CommitThenFailMethod = "POST", HoldNext = 1, HoldMethod = "PUT", HoldMs = 60_000 });
        var up = Engine.UpAsync(OpenAi());
        while (Emulator.Stats.Snapshot().Unanswered == 0) await Task.Delay(10);

        await Stack.Client.CancelAsync(new Empty());
        var step = (await up).Single();

        Assert.That(step.Error, Does.Contain("the connection exists, but setting its credentials failed"));
        Assert.That(Engine.State["chat"].Id, Is.EqualTo(TestStack.IdOf("chat")));
        await RestartPluginAsync();
    }

    private static Struct Rename(Struct inputs, string name) => With(inputs, "displayName", Value.ForString(name));

    private static Struct With(Struct inputs, string property, Value value)
    {
        var changed = inputs.Clone();
        changed.Fields[property] = value;
        return changed;
    }

    // The engine's Cancel ends the provider for good; the next test gets a fresh plugin.
    private async Task RestartPluginAsync()
    {
        await StopStack();
        await StartStack();
    }

    [Test]
    public async Task EachOperationSaysUnderItsResourceWhatItDid()
    {
        await Engine.UpAsync(OpenAi());
        await Engine.UpAsync(OpenAi(apiKey: "sk-rotated-4"));
        Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "chat"));
        await Engine.RefreshAsync();
        await Engine.UpAsync(OpenAi());
        Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "chat"));
        await Engine.DestroyAsync();

        var about = await LogsAboutAsync("chat", "was already gone");
        var id = TestStack.IdOf("chat");
        Assert.That(about.Select(l => (l.Severity, l.Message)), Is.EqualTo(new[]
        {
            (LogSeverity.Info, $"Created connection {id}"), (LogSeverity.Info, $"Updated the credentials of connection {id}"),
            (LogSeverity.Info, $"Connection {id} no longer exists"), (LogSeverity.Info, $"Created connection {id}"),
            (LogSeverity.Info, $"Connection {id} was already gone"),
        }));
    }

    /// <summary>(the API's answer after retries, the gRPC status the engine acts on).</summary>
    [TestCase(400, StatusCode.InvalidArgument)]
    [TestCase(422, StatusCode.InvalidArgument)]
    [TestCase(409, StatusCode.AlreadyExists)]
    [TestCase(418, StatusCode.Unknown)]
    [TestCase(429, StatusCode.ResourceExhausted)]
    [TestCase(500, StatusCode.Unavailable)]
    [TestCase(503, StatusCode.Unavailable)]
    public async Task AnApiFailureReachesTheEngineAsAStatusItActsOn(int status, StatusCode code)
    {
        await Engine.UpAsync(OpenAi());
        Emulator.Faults.Set(new FaultPlan { FailNext = 10, FailStatus = status });

        var step = (await Engine.RefreshAsync()).Single();

        Assert.That(step.Status, Is.EqualTo(code));
        Assert.That(step.Error, Does.StartWith($"{code}: Confluent API {status} injected_fault: Injected Fault: The emulator was told to answer {status}. (request id "));
    }

    [Test]
    public async Task AConnectionIsReadWhereItsStateSaysItIsWhateverTheProviderConfigSaysNow()
    {
        await Engine.UpAsync(OpenAi());
        var moved = Stack.ProviderConfig();
        moved.Fields["environmentId"] = Value.ForString("env-other1");
        Assert.That(await Engine.ConfigureAsync(moved), Is.Empty);

        var refresh = (await Engine.RefreshAsync()).Single();

        Assert.That((refresh.Error, refresh.Note), Is.EqualTo(((string?)null, (string?)null)), "found where it was created");
        Assert.That((await Engine.PreviewAsync(OpenAi())).Single().Kind, Is.EqualTo(StepKind.Replace), "the program now asks for another environment");
    }

    [Test]
    public async Task AStateThatRecordsNoInputsOrAnOlderIdIsReadDiffedAndDeleted()
    {
        await Engine.UpAsync(OpenAi());
        var state = Engine.State["chat"];

        var read = await Engine.ReadAsync("chat", state.Id, state.Outputs, new Struct());
        var diff = await Engine.DiffAsync("chat", state.Id, state.Outputs, new Struct(), OpenAi().Inputs);
        await Engine.DeleteAsync("chat", state.Id, state.Outputs, new Struct());
        // An id in state is only split, never judged by today's forms of Confluent's ids.
        await Engine.DeleteAsync("chat", "org-legacy1/env-test1/chat", state.Outputs, state.Inputs);

        Assert.That(Wire.Text(read.Inputs, "endpoint"), Is.EqualTo(OpenAiEndpoint));
        Assert.That(diff.Changes, Is.EqualTo(DiffResponse.Types.DiffChanges.DiffNone));
        Assert.That(Emulator.Store.Count, Is.Zero);
    }

    [Test]
    public async Task AConnectionIsDeletedWithTheFlinkKeyItWasManagedWithOnTheResource()
    {
        var goal = OpenAi(more: ("credentials", Wire.Struct(("key", TestStack.FlinkKey), ("secret", Wire.Secret(Stack.FlinkSecret)))));
        await Engine.UpAsync(goal);
        var wrong = Stack.ProviderConfig();
        wrong.Fields["flinkApiSecret"] = Wire.Secret(Secret("other-secret"));
        Assert.That(await Engine.ConfigureAsync(wrong), Is.Empty);

        Assert.That((await Engine.DestroyAsync()).Single().Error, Is.Null);
        Assert.That(Emulator.Store.Count, Is.Zero);
    }

    [Test]
    public async Task ChangingOneCredentialOfAGroupSendsTheWholeGroupAgain()
    {
        ResourceGoal Mongo(string password) => new("db", Wire.Struct(("displayName", "db"), ("type", "MONGODB"), ("endpoint", "mongodb+srv://db.example.net"),
            ("username", Wire.Secret("reader")), ("password", Wire.Secret(password))));
        await Engine.UpAsync(Mongo(Secret("password-1")));
        var second = Secret("password-2");

        var step = (await Engine.UpAsync(Mongo(second))).Single();

        Assert.That((step.Kind, step.Changes.Single()), Is.EqualTo((StepKind.Update, "password (update)")));
        Assert.That(Stack.Stored("db")!.AuthData, Is.EqualTo($"{{\"USERNAME\":\"reader\",\"PASSWORD\":\"{second}\"}}"));
        Assert.That(Wire.Text(Engine.State["db"].Outputs, "status.phase"), Is.EqualTo("READY"), "the update's outputs are recorded");
    }

    [Test]
    public async Task ARefusedKeyWhoseSecretCameFromElsewhereNamesBothPlaces()
    {
        var config = Stack.ProviderConfig();
        config.Fields.Remove("flinkApiSecret");
        Assert.That(await Engine.ConfigureAsync(config), Is.Empty);
        Environment["FLINK_API_SECRET"] = Secret("wrong-secret");

        var step = (await Engine.UpAsync(OpenAi())).Single();

        Assert.That(step.Error, Does.Contain($"The Flink API key '{TestStack.FlinkKey}' (from the provider config `confluentflink:flinkApiKey`, its secret from " +
                                             $"the environment variable FLINK_API_SECRET) was not accepted by {Stack.Endpoint}"));
    }

    [Test]
    public async Task AnActiveConnectionGivesNoMessageAndACredentialInTheStatusDetailIsMasked()
    {
        await Engine.UpAsync(OpenAi("active"), OpenAi("echo"));
        Emulator.Store.SetStatus(new ConnectionKey(TestStack.Organization, TestStack.Environment, "active"), new("ACTIVE", "fine"));
        Emulator.Store.SetStatus(new ConnectionKey(TestStack.Organization, TestStack.Environment, "echo"), new("INVALID_AUTH", $"key {OpenAiKey} was refused"));

        await Engine.RefreshAsync();
        await Engine.DestroyAsync();

        Assert.That((await LogsAboutAsync("active", "Deleted connection")).Select(l => l.Message), Has.None.Contains("ACTIVE"));
        Assert.That((await LogsAboutAsync("echo", "Deleted connection")).Single(l => l.Severity == LogSeverity.Warning).Message,
            Does.Contain("(key [secret] was refused)"));
    }
}
