using System.Net;
using System.Text;
using ConfluentFlink.FlinkApi.Models;
using Newtonsoft.Json;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// Turns a non-2xx answer (or a 2xx one whose body cannot be read) into <see cref="FlinkApiException"/>. Only
/// server-sent text (the Failure body, the reason phrase, the request id) goes into the message; nothing from the
/// request does.
/// </summary>
internal static class FailureMapper
{
    public const string RequestIdHeader = "X-Request-Id";

    public static FlinkApiException ToException(IApiResponse response)
    {
        var body = response.HasResponseError(out var apiError) ? apiError.Content : null;
        var error = ReadFailure(body)?.Errors.FirstOrDefault();
        return ToException(new ApiFailure(response.StatusCode ?? 0)
        {
            Code = error?.Code,
            Title = error?.Title ?? response.ReasonPhrase,
            Detail = error?.Detail,
            Source = error?.Source?.Pointer ?? error?.Source?.Parameter,
            RequestId = response.Headers is { } headers && headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null,
        });
    }

    /// <summary>"Confluent API 409 code: title: detail (at /pointer) (request id ...)".</summary>
    public static FlinkApiException ToException(ApiFailure answer, Exception? inner = null)
    {
        var message = new StringBuilder("Confluent API ").Append((int)answer.Status);
        if (!string.IsNullOrEmpty(answer.Code)) message.Append(' ').Append(answer.Code);
        var parts = new[] { answer.Title, answer.Detail }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (parts.Length > 0) message.Append(": ").Append(string.Join(": ", parts));
        if (!string.IsNullOrEmpty(answer.Source)) message.Append(" (at ").Append(answer.Source).Append(')');
        if (!string.IsNullOrEmpty(answer.RequestId)) message.Append(" (request id ").Append(answer.RequestId).Append(')');
        return new FlinkApiException(message.ToString(), answer, inner);
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
            response.StatusCode is { } status ? new ApiFailure(status) : null, response.Error);

    private static Failure? ReadFailure(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            return NewtonsoftContentSerializer.Deserialize<Failure>(body);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML or plain text; the status and reason phrase still say enough.
            return null;
        }
    }
}
