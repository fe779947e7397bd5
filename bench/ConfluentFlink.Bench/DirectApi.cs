using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Bench;

/// <summary>
/// The baseline: the same Connections requests the plugin makes, sent straight to the emulator with a plain
/// HttpClient (no gRPC, no Refit, no Polly, no property model). Plugin time minus this is the plugin's overhead.
/// </summary>
public sealed class DirectApi : IDisposable
{
    public const string ConnectionType = "OPENAI";
    public const string Endpoint = "https://api.openai.com/v1/chat/completions";

    private readonly HttpClient _http;
    private readonly string _collection;

    /// <summary>The same emulator, key and environment as <paramref name="stack"/>'s plugin, so both sides pay the same backend cost.</summary>
    public DirectApi(TestStack stack)
    {
        _http = new HttpClient { BaseAddress = stack.Emulator.BaseAddress };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestStack.FlinkKey}:{stack.FlinkSecret}")));
        _collection = $"/sql/v1/organizations/{TestStack.Organization}/environments/{TestStack.Environment}/connections";
    }

    public static string ApiKeyFor(string name) => $"sk-bench-{name}";

    /// <summary>The program's inputs for a connection the plugin creates, the same connection the direct requests make.</summary>
    public static Google.Protobuf.WellKnownTypes.Struct Inputs(string name) => Wire.Struct(
        ("displayName", name), ("type", ConnectionType), ("endpoint", Endpoint), ("apiKey", Wire.Secret(ApiKeyFor(name))));

    /// <summary>Check as the engine runs it before a Create: gives the inputs the Create then receives.</summary>
    public static async Task<Google.Protobuf.WellKnownTypes.Struct> CheckAsync(MiniEngine engine, string name)
    {
        var checkedInputs = await engine.CheckAsync(name, new Google.Protobuf.WellKnownTypes.Struct(), Inputs(name));
        return checkedInputs.Failures.Count == 0
            ? checkedInputs.Inputs
            : throw new InvalidOperationException(string.Join("; ", checkedInputs.Failures.Select(f => $"{f.Property}: {f.Reason}")));
    }

    public async Task CreateAsync(string name)
    {
        var body = JsonSerializer.Serialize(new
        {
            name,
            spec = new
            {
                connection_type = ConnectionType,
                endpoint = Endpoint,
                auth_data = new { kind = "PlaintextProvider", data = JsonSerializer.Serialize(new { API_KEY = ApiKeyFor(name) }) },
            },
        });
        using var response = await _http.PostAsync(_collection, new StringContent(body, Encoding.UTF8, "application/json"));
        await EnsureAsync(response);
    }

    public async Task ReadAsync(string name)
    {
        using var response = await _http.GetAsync($"{_collection}/{name}");
        await EnsureAsync(response);
    }

    public async Task DeleteAsync(string name)
    {
        using var response = await _http.DeleteAsync($"{_collection}/{name}");
        await EnsureAsync(response);
    }

    public void Dispose() => _http.Dispose();

    // The body is read, as the plugin reads it, so both sides do the same work per call.
    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
    }
}
