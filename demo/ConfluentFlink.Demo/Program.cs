using System.Text.RegularExpressions;
using ConfluentFlink.Demo;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using Pulumirpc;

// The product at work on this machine: the real plugin executable, started as the Pulumi engine starts it and driven
// through the calls `pulumi preview/up/refresh/import/destroy` make, against the embedded emulator. Every step is
// checked against what a user should see; the exit code says whether all of them matched.

const string McpClientSecret = "demo-mcp-client-secret-Jw";
const string McpBearerToken = "demo-mcp-bearer-Rk";
const string SummarizerKey = "demo-summarizer-key-Tb";
const string RevokedKey = "demo-openai-revoked-Vq";
const string MongoPassword = "demo-mongo-pass-Qe";
var secrets = new List<string> { "demo-openai-key-1", "demo-openai-key-2", "demo-openai-key-3", "demo-aws-secret-Xv", "demo-aws-token-Pz",
    MongoPassword, McpClientSecret, McpBearerToken, SummarizerKey, RevokedKey };

await using var stack = await TestStack.StartAsync(new StackOptions
{
    Hosting = PluginHosting.Process,
    // Read only on import, where the API cannot return the credential (the import variables of a MONGODB connection).
    Environment = new Dictionary<string, string> { ["USERNAME"] = "legacy-reader", ["PASSWORD"] = MongoPassword },
});
secrets.Add(stack.FlinkSecret);
var engine = stack.Engine;
Console.WriteLine($"ConfluentFlink.Pulumi demo: plugin {ConfluentFlink.Provider.Plugin.Version} started as the engine starts it, Flink API emulator at {stack.Endpoint}");

// "chat" takes its Flink settings from provider config; "embeddings" carries them, the Flink key included, itself.
ResourceGoal Chat(string apiKey) => new("chat", Wire.Struct(("displayName", "chat"), ("type", "OPENAI"),
    ("endpoint", "https://api.openai.com/v1/chat/completions"), ("apiKey", Wire.Secret(apiKey))));
ResourceGoal Embeddings(string modelEndpoint) => new("embeddings", stack.OnResource(Wire.Struct(("displayName", "embeddings"), ("type", "BEDROCK"),
    ("endpoint", modelEndpoint), ("awsAccessKey", Wire.Secret("DEMOACCESSKEY")), ("awsSecretKey", Wire.Secret("demo-aws-secret-Xv")),
    ("awsSessionToken", Wire.Secret("demo-aws-token-Pz")))));
var legacy = new ResourceGoal("legacy", Wire.Struct(("displayName", "legacy"), ("type", "MONGODB"), ("endpoint", "mongodb+srv://legacy.example.net"),
    ("username", Wire.Secret("legacy-reader")), ("password", Wire.Secret(MongoPassword))));

const string TitanV1 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v1/invoke";
const string TitanV2 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2:0/invoke";

var failures = new List<string>();
var stepCount = 0;
var operationCount = 0;
var logsSeen = 0;
async Task<IReadOnlyList<Step>> Run(string operation, string title, Func<Task<IReadOnlyList<Step>>> action, params StepKind[] expected)
{
    StepTable.Header(title);
    var steps = await action();
    StepTable.Print(operation, steps);
    stepCount += steps.Count;
    operationCount++;
    var kinds = steps.Select(s => s.Succeeded ? s.Kind : StepKind.Check).ToArray();
    if (!kinds.SequenceEqual(expected))
        failures.Add($"{title}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", kinds)}]");
    return steps;
}

void Expect(bool holds, string what)
{
    Console.WriteLine($"   {(holds ? "ok" : "NOT AS EXPECTED")}: {what}");
    if (!holds)
        failures.Add(what);
}

// The warnings the engine received since the last call, as `pulumi up` prints them under their resource.
IReadOnlyList<LogRequest> NewWarnings()
{
    var logs = stack.EngineLog.Logs;
    var fresh = logs.Skip(logsSeen).Where(l => l.Severity == LogSeverity.Warning).ToList();
    logsSeen = logs.Count;
    foreach (var warning in fresh)
        Console.WriteLine($"   warning under {warning.Urn.Split("::")[^1]}: {warning.Message}");
    return fresh;
}

string NoteOf(IReadOnlyList<Step> steps, string resource) => steps.Single(s => s.Resource == resource).Note ?? "";

// What the service holds: the emulator's own record, whose credentials never print (only their key names).
StoredConnection? Stored(string name) => stack.Stored(name);
var emptyBefore = stack.Emulator.Store.Count;

var swapped = new ResourceGoal("chat", Wire.Struct(("displayName", "chat"), ("type", "OPENAI"), ("endpoint", "https://api.openai.com/v1/chat/completions"),
    ("apiKey", Wire.Secret("demo-openai-key-1")), ("environment", Wire.Struct(("id", TestStack.ComputePool)))));
