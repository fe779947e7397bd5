using System.Text.Json;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>
/// auth_data.data documents for tests, with <see cref="TestSecrets.CredentialValue"/> in every credential so that the leak
/// scan covers them all.
/// </summary>
internal static class AuthDataSamples
{
    /// <summary>
    /// One accepted auth_data per connection type, from the catalog (connection-types.md). The types with a choice take
    /// different groups here, so that each group is accepted somewhere.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByType = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["OPENAI"] = ["API_KEY"],
        ["AZUREML"] = ["API_KEY"],
        ["AZUREOPENAI"] = ["API_KEY"],
        ["GOOGLEAI"] = ["API_KEY"],
        ["PINECONE"] = ["API_KEY"],
        ["ANTHROPIC"] = ["API_KEY"],
        ["FIREWORKSAI"] = ["API_KEY"],
        ["COSMOSDB"] = ["API_KEY"],
        ["BEDROCK"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        ["SAGEMAKER"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"],
        ["S3VECTORS"] = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        ["VERTEXAI"] = ["SERVICE_KEY"],
        ["MONGODB"] = ["USERNAME", "PASSWORD"],
        ["COUCHBASE"] = ["USERNAME", "PASSWORD"],
        ["CONFLUENT_JDBC"] = ["USERNAME", "PASSWORD"],
        ["ELASTIC"] = ["AUTH_TYPE=BASIC", "USERNAME", "PASSWORD"],
        ["A2A"] = ["AUTH_TYPE=BEARER", "BEARER_TOKEN"],
        ["REST"] = ["AUTH_TYPE=OAUTH2", "OAUTH2_TOKEN_ENDPOINT", "OAUTH2_CLIENT_ID", "OAUTH2_CLIENT_SECRET", "OAUTH2_SCOPE"],
        ["MCP_SERVER"] = ["AUTH_TYPE=API_KEY", "API_KEY", "TRANSPORT_TYPE=SSE", "SSE_ENDPOINT"],
    };

    /// <summary>The sample of <paramref name="connectionType"/>; a type outside the API's list gets an API key, as most types take.</summary>
    public static string For(string connectionType) => Json(ByType.GetValueOrDefault(connectionType, ["API_KEY"]));

    /// <summary>
    /// A JSON object of <paramref name="entries"/>: <c>"KEY=value"</c> gives KEY that value (labels such as AUTH_TYPE, or an
    /// empty one); a bare <c>"KEY"</c> gets a credential that contains <see cref="TestSecrets.CredentialValue"/>.
    /// </summary>
    public static string Json(params string[] entries) =>
        JsonSerializer.Serialize(entries.Select(Entry).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>The key names of <paramref name="entries"/> (as <see cref="Json"/> takes them), in ordinal order.</summary>
    public static IReadOnlyList<string> KeysOf(IEnumerable<string> entries) =>
        entries.Select(e => Entry(e).Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>The AUTH_TYPE among <paramref name="entries"/>, if one is given.</summary>
    public static string? AuthTypeOf(IEnumerable<string> entries) =>
        entries.Select(Entry).Where(e => e.Key == "AUTH_TYPE").Select(e => e.Value).SingleOrDefault();

    private static (string Key, string Value) Entry(string entry) => entry.Split('=', 2) switch
    {
        [var key, var value] => (key, value),
        _ => (entry, $"{TestSecrets.CredentialValue}-{entry.ToLowerInvariant()}"),
    };
}
