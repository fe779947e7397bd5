using ConfluentFlink.Demo;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.Harness;
using ConfluentFlink.Harness.Lifecycle;

// The product at work on this machine: the real plugin executable, started as the Pulumi engine starts it and
// driven through the calls `pulumi preview/up/refresh/import/destroy` make, against the embedded emulator.
// Every step is checked against what a user should see; the exit code says whether all of them matched.

const string Organization = "org-demo";
const string Environment = "env-demo";
const string FlinkKey = "DEMOFLINKKEY";
const string FlinkSecret = "demo-flink-secret-7Hq";
string[] secrets = [FlinkSecret, "demo-openai-key-1", "demo-openai-key-2", "demo-aws-secret-Xv", "demo-aws-token-Pz", "demo-mongo-pass-Qe"];

await using var emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions { ApiKey = FlinkKey, ApiSecret = FlinkSecret });
await using var engineLog = await EngineStub.StartAsync();
await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions
{
    EngineAddress = engineLog.Address,
    // Read only on import, where the API cannot return the credential (seed: USERNAME / PASSWORD).
    Environment = new Dictionary<string, string?> { ["USERNAME"] = "legacy-reader", ["PASSWORD"] = "demo-mongo-pass-Qe" },
});
var endpoint = emulator.BaseAddress.ToString().TrimEnd('/');
Console.WriteLine($"ConfluentFlink.Pulumi demo: plugin listening on port {plugin.Port} (ready in {plugin.StartupTime.TotalMilliseconds:F0} ms), Flink API emulator at {endpoint}");

var engine = new MiniEngine(plugin.Client, "confluentflink:index:FlinkConnection");
var settings = new FlinkSettings(emulator.BaseAddress, Organization, Environment, FlinkKey, FlinkSecret);
await engine.ConfigureAsync(settings.ProviderConfig(), "confluentflink");

// Option #2: settings from provider config. Option #1: settings and the Flink key on the resource itself.
ResourceGoal Chat(string apiKey) => new("chat", Wire.Struct(("displayName", "chat"), ("type", "OPENAI"),
    ("endpoint", "https://api.openai.com/v1/chat/completions"), ("apiKey", Wire.Secret(apiKey))));
ResourceGoal Embeddings(string modelEndpoint) => new("embeddings", settings.OnResource(Wire.Struct(("displayName", "embeddings"), ("type", "BEDROCK"),
    ("endpoint", modelEndpoint), ("awsAccessKey", Wire.Secret("DEMOACCESSKEY")), ("awsSecretKey", Wire.Secret("demo-aws-secret-Xv")),
    ("awsSessionToken", Wire.Secret("demo-aws-token-Pz")))));
var legacy = new ResourceGoal("legacy", Wire.Struct(("displayName", "legacy"), ("type", "MONGODB"), ("endpoint", "mongodb+srv://legacy.example.net"),
    ("username", Wire.Secret("legacy-reader")), ("password", Wire.Secret("demo-mongo-pass-Qe"))));

const string TitanV1 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v1/invoke";
const string TitanV2 = "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2:0/invoke";
var outOfBand = FlinkConnectionsClient.Create(new FlinkApiSettings { RestEndpoint = emulator.BaseAddress, ApiKey = FlinkKey, ApiSecret = FlinkSecret });
var scope = new ConnectionScope(Organization, Environment);

var failures = new List<string>();
var stepCount = 0;
var operationCount = 0;
async Task Run(string operation, string title, Func<Task<IReadOnlyList<Step>>> action, params StepKind[] expected)
{
    StepTable.Header(title);
    var steps = await action();
    StepTable.Print(operation, steps);
    stepCount += steps.Count;
    operationCount++;
    var kinds = steps.Select(s => s.Succeeded ? s.Kind : StepKind.Check).ToArray();
    if (!kinds.SequenceEqual(expected))
        failures.Add($"{title}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", kinds)}]");
}

await Run("preview", "pulumi preview: two new connections", () => engine.PreviewAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Create, StepKind.Create);
await Run("up", "pulumi up: create them", () => engine.UpAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Create, StepKind.Create);
StepTable.Outputs(engine.State["chat"]);
await Run("preview", "pulumi preview: the same program again", () => engine.PreviewAsync([Chat("demo-openai-key-1"), Embeddings(TitanV1)]), StepKind.Same, StepKind.Same);
await Run("up", "pulumi up: rotate the OpenAI key (in place)", () => engine.UpAsync([Chat("demo-openai-key-2"), Embeddings(TitanV1)]), StepKind.Update, StepKind.Same);
await Run("up", "pulumi up: new Bedrock model endpoint (replace)", () => engine.UpAsync([Chat("demo-openai-key-2"), Embeddings(TitanV2)]), StepKind.Same, StepKind.Replace);

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
await Run("destroy", "pulumi destroy", engine.DestroyAsync, StepKind.Delete, StepKind.Delete, StepKind.Delete);

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
