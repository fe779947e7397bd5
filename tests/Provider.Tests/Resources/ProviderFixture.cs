using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;
using Microsoft.Extensions.Logging.Abstractions;
using static ConfluentFlink.Provider.Tests.Resources.Props;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>A provider over the fake API, with every setting in provider config unless a test says otherwise.</summary>
internal sealed class ProviderFixture
{
    public const string FlinkSecret = "flink-secret-Zq9";
    public const string OpenAiKey = "sk-test-openai-key-Pq1";

    public FakeConnectionsClient Api { get; } = new();
    public Dictionary<string, string> Environment { get; } = new();
    public FlinkProvider Provider { get; }

    public ProviderFixture(PropertyMap? config = null)
    {
        Provider = new FlinkProvider(Api.For, name => Environment.GetValueOrDefault(name), NullLogger.Instance);
        Provider.Configure(new ConfigureRequest(config ?? ProviderSettingsConfig));
    }

    public static PropertyMap ProviderSettingsConfig => Map(
        ("organizationId", "org-1"), ("environmentId", "env-1"), ("flinkComputePoolId", "lfcp-1"),
        ("flinkPrincipalId", "sa-1"), ("flinkRestEndpoint", "http://127.0.0.1:9"), ("flinkApiKey", "FLINKKEY"),
        ("flinkApiSecret", Secret(FlinkSecret)), ("version", "0.1.0"));

    public static PropertyMap OpenAi(string name = "conn1", string endpoint = "https://api.openai.com/v1/chat/completions", string apiKey = OpenAiKey) =>
        Map(("displayName", name), ("type", "OPENAI"), ("endpoint", endpoint), ("apiKey", apiKey));

    public CheckResult Check(PropertyMap news) => Provider.Check(Requests.Check(news));

    public async Task<(string Id, PropertyMap Outputs, PropertyMap Inputs)> CreateAsync(PropertyMap news)
    {
        var checkedInputs = Check(news);
        Assert.That(checkedInputs.Failures, Is.Empty);
        var created = await Provider.CreateAsync(Requests.Create(checkedInputs.Inputs), CancellationToken.None);
        return (created.Id, created.Outputs, checkedInputs.Inputs);
    }
}
