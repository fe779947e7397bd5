using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.Harness;
using ConfluentFlink.Schema;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace ConfluentFlink.Provider.Tests;

/// <summary>
/// One in-process plugin, emulator and stub engine per fixture; before each test the emulator is emptied, the plugin's
/// environment cleared and the provider configured again, and a fresh engine (a fresh stack state) is made.
/// </summary>
public abstract class ProviderTest
{
    public const string OpenAiKey = "sk-test-openai-Pq1";
    public const string OpenAiEndpoint = "https://api.openai.com/v1/chat/completions";

    private int _stackNumber;

    /// <summary>What the plugin reads from its environment; tests set variables here.</summary>
    protected Dictionary<string, string> Environment { get; } = new();
    protected TestStack Stack { get; private set; } = null!;
    protected MiniEngine Engine { get; private set; } = null!;
    protected FlinkApiEmulatorServer Emulator => Stack.Emulator;
    protected Dictionary<string, string> Secrets { get; } = new();

    [OneTimeSetUp]
    public async Task StartStack() => Stack = await TestStack.StartAsync(new StackOptions { Environment = Environment, Configured = false });

    [OneTimeTearDown]
    public async Task StopStack() => await Stack.DisposeAsync();

    [SetUp]
    public async Task Reset()
    {
        Environment.Clear();
        Emulator.Store.Clear();
        Emulator.Faults.Clear();
        Emulator.StatusRules.Clear();
        Emulator.Stats.Reset();
        Engine = new MiniEngine(Stack.Client, stack: $"test{Interlocked.Increment(ref _stackNumber)}");
        Assert.That(await Engine.ConfigureAsync(Stack.ProviderConfig()), Is.Empty);
    }

    /// <summary>Everything a user could have seen of this fixture's plugin: each Log call received.</summary>
    [TearDown]
    public void NoSecretPrinted() =>
        Assert.That(SecretScan.FindLeaks(Secrets.Values.Append(Stack.FlinkSecret).Append(OpenAiKey), Stack.EngineLog.Transcript), Is.Empty,
            "a secret reached the engine's log");

    /// <summary>An OPENAI connection with its key as a secret, as most programs give it.</summary>
    protected static ResourceGoal OpenAi(string name = "chat", string apiKey = OpenAiKey, string endpoint = OpenAiEndpoint, params (string, object?)[] more) =>
        new(name, Wire.Struct([("displayName", name), ("type", "OPENAI"), ("endpoint", endpoint), ("apiKey", Wire.Secret(apiKey)), .. more]));

    /// <summary>A fresh secret value, registered for the scan after each test.</summary>
    protected string Secret(string label) => Secrets[label] = $"{label}-{Guid.NewGuid():N}"[..(label.Length + 13)];

    /// <summary>Check's failures for <paramref name="news"/>, by property (one reason per property, joined).</summary>
    protected async Task<IReadOnlyDictionary<string, string>> FailuresAsync(Struct news, string name = "chat")
    {
        var check = await Engine.CheckAsync(name, new Struct(), news);
        return check.Failures.GroupBy(f => f.Property).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(f => f.Reason)));
    }

    /// <summary>The warnings and other records the engine received about one resource, once <paramref name="last"/> (logged after them) has arrived.</summary>
    protected async Task<IReadOnlyList<LogRequest>> LogsAboutAsync(string name, string last)
    {
        var urn = Engine.Urn(name);
        await Stack.EngineLog.WaitForLogAsync(l => l.Urn == urn && l.Message.Contains(last, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        return Stack.EngineLog.Logs.Where(l => l.Urn == urn).ToList();
    }

    protected static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;
}