var mistake = await Run("preview", "pulumi preview: a compute pool id given as the environment id (a mistake caught at preview)",
    () => engine.PreviewAsync(swapped), StepKind.Check);
Expect(mistake[0].Failures.Any(f => f.Property == "environment.id" && f.Reason.Contains("env-", StringComparison.Ordinal)) && stack.Emulator.Store.Count == emptyBefore,
    "the failure is on environment.id, shows the expected form env-..., and nothing was written");

await Run("preview", "pulumi preview: two new connections", () => engine.PreviewAsync(Chat("demo-openai-key-1"), Embeddings(TitanV1)), StepKind.Create, StepKind.Create);
await Run("up", "pulumi up: create them", () => engine.UpAsync(Chat("demo-openai-key-1"), Embeddings(TitanV1)), StepKind.Create, StepKind.Create);
StepTable.Outputs(engine.State["chat"]);
await Run("preview", "pulumi preview: the same program again", () => engine.PreviewAsync(Chat("demo-openai-key-1"), Embeddings(TitanV1)), StepKind.Same, StepKind.Same);
await Run("up", "pulumi up: rotate the OpenAI key (in place)", () => engine.UpAsync(Chat("demo-openai-key-2"), Embeddings(TitanV1)), StepKind.Update, StepKind.Same);

stack.Emulator.StatusRules.Set([new StatusRule { CredentialValue = RevokedKey, Phase = "INVALID_AUTH", Detail = "OpenAI answered 401 to the connection's key" }]);
Console.WriteLine("\n   (the service will reject the key 'revoked' below: an emulator status rule answers INVALID_AUTH for it)");
NewWarnings();
await Run("up", "pulumi up: rotate to a key the service rejects", () => engine.UpAsync(Chat(RevokedKey), Embeddings(TitanV1)), StepKind.Update, StepKind.Same);
Expect(NewWarnings() is [{ } warning] && warning.Urn == engine.Urn("chat") && warning.Message.Contains("INVALID_AUTH", StringComparison.Ordinal),
    "one INVALID_AUTH warning under 'chat'; the update itself succeeded, since the connection exists");
await Run("up", "pulumi up: fix the key", () => engine.UpAsync(Chat("demo-openai-key-3"), Embeddings(TitanV1)), StepKind.Update, StepKind.Same);
Expect(NewWarnings().Count == 0 && Stored("chat")?.Status.Phase == "READY", "the warning is gone: the connection is READY again");

var newModel = await Run("up", "pulumi up: new Bedrock model endpoint (replace)", () => engine.UpAsync(Chat("demo-openai-key-3"), Embeddings(TitanV2)),
    StepKind.Same, StepKind.Replace);
Expect(NoteOf(newModel, "embeddings") == "delete before replace", "the program named 'embeddings', so the old connection went before the new one came");

stack.Emulator.Store.Delete(new ConnectionKey(TestStack.Organization, TestStack.Environment, "chat"));
Console.WriteLine("\n   (someone deletes connection 'chat' in the Confluent Cloud console)");
await Run("refresh", "pulumi refresh: notice the out-of-band delete", engine.RefreshAsync, StepKind.Refresh, StepKind.Refresh);
await Run("up", "pulumi up: bring 'chat' back", () => engine.UpAsync(Chat("demo-openai-key-3"), Embeddings(TitanV2)), StepKind.Create, StepKind.Same);

stack.Emulator.Store.TryCreate(new ConnectionKey(TestStack.Organization, TestStack.Environment, "legacy"), "MONGODB", "mongodb+srv://legacy.example.net",
    "PlaintextProvider", $"{{\"USERNAME\":\"legacy-reader\",\"PASSWORD\":\"{MongoPassword}\"}}", out _);
Console.WriteLine("\n   (a MongoDB connection 'legacy' exists, made by hand; USERNAME/PASSWORD are exported for the import)");
await Run("import", $"pulumi import confluentflink:index:FlinkConnection legacy {TestStack.IdOf("legacy")}",
    async () => [await engine.ImportAsync(legacy, TestStack.IdOf("legacy"))], StepKind.Import);
await Run("preview", "pulumi preview: the imported connection matches the program", () => engine.PreviewAsync(Chat("demo-openai-key-3"), Embeddings(TitanV2), legacy),
    StepKind.Same, StepKind.Same, StepKind.Same);

// An MCP server on OAuth, switched to a bearer token in place; and a connection the program does not name.
ResourceGoal Tools(params (string, object?)[] credentials) => new("tools", Wire.Struct(
    [("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com/mcp"), .. credentials]));
