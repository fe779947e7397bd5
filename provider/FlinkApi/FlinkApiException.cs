using System.Net;

namespace ConfluentFlink.FlinkApi;

/// <summary>What the service answered to a request it refused: the status and the fields of its Failure body.</summary>
public sealed record ApiFailure(HttpStatusCode Status)
{
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    /// <summary>The JSON pointer or query parameter the failure is about.</summary>
    public string? Source { get; init; }
    public string? RequestId { get; init; }
}

/// <summary>
/// The error type of the client: a refused request (<see cref="Answer"/>) or, when that is null, a transport failure or
/// timeout after the retries ran out. Messages are built from server text and never from request content, so no
/// credential can reach them.
/// </summary>
public class FlinkApiException(string message, ApiFailure? answer = null, Exception? innerException = null) : Exception(message, innerException)
{
    public ApiFailure? Answer { get; } = answer;

    public HttpStatusCode? StatusCode => Answer?.Status;

    /// <summary>The same failure with a sentence added that says what was found out about it afterwards.</summary>
    internal FlinkApiException WithNote(string note) => new($"{Message}. {note}", Answer, this);
}

public enum CreateUnresolvedReason
{
    /// <summary>The lookup that would tell whether the connection exists failed as well.</summary>
    LookupFailed,

    /// <summary>The operation was cancelled after a request had been sent; cancelling leaves no time for a lookup.</summary>
    Cancelled,
}

/// <summary>
/// A create that may have succeeded although it failed: a request reached the service, its answer was lost, and
/// whether the connection exists could not be found out. Whoever reports it must say the connection may exist and
/// how to take it over if it does, or it would be left behind unmanaged.
/// </summary>
public sealed class CreateOutcomeUnknownException : FlinkApiException
{
    private CreateOutcomeUnknownException(string message, CreateUnresolvedReason reason, Exception? innerException)
        : base(message, innerException: innerException) => Reason = reason;

    public CreateUnresolvedReason Reason { get; }

    internal static CreateOutcomeUnknownException LookupFailed(string name, FlinkApiException failure, FlinkApiException lookupFailure) =>
        new($"The create of connection '{name}' may have succeeded: {failure.Message}. Looking the connection up to find out " +
            $"failed too: {lookupFailure.Message}. The connection may exist.", CreateUnresolvedReason.LookupFailed, lookupFailure);

    internal static CreateOutcomeUnknownException Cancelled(string name) =>
        new($"The create of connection '{name}' was cancelled after its request had been sent to the Confluent API, so the " +
            "connection may exist.", CreateUnresolvedReason.Cancelled, null);
}
