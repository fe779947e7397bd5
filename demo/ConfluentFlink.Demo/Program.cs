using System.Text.RegularExpressions;
using ConfluentFlink.Demo;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Store;
using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;

// The product at work on this machine: the real plugin executable, started as the Pulumi engine starts it and
// driven through the calls `pulumi preview/up/refresh/import/destroy` make, against the embedded emulator.
// Every step is checked against what a user should see; the exit code says whether all of them matched.

const string Organization = "org-demo";
const string Environment = "env-demo";
const string FlinkKey = "DEMOFLINKKEY";
const string FlinkSecret = "demo-flink-secret-7Hq";
const string McpClientSecret = "demo-mcp-client-secret-Jw";
const string McpBearerToken = "demo-mcp-bearer-Rk";
const string SummarizerKey = "demo-summarizer-key-Tb";
string[] secrets = [FlinkSecret, "demo-openai-key-1", "demo-openai-key-2", "demo-aws-secret-Xv", "demo-aws-token-Pz", "demo-mongo-pass-Qe",
    McpClientSecret, McpBearerToken, SummarizerKey];

await using var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiKey = FlinkKey, ApiSecret = FlinkSecret });
await using var engineLog = await EngineStub.StartAsync();
await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions
{
    EngineAddress = engineLog.Address,
    // Read only on import, where the API cannot return the credential (the import variables of a MONGODB connection).
    Environment = new Dictionary<string, string?> { ["USERNAME"] = "legacy-reader", ["PASSWORD"] = "demo-mongo-pass-Qe" },
});
var endpoint = emulator.BaseAddress.ToString().TrimEnd('/');
Console.WriteLine($"ConfluentFlink.Pulumi demo: plugin listening on port {plugin.Port} (ready in {plugin.StartupTime.TotalMilliseconds:F0} ms), Flink API emulator at {endpoint}");

var engine = new MiniEngine(plugin.Client, "confluentflink:index:FlinkConnection");
var settings = new FlinkSettings(emulator.BaseAddress, Organization, Environment, FlinkKey, FlinkSecret);
await engine.ConfigureAsync(settings.ProviderConfig(), "confluentflink");

// "chat" takes its Flink settings from provider config; "embeddings" carries them, the Flink key included, itself.
ResourceGoal Chat(string apiKey) => new("chat", Wire.Struct(("displayName", "chat"), ("type", "OPENAI"),
    ("endpoint", "https://api.openai.com/v1/chat/completions"), ("apiKey", Wire.Secret(apiKey))));
ResourceGoal Embeddings(string modelEndpoint) => new("embeddings", settings.OnResource(Wire.Struct(("displayName", "embeddings"), ("type", "BEDROCK"),
    ("endpoint", modelEndpoint), ("awsAccessKey", Wire.Secret("DEMOACCESSKEY")), ("awsSecretKey", Wire.Secret("demo-aws-secret-Xv")),
    ("awsSessionToken", Wire.Secret("demo-aws-token-Pz")))));
var legacy = new ResourceGoal("legacy", Wire.Struct(("displayName", "legacy"), ("type", "MONGODB"), ("endpoint", "mongodb+srv://legacy.example.net"),
    ("username", Wire.Secret("legacy-reader")), ("password", Wire.Secret("demo-mongo-pass-Qe"))));

const string TitanV1 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v1/invoke";
const string TitanV2 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2:0/invoke";
var outOfBand = FlinkConnectionsClient.Create(new FlinkApiSettings { RestEndpoint = emulator.BaseAddress, ApiKey = FlinkKey, ApiSecret = FlinkSecret, MaxRetries = 0 });
var scope = new ConnectionScope(Organization, Environment);

var failures = new List<string>();
var stepCount = 0;
var operationCount = 0;
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

string NoteOf(IReadOnlyList<Step> steps, string resource) => steps.Single(s => s.Resource == resource).Note ?? "";

// What the service holds: the emulator's own record, whose credentials never print (only their key names).
StoredConnection? Stored(string name) => emulator.Store.Get(new ConnectionKey(Organization, Environment, name));

await Run("preview", "pulumi preview: two new connections", () => engine.PreviewAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Create, StepKind.Create);
await Run("up", "pulumi up: create them", () => engine.UpAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Create, StepKind.Create);
StepTable.Outputs(engine.State["chat"]);
await Run("preview", "pulumi preview: the same program again", () => engine.PreviewAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Same, StepKind.Same);
await Run("up", "pulumi up: rotate the OpenAI key (in place)", () => engine.UpAsync([Chat("demo-openai-key-2"), Embeddings(TitanV1)]), StepKind.Update, StepKind.Same);
var newModel = await Run("up", "pulumi up: new Bedrock model endpoint (replace)", () => engine.UpAsync([Chat("demo-openai-key-2"), Embeddings(TitanV2)]),
    StepKind.Same, StepKind.Replace);
Expect(NoteOf(newModel, "embeddings") == "delete before replace", "the program named 'embeddings', so the old connection went before the new one came");