var toolsOnOAuth = Tools(("oauth", Wire.Struct(("tokenEndpoint", "https://auth.example.com/oauth2/token"), ("clientId", "flink-tools"),
    ("clientSecret", Wire.Secret(McpClientSecret)), ("scope", "mcp:tools"))));
var toolsOnBearer = Tools(("bearerToken", Wire.Secret(McpBearerToken)));
ResourceGoal Summarizer(string modelEndpoint) => new("summarizer", Wire.Struct(("type", "OPENAI"), ("endpoint", modelEndpoint),
    ("apiKey", Wire.Secret(SummarizerKey))));
ResourceGoal[] Resources(ResourceGoal tools, ResourceGoal summarizer) => [Chat("demo-openai-key-3"), Embeddings(TitanV2), legacy, tools, summarizer];
string GeneratedName() => Wire.Text(engine.State["summarizer"].Outputs, "displayName")!;

await Run("up", "pulumi up: an MCP server on OAuth, and a connection without displayName",
    () => engine.UpAsync(Resources(toolsOnOAuth, Summarizer("https://api.openai.com/v1/chat/completions"))),
    StepKind.Same, StepKind.Same, StepKind.Same, StepKind.Create, StepKind.Create);
var toolsCreated = Stored("tools");
Expect(toolsCreated?.AuthType == "OAUTH2" && toolsCreated.AuthDataKeys.SequenceEqual(["AUTH_TYPE", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE", "OAUTH2_TOKEN_ENDPOINT"]),
    $"'tools' is stored with AUTH_TYPE {toolsCreated?.AuthType}, keys {string.Join(", ", toolsCreated?.AuthDataKeys ?? [])}");
var firstName = GeneratedName();
Console.WriteLine($"   summarizer: the provider named it {firstName}");
Expect(Regex.IsMatch(firstName, "^summarizer-[a-z0-9]{7}$") && Stored(firstName) is not null, $"'{firstName}' is '<resource name>-<7 characters>' and exists");
Expect(engine.State["summarizer"].Inputs.Fields.TryGetValue("__defaults", out var defaults) && defaults.ListValue?.Values.Any(v => v.StringValue == "displayName") == true,
    "its inputs record the name as generated: __defaults [displayName]");

await Run("up", "pulumi up: the MCP server moves from OAuth to a bearer token (in place)",
    () => engine.UpAsync(Resources(toolsOnBearer, Summarizer("https://api.openai.com/v1/chat/completions"))),
    StepKind.Same, StepKind.Same, StepKind.Same, StepKind.Update, StepKind.Same);
var toolsSwitched = Stored("tools");
Expect(toolsSwitched?.Uid == toolsCreated?.Uid && toolsSwitched?.AuthType == "BEARER" && toolsSwitched.AuthDataKeys.SequenceEqual(["AUTH_TYPE", "BEARER_TOKEN"]),
    $"the same 'tools' is stored with AUTH_TYPE {toolsSwitched?.AuthType}, keys {string.Join(", ", toolsSwitched?.AuthDataKeys ?? [])}: nothing of OAuth is left");

var newSummarizerModel = await Run("up", "pulumi up: new endpoint for the connection with the generated name (replace)",
    () => engine.UpAsync(Resources(toolsOnBearer, Summarizer("https://api.openai.com/v1/responses"))),
    StepKind.Same, StepKind.Same, StepKind.Same, StepKind.Same, StepKind.Replace);
var secondName = GeneratedName();
Console.WriteLine($"   summarizer: the replacement is named {secondName}");
Expect(NoteOf(newSummarizerModel, "summarizer") == "create before delete" && secondName != firstName && Stored(secondName) is not null && Stored(firstName) is null,
    $"the generated name was replaced create before delete: {secondName} came, then {firstName} went");

await Run("destroy", "pulumi destroy", engine.DestroyAsync, StepKind.Delete, StepKind.Delete, StepKind.Delete, StepKind.Delete, StepKind.Delete);

if (stack.Emulator.Store.Count != 0)
    failures.Add($"destroy left {stack.Emulator.Store.Count} connection(s) behind");
var leaks = SecretScan.FindLeaks(secrets, stack.Transcript);
Console.WriteLine();
Console.WriteLine($"secret scan of everything the plugin printed and logged to the engine: {leaks.Count} leak(s); engine log lines received: {stack.EngineLog.Logs.Count}");
failures.AddRange(leaks.Select(_ => "a secret appeared in the plugin's output"));

Console.WriteLine(failures.Count == 0
    ? $"demo: {stepCount} steps in {operationCount} operations, every one as expected; emulator empty after destroy; no secret printed."
    : "demo FAILED:\n  " + string.Join("\n  ", failures));
return failures.Count == 0 ? 0 : 1;
