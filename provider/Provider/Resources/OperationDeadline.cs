using ConfluentFlink.Provider.Contract;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Bounds one operation by the resource's <c>customTimeouts</c>, retries included, and says so when it runs out.
/// With no timeout only the caller's token (the engine's Cancel, the call's deadline) and the REST client's own
/// bounds apply.
/// </summary>
public sealed class OperationDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly string _operation;
    private readonly TimeSpan? _timeout;
    private readonly CancellationToken _caller;

    private OperationDeadline(string operation, TimeSpan? timeout, CancellationToken caller)
    {
        _operation = operation;
        _timeout = timeout;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        if (timeout is { } limit)
            _source.CancelAfter(limit);
    }

    public static OperationDeadline Start(string operation, TimeSpan? timeout, CancellationToken caller) => new(operation, timeout, caller);

    public CancellationToken Token => _source.Token;

    /// <summary>True when the custom timeout, not the caller, ended the operation.</summary>
    public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public string Describe() => $"the {_operation} did not finish within its custom timeout of {_timeout?.TotalSeconds:0.###} s";

    /// <summary>The user's error: which timeout ran out, and what that leaves behind.</summary>
    public ProviderUserException Exceeded(string consequence) =>
        new($"{Describe()} (customTimeouts); {consequence}");

    public void Dispose() => _source.Dispose();
}
