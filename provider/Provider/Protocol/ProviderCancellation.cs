namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// The engine's Cancel: one provider-wide signal, linked into every call, in flight or later, because the
/// engine sends Cancel only when the whole operation is being abandoned.
/// </summary>
public sealed class ProviderCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public void Cancel() => _source.Cancel();

    public void Dispose() => _source.Dispose();
}
