using System.Globalization;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>The API's <c>Failure</c> answers, one builder per kind of problem the emulator reports.</summary>
internal static class Failures
{
    public static IResult Answer(int status, string? code, string title, string? detail, string? pointer = null,
        string? parameter = null)
    {
        var source = pointer is null && parameter is null ? null : new ErrorSourceView(pointer, parameter);
        var error = new ErrorView(Guid.NewGuid().ToString(), status.ToString(CultureInfo.InvariantCulture), code, title, detail, source);
        return Results.Json(new FailureView([error]), WireJson.Options, statusCode: status);
    }

    public static IResult NotFound(string name, string environmentId) =>
        Answer(404, "not_found", "Not Found", $"The connection '{name}' was not found in environment '{environmentId}'.");

    public static IResult Invalid(int status, string pointer, string detail) =>
        Answer(status, status == 422 ? "invalid_configuration" : "invalid_input",
            status == 422 ? "Validation Failed" : "Bad Request", detail, pointer: pointer);

    public static IResult InvalidParameter(string parameter, string detail) =>
        Answer(400, "invalid_parameter", "Bad Request", detail, parameter: parameter);

    public static IResult NoSuchPath() => Answer(404, "not_found", "Not Found", "No such path in the Flink SQL API.");

    public static IResult MethodNotAllowed(string method, string allow) =>
        Answer(405, "method_not_allowed", "Method Not Allowed", $"{method} is not supported on this path; it allows {allow}.");

    public static IResult UnsupportedMediaType(string? sent) =>
        Answer(415, "unsupported_media_type", "Unsupported Media Type",
            $"The request body must be sent as application/json; this request's Content-Type is {(string.IsNullOrEmpty(sent) ? "missing" : $"'{sent}'")}.");

    public static IResult TooLarge(long maxBytes) =>
        Answer(413, "request_entity_too_large", "Request Entity Too Large", $"The request body must be at most {maxBytes} bytes.");

    public static IResult Unauthenticated() =>
        Answer(401, "user_unauthenticated", "Authentication Required", "Valid authentication credentials must be provided");

    public static IResult Injected(int status) =>
        Answer(status, "injected_fault", "Injected Fault", $"The emulator was told to answer {status}.");
}
