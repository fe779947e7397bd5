namespace ConfluentFlink.FlinkApi;

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
/// how to take it over if it does (<see cref="WithAdvice"/>), or it would be left behind unmanaged.
/// </summary>
public sealed class CreateOutcomeUnknownException : FlinkApiException
{
    private CreateOutcomeUnknownException(string message, string connectionName, CreateUnresolvedReason reason, Exception? innerException)
        : base(message, innerException: innerException)
    {
        ConnectionName = connectionName;
        Reason = reason;
    }

    public string ConnectionName { get; }

    public CreateUnresolvedReason Reason { get; }

    /// <summary>This error with a sentence for the user appended, such as the command that imports the connection.</summary>
    public CreateOutcomeUnknownException WithAdvice(string advice) => new($"{Message} {advice}", ConnectionName, Reason, InnerException);

    internal static CreateOutcomeUnknownException LookupFailed(string name, FlinkApiException failure, FlinkApiException lookupFailure) =>
        new($"The create of connection '{name}' may have succeeded: {failure.Message}. Looking the connection up to find out " +
            $"failed too: {lookupFailure.Message}. The connection may exist.", name, CreateUnresolvedReason.LookupFailed, lookupFailure);

    internal static CreateOutcomeUnknownException Cancelled(string name) =>
        new($"The create of connection '{name}' was cancelled after its request had been sent to the Confluent API, so the " +
            "connection may exist.", name, CreateUnresolvedReason.Cancelled, null);
}
