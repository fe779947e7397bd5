using System.Net;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// The error type of the client: a non-2xx answer (with the Failure body's fields) or, when
/// <see cref="StatusCode"/> is null, a transport failure or timeout after the retries ran out.
/// Messages are built from server text and never from request content, so no credential can reach them.
/// </summary>
public class FlinkApiException : Exception
{
    public FlinkApiException(string message, HttpStatusCode? statusCode = null, string? code = null, string? title = null,
        string? detail = null, string? sourcePointer = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        Title = title;
        Detail = detail;
        SourcePointer = sourcePointer;
        RequestId = requestId;
    }

    public HttpStatusCode? StatusCode { get; }
    public string? Code { get; }
    public string? Title { get; }
    public string? Detail { get; }
    public string? SourcePointer { get; }
    public string? RequestId { get; }

    /// <summary>The same failure with a sentence added that says what was found out about it afterwards.</summary>
    internal FlinkApiException WithNote(string note) =>
        new($"{Message}. {note}", StatusCode, Code, Title, Detail, SourcePointer, RequestId, this);
}
