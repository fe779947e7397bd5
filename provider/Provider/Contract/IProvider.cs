namespace ConfluentFlink.Provider.Contract;

/// <summary>
/// The provider's behaviour in plain types: what the gRPC layer in <c>Protocol/</c> calls after decoding a request
/// into the operation's record. Methods may be called concurrently; implementations are thread-safe.
/// </summary>
public interface IProvider
{
    ProviderCapabilities Capabilities { get; }

    CheckResult CheckConfig(CheckRequest request);
    DiffResult DiffConfig(DiffRequest request);
    void Configure(ConfigureRequest request);

    CheckResult Check(CheckRequest request);
    DiffResult Diff(DiffRequest request);
    Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken);
    Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken);
    Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken);
    Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken);
    Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Secrets the provider holds that no request marks: its Flink API secret, and credentials it reads from the
    /// environment. The protocol layer masks them, with the request's own secrets, in every error message.
    /// </summary>
    IReadOnlyCollection<string> HeldSecrets { get; }
}