await outOfBand.DeleteAsync(scope, "chat", CancellationToken.None);
Console.WriteLine("\n   (someone deletes connection 'chat' in the Confluent Cloud console)");
await Run("refresh", "pulumi refresh: notice the out-of-band delete", engine.RefreshAsync, StepKind.Refresh, StepKind.Refresh);
await Run("up", "pulumi up: bring 'chat' back", () => engine.UpAsync([Chat("demo-openai-key-2"), Embeddings(TitanV2)]), StepKind.Create, StepKind.Same);

await outOfBand.CreateAsync(scope, new ConnectionRequest
{
    Name = "legacy", ConnectionType = "MONGODB", Endpoint = "mongodb+srv://legacy.example.net",
    AuthDataJson = "{\"USERNAME\":\"legacy-reader\",\"PASSWORD\":\"demo-mongo-pass-Qe\"}",
}, CancellationToken.None);
Console.WriteLine("\n   (a MongoDB connection 'legacy' exists, made by hand; USERNAME/PASSWORD are exported for the import)");
await Run("import", $"pulumi import confluentflink:index:FlinkConnection legacy {Organization}/{Environment}/legacy",
    async () => [await engine.ImportAsync(legacy, $"{Organization}/{Environment}/legacy")], StepKind.Import);
await Run("preview", "pulumi preview: the imported connection matches the program", () => engine.PreviewAsync([Chat("demo-openai-key-2"), Embeddings(TitanV2), legacy]),
    StepKind.Same, StepKind.Same, StepKind.Same);

// An MCP server on OAuth, switched to a bearer token in place; and a connection the program does not name.
ResourceGoal Tools(params (string, object?)[] credentials) => new("tools", Wire.Struct(
    [("displayName", "tools"), ("type", "MCP_SERVER"), ("endpoint", "https://mcp.example.com/mcp"), .. credentials]));
var toolsOnOAuth = Tools(("oauth", Wire.Struct(("tokenEndpoint", "https://auth.example.com/oauth2/token"), ("clientId", "flink-tools"),
    ("clientSecret", Wire.Secret(McpClientSecret)), ("scope", "mcp:tools"))));
var toolsOnBearer = Tools(("bearerToken", Wire.Secret(McpBearerToken)));
ResourceGoal Summarizer(string modelEndpoint) => new("summarizer", Wire.Struct(("type", "OPENAI"), ("endpoint", modelEndpoint),
    ("apiKey", Wire.Secret(SummarizerKey))));
IEnumerable<ResourceGoal> Resources(ResourceGoal tools, ResourceGoal summarizer) =>
    [Chat("demo-openai-key-2"), Embeddings(TitanV2), legacy, tools, summarizer];
string GeneratedName() => engine.State["summarizer"].Outputs.Fields["displayName"].StringValue;

await Run("up", "pulumi up: an MCP server on OAuth, and a connection without displayName",
    () => engine.UpAsync(Resources(toolsOnOAuth, Summarizer("https://api.openai.com/v1/chat/completions"))),
    StepKind.Same, StepKind.Same, StepKind.Same, StepKind.Create, StepKind.Create);
var toolsCreated = Stored("tools");
Expect(toolsCreated?.AuthType == "OAUTH2" && toolsCreated.AuthDataKeys.SequenceEqual(["AUTH_TYPE", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE", "OAUTH2_TOKEN_ENDPOINT"]),
    $"'tools' is stored with AUTH_TYPE {toolsCreated?.AuthType}, keys {string.Join(", ", toolsCreated?.AuthDataKeys ?? [])}");
var firstName = GeneratedName();
Console.WriteLine($"   summarizer: the provider named it {firstName}");
Expect(Regex.IsMatch(firstName, "^summarizer-[a-z0-9]{7}$") && Stored(firstName) is not null,
    $"'{firstName}' is '<resource name>-<7 characters>' and exists");
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
Expect(NoteOf(newSummarizerModel, "summarizer") == "create before delete" && secondName != firstName
       && Stored(secondName) is not null && Stored(firstName) is null,
    $"the generated name was replaced create before delete: {secondName} came, then {firstName} went");

await Run("destroy", "pulumi destroy", engine.DestroyAsync, StepKind.Delete, StepKind.Delete, StepKind.Delete, StepKind.Delete, StepKind.Delete);

var remaining = await outOfBand.ListAsync(scope, null, CancellationToken.None);
if (remaining.Count != 0)
    failures.Add($"destroy left {remaining.Count} connection(s) behind");
var leaks = SecretScan.FindLeaks(secrets, plugin.Transcript, engineLog.Transcript);
Console.WriteLine();
Console.WriteLine($"secret scan of everything the plugin printed and logged to the engine: {leaks.Count} leak(s); engine log lines received: {engineLog.Logs.Count}");
failures.AddRange(leaks.Select(_ => "a secret appeared in the plugin's output"));

Console.WriteLine(failures.Count == 0
    ? $"demo: {stepCount} steps in {operationCount} operations, every one as expected; emulator empty after destroy; no secret printed."
    : "demo FAILED:\n  " + string.Join("\n  ", failures));
return failures.Count == 0 ? 0 : 1;
