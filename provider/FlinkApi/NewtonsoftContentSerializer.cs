using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// Refit's bridge to Newtonsoft.Json (the models carry Newtonsoft attributes), and the client's only use of it. Bodies
/// are built as <see cref="StringContent"/> so the retry pipeline can send the same request again.
/// </summary>
/// <remarks>
/// Newtonsoft reads and writes the models by reflection, which the trimmer and Native AOT cannot follow. The plugin
/// keeps this assembly, Newtonsoft and Refit whole (TrimmerRootAssembly in the plugin's project), so every model
/// member survives: the analysis warnings of these calls are answered there and silenced here, where they arise.
/// </remarks>
internal sealed class NewtonsoftContentSerializer : IHttpContentSerializer
{
    internal const string KeptWhole = "The plugin roots ConfluentFlink.FlinkApi, Newtonsoft.Json and Refit, so the models keep every member.";

    public static readonly JsonSerializerSettings Settings = new()
    {
        // The API treats an explicit null differently from an absent field on PUT; never send nulls.
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = KeptWhole)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = KeptWhole)]
    public HttpContent ToHttpContent<T>(T item) =>
        new StringContent(JsonConvert.SerializeObject(item, Settings), Encoding.UTF8, "application/json");

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        Deserialize<T>(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = KeptWhole)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = KeptWhole)]
    public static T? Deserialize<T>(string text) => string.IsNullOrWhiteSpace(text) ? default : JsonConvert.DeserializeObject<T>(text, Settings);

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyAttribute>(inherit: true)?.PropertyName;
}
