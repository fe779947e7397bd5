using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// Refit's bridge to Newtonsoft.Json (the models carry Newtonsoft attributes). Bodies are built as
/// <see cref="StringContent"/> so the resilience handler can send the same request again on a retry.
/// </summary>
internal sealed class NewtonsoftContentSerializer : IHttpContentSerializer
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        // The API treats an explicit null differently from an absent field on PUT; never send nulls.
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
    };

    public HttpContent ToHttpContent<T>(T item) =>
        new StringContent(JsonConvert.SerializeObject(item, Settings), Encoding.UTF8, "application/json");

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? default : JsonConvert.DeserializeObject<T>(text, Settings);
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) =>
        propertyInfo.GetCustomAttribute<JsonPropertyAttribute>(inherit: true)?.PropertyName;
}
