using System.Collections.Concurrent;
using ConfluentFlink.FlinkApiEmulator.Admin;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>The published plugin (<c>make provider</c>) in a <see cref="TestStack"/>, and what its tests share.</summary>
internal static class PluginStack
{
    public static Task<TestStack> StartAsync(StackOptions? options = null) =>
        TestStack.StartAsync((options ?? new StackOptions()) with { Hosting = PluginHosting.Process });

    /// <summary>An OPENAI connection named as its resource is, its key a secret.</summary>
    public static ResourceGoal OpenAi(string name, string apiKey, double customTimeoutSeconds = 0) => new(name,
        Wire.Struct(("displayName", name), ("type", "OPENAI"), ("endpoint", "https://api.openai.com/v1/chat/completions"), ("apiKey", Wire.Secret(apiKey))),
        CustomTimeoutSeconds: customTimeoutSeconds);

    /// <summary>The command an error must give when a connection may exist unrecorded; every resource here is named as its connection.</summary>
    public static string ImportCommand(string name) => $"pulumi import {Tokens.FlinkConnection} {name} {TestStack.IdOf(name)}";

    /// <summary>What the emulator holds in the stack's organization and environment.</summary>
    public static async Task<List<StoredConnectionView>> StoredAsync(EmulatorAdminClient admin) =>
        (await admin.ListConnectionsAsync()).Where(c => c.OrganizationId == TestStack.Organization && c.EnvironmentId == TestStack.Environment).ToList();

    /// <summary>Waits for what the emulator reports (statistics, fault counters), which it offers no notification of: it is asked again.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within 2 minutes: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Whether the value at a dotted path (<c>oauth.clientSecret</c>), or an object above it, is a secret.</summary>
    public static bool IsSecretAt(Struct properties, string path)
    {
        var value = Value.ForStruct(properties);
        foreach (var step in path.Split('.'))
        {
            if (Wire.IsSecret(value)) return true;
            if (value.StructValue?.Fields.GetValueOrDefault(step) is not { } next) return false;
            value = next;
        }
        return Wire.IsSecret(value);
    }
}

/// <summary>
/// Every secret a test gives the plugin, each fresh, and the check that none reaches what a user sees: the plugin's
/// stdout and stderr, the engine log, the steps' errors and the plain outputs in state.
/// </summary>
internal sealed class Secrets(params string[] known)
{
    private readonly ConcurrentBag<string> _values = [.. known];

    public IEnumerable<string> All => _values;

    public string New(string label)
    {
        var value = $"{label}-{Guid.NewGuid():N}";
        _values.Add(value);
        return value;
    }

    public void Add(IEnumerable<string> values) => values.ToList().ForEach(_values.Add);

    public IReadOnlyList<string> FoundIn(params string?[] texts) => SecretScan.FindLeaks(_values, texts);

    public void AssertNoneLeaked(TestStack stack, IEnumerable<Step> steps) => Assert.That(FoundIn(stack.Transcript,
        string.Join("\n", steps.Select(s => $"{s.Error} {string.Join(",", s.Changes)}")),
        string.Join("\n", stack.Engine.State.Values.SelectMany(r => Wire.PlainStrings(r.Outputs)))), Is.Empty, "secrets where a user sees them");
}

/// <summary>
/// The published emulator as a process of its own, so that a test can kill the backend under the plugin (open connections
/// reset, new ones refused). Its API secret is fresh, for secret scans.
/// </summary>
internal sealed class BackendProcess(EmulatorProcess process, string secret) : IAsyncDisposable
{
    private bool _alive = true;

    public EmulatorProcess Process => process;
    public EmulatorAdminClient Admin { get; } = new(process.BaseUrl);
    public string Secret => secret;

    public static async Task<BackendProcess> StartAsync()
    {
        var secret = "backend-secret-" + Guid.NewGuid().ToString("N");
        return new BackendProcess(await EmulatorProcess.StartAsync(new Dictionary<string, string?>
            { ["FLINK_API_KEY"] = TestStack.FlinkKey, ["FLINK_API_SECRET"] = secret }), secret);
    }

    /// <summary>Every Flink setting that reaches this backend, by provider config key.</summary>
    private Dictionary<string, string> Settings => new()
    {
        ["organizationId"] = TestStack.Organization, ["environmentId"] = TestStack.Environment, ["flinkComputePoolId"] = TestStack.ComputePool,
        ["flinkPrincipalId"] = TestStack.Principal, ["flinkRestEndpoint"] = process.BaseUrl.ToString(), ["flinkApiKey"] = TestStack.FlinkKey,
        ["flinkApiSecret"] = secret,
    };

    /// <summary>The settings as the environment variables the provider falls back to.</summary>
    public IReadOnlyDictionary<string, string> AsEnvironment() =>
        ConnectionCatalog.Embedded.Settings.ToDictionary(s => s.EnvironmentVariable, s => Settings[s.ConfigKey]);

    /// <summary>A plugin process the engine configured with provider settings that reach this backend.</summary>
    public async Task<TestStack> StartStackAsync(int maxRetries)
    {
        var stack = await PluginStack.StartAsync(new StackOptions { Configured = false });
        Assert.That(await stack.Engine.ConfigureAsync(Wire.Struct(ConnectionCatalog.Embedded.Settings
            .Select(s => (s.ConfigKey, s.Secret ? Wire.Secret(Settings[s.ConfigKey]) : (object?)Settings[s.ConfigKey]))
            .Append(("maxRetries", maxRetries)).ToArray())), Is.Empty, "the provider accepts the backend's settings");
        return stack;
    }

    public async Task KillAsync()
    {
        _alive = false;
        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (_alive) await process.DisposeAsync();
    }
}
