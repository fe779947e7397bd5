using System.Net;
using System.Text;
using ConfluentFlink.FlinkApi.Models;
using Newtonsoft.Json;
using Refit;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>
/// Turns a non-2xx answer (or a 2xx one whose body cannot be read) into <see cref="FlinkApiException"/>. Only server-sent text (the Failure body,
/// the reason phrase, the request id) goes into the message; nothing from the request does.
/// </summary>
internal static class FailureMapper
{
    public const string RequestIdHeader = "X-Request-Id";

    public static FlinkApiException ToException(IApiResponse response)
    {
        var body = response.HasResponseError(out var apiError) ? apiError.Content : null;
        var error = ReadFailure(body)?.Errors.FirstOrDefault();
        var requestId = response.Headers is { } headers && headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        return Build(response.StatusCode ?? 0, error?.Code, error?.Title ?? response.ReasonPhrase, error?.Detail,
            error?.Source?.Pointer ?? error?.Source?.Parameter, requestId);
    }

    public static FlinkApiException Build(HttpStatusCode status, string? code, string? title, string? detail,
        string? sourcePointer, string? requestId, Exception? inner = null)
    {
        var message = new StringBuilder("Confluent API ").Append((int)status);
        if (!string.IsNullOrEmpty(code)) message.Append(' ').Append(code);
        var parts = new[] { title, detail }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (parts.Length > 0) message.Append(": ").Append(string.Join(": ", parts));
        if (!string.IsNullOrEmpty(sourcePointer)) message.Append(" (at ").Append(sourcePointer).Append(')');
        if (!string.IsNullOrEmpty(requestId)) message.Append(" (request id ").Append(requestId).Append(')');
        return new FlinkApiException(message.ToString(), status, code, title, detail, sourcePointer, requestId, inner);
    }

    /// <summary>The connection a GET answered, null for a 404; any other failure throws.</summary>
    public static Connection? ConnectionOrNull(IApiResponse<Connection> response) =>
        response.StatusCode == HttpStatusCode.NotFound ? null
        : response.IsSuccessStatusCode ? RequireContent(response)
        : throw ToException(response);

    /// <summary>The body of a 2xx answer; one that cannot be read as <typeparamref name="T"/> is a failure too.</summary>
    public static T RequireContent<T>(IApiResponse<T> response) where T : class =>
        response.Content ?? throw new FlinkApiException(
            $"Confluent API {(int?)response.StatusCode} answered a body that could not be read as {typeof(T).Name}" +
            (response.Error is { } error ? $": {error.InnerException?.Message ?? error.Message}" : "."),
            response.StatusCode, innerException: response.Error);

    private static Failure? ReadFailure(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return JsonConvert.DeserializeObject<Failure>(body, NewtonsoftContentSerializer.Settings);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML or plain text; the status and reason phrase still say enough.
            return null;
        }
    }
}
