using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.Harness;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>Distinctive secrets, so a scan of logs and messages can tell a leak from a coincidence.</summary>
internal static class TestSecrets
{
    public const string ApiKey = "TESTKEY4711";
    public const string ApiSecret = "apisecret-Zq8Lr2Xw9Vt5";
    /// <summary>Part of every credential value the tests send.</summary>
    public const string CredentialValue = "sk-credential-Hm3Kp7Wd1Yf6";
    public static readonly string BasicParameter = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiSecret}"));
    public static readonly string[] All = [ApiSecret, CredentialValue, BasicParameter];
}

/// <summary>auth_data.data documents, with <see cref="TestSecrets.CredentialValue"/> in every credential.</summary>
internal static class AuthDataSamples
{
    /// <summary>One accepted auth_data per connection type (connection-types.md); the types with a choice take different groups.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByType = new Dictionary<string, string[]>
    {
        ["OPENAI"] = ["API_KEY"], ["AZUREML"] = ["API_KEY"], ["AZUREOPENAI"] = ["API_KEY"], ["GOOGLEAI"] = ["API_KEY"],
        ["PINECONE"] = ["API_KEY"], ["ANTHROPIC"] = ["API_KEY"], ["FIREWORKSAI"] = ["API_KEY"], ["COSMOSDB"] = ["API_KEY"],
        ["BEDROCK"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], ["S3VECTORS"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        ["SAGEMAKER"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"], ["VERTEXAI"] = ["SERVICE_KEY"],
        ["MONGODB"] = ["USERNAME", "PASSWORD"], ["COUCHBASE"] = ["USERNAME", "PASSWORD"], ["CONFLUENT_JDBC"] = ["USERNAME", "PASSWORD"],
        ["ELASTIC"] = ["AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"], ["A2A"] = ["AUTH_TYPE=BEARER", "BEARER_TOKEN"],
        ["REST"] = ["AUTH_TYPE=OAUTH2", "OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE"],
        ["MCP_SERVER"] = ["AUTH_TYPE=API_KEY", "API_KEY", "TRANSPORT_TYPE=SSE", "SSE_ENDPOINT"],
    };

    public static string For(string connectionType) => Data(ByType[connectionType]);

    /// <summary>A JSON object: <c>"KEY=value"</c> gives KEY that value (a label, or empty); a bare <c>"KEY"</c> gets a credential.</summary>
    public static string Data(params string[] entries) => JsonSerializer.Serialize(entries.Select(Entry).ToDictionary(e => e.Key, e => e.Value));

    public static (string Key, string Value) Entry(string entry) =>
        entry.Split('=', 2) is [var key, var value] ? (key, value) : (entry, $"{TestSecrets.CredentialValue}-{entry.ToLowerInvariant()}");
}

/// <summary>Base of every client test: one log for the client (and the emulator), scanned for the secrets after each test, as is each exception caught.</summary>
public abstract class ClientTest
{
    private protected const string Version = "1.2.3";
    private protected static readonly EnvironmentAddress Environment = new("0b6a1b0e-1111-4c2d-9e8f-000000000001", "env-abc123");
    private protected readonly RecordingLog Log = new();

    [SetUp]
    public void StartRecording() => Log.Clear();

    [TearDown]
    public void NoSecretLeaked() => Assert.That(SecretScan.FindLeaks(TestSecrets.All, [.. Log.Lines]), Is.Empty, "a secret in a log line");

    private protected static ConnectionAddress Address(string name) => Environment.Connection(name);

    private protected static NewConnection New(string type = "OPENAI", string endpoint = "https://api.openai.com/v1/chat/completions",
        string? authData = null) => new(type, endpoint, authData ?? AuthDataSamples.For(type));

    /// <summary>Short backoff and lookups keep the suite fast; other bounds stay generous unless a test is about them.</summary>
    private protected static FlinkApiSettings Settings(Uri endpoint, int maxRetries = 2) => new()
    {
        RestEndpoint = endpoint, ApiKey = TestSecrets.ApiKey, ApiSecret = TestSecrets.ApiSecret, MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), LookupTimeout = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(30),
    };

    private protected IFlinkConnectionsClient Client(FlinkApiSettings settings, HttpMessageHandler? handler = null) =>
        FlinkConnectionsClient.Create(settings, Version, Log.CreateLogger("FlinkApiClient"), handler);

    /// <summary>A regular expression for <paramref name="text"/> in which * stands for any text.</summary>
    private protected static string Pattern(string text) => "^" + System.Text.RegularExpressions.Regex.Escape(text).Replace(@"\*", ".*") + "$";

    /// <summary>Waits for a state that no event announces, such as a request being held.</summary>
    private protected static async Task Until(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(10, guard.Token);
    }

    /// <summary>Awaits <paramref name="call"/>, expects <typeparamref name="TException"/>, and scans its text for the secrets.</summary>
    private protected async Task<TException> Expect<TException>(Func<Task> call) where TException : Exception
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            Assert.That(ex, Is.InstanceOf<TException>(), () => $"unexpected exception: {ex}");
            Assert.That(SecretScan.FindLeaks(TestSecrets.All, ex.ToString()), Is.Empty, "a secret in an exception");
            return (TException)ex;
        }
        throw new AssertionException($"expected {typeof(TException).Name}, but the call succeeded");
    }
}

/// <summary>One in-process emulator per fixture, emptied before each test; it logs into the test's log.</summary>
public abstract class EmulatorTest : ClientTest
{
    private protected FlinkApiEmulatorServer Emulator = null!;
    private protected EmulatorAdminClient Admin = null!;
    /// <summary>The emulator's clock; moving it back makes a connection look made long ago.</summary>
    private protected readonly ShiftedClock Clock = new();

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        Emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions
            { ApiKey = TestSecrets.ApiKey, ApiSecret = TestSecrets.ApiSecret, MinimumLogLevel = LogLevel.Trace, LoggerProvider = Log, Clock = Clock });
        Admin = Emulator.CreateAdminClient();
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
    }

    [SetUp]
    public async Task ResetEmulator()
    {
        Clock.Offset = TimeSpan.Zero;
        // A request the last test left held goes when its client gives up; it must not count in this test.
        await Until(() => Emulator.Stats.Snapshot().Unanswered == 0);
        await Admin.ResetAsync();
    }

    private protected IFlinkConnectionsClient Client(int maxRetries = 2) => Client(Settings(Emulator.BaseAddress, maxRetries));

    private protected sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}

/// <summary>Keeps every log line (message, state and exception) of every category.</summary>
public sealed class RecordingLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(_lines, categoryName);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        // Everything is enabled: the scan must see even the lines a production configuration would filter out.
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} " +
                          $"[{(state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs) : "")}] {exception}");
    }
}
