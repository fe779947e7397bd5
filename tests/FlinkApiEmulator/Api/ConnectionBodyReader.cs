using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>
/// Reads the body of a POST or PUT as the service does: JSON only, of bounded size, shaped like a Connection. Each refusal
/// is a Failure written here for the user; a parser's own message never reaches them, since it names .NET types.
/// </summary>
internal static class ConnectionBodyReader
{
    /// <summary>
    /// The largest body accepted. A valid connection is its endpoint (at most 16384 characters) plus a few KiB of name, type
    /// and credential, the largest credential being a service-account key file; 1 MiB leaves ample room for all of them while
    /// no client can make the emulator hold tens of megabytes for one request.
    /// </summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private const string JsonMediaType = "application/json";
    private const string WholeBody = "/";

    public static async Task<(ConnectionBody? Body, IResult? Refusal)> ReadAsync(HttpContext http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
            return (null, Failures.UnsupportedMediaType(mediaType?.MediaType.Value));

        // Kestrel enforces the limit while the body is read, and closes the connection after the 413 rather than read on.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Failures.TooLarge(MaxBodyBytes));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException ex)
        {
            return (null, Failures.Invalid(400, WholeBody, buffer.Length == 0
                ? "The request body is empty; it must be a JSON object."
                : $"The request body is not valid JSON: it stops making sense at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Failures.Invalid(400, WholeBody, $"The request body must be a JSON object, not {Describe(document.RootElement.ValueKind)}."));
            try
            {
                return (document.RootElement.Deserialize<ConnectionBody>(WireJson.Options), null);
            }
            catch (JsonException ex)
            {
                var pointer = PointerOf(ex.Path);
                return (null, Failures.Invalid(400, pointer, $"{pointer} must be {ExpectedAt(pointer)}."));
            }
        }
    }

    // System.Text.Json reports "$.spec.endpoint"; the Failure body speaks JSON pointer ("/spec/endpoint").
    private static string PointerOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? WholeBody : "/" + path.TrimStart('$', '.').Replace('.', '/');

    /// <summary>What <see cref="ConnectionBody"/> holds at <paramref name="pointer"/>: only strings and objects occur in it.</summary>
    private static string ExpectedAt(string pointer)
    {
        var info = WireJson.Options.GetTypeInfo(typeof(ConnectionBody));
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            // The options read names case-insensitively, and the pointer spells them as the body did.
            var property = info.Properties.FirstOrDefault(p => p.Name.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (property is null) break;
            info = WireJson.Options.GetTypeInfo(property.PropertyType);
        }

        return info.Type == typeof(string) ? "a string" : "a JSON object";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
