using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Contract;

/// <summary>
/// The provider's behaviour in plain types: what the gRPC layer in <c>Protocol/</c> calls after decoding a request into
/// the operation's record. Methods may be called concurrently; implementations are thread-safe.
/// </summary>
public interface IProvider
{
    ProviderCapabilities Capabilities { get; }

    Task<CheckResult> CheckConfigAsync(CheckRequest request, CancellationToken cancellationToken);
    Task<DiffResult> DiffConfigAsync(DiffRequest request, CancellationToken cancellationToken);
    Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken);

    Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken);
    Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken);
    Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken);
    /// <summary>Null when the resource no longer exists.</summary>
    Task<ReadResult?> ReadAsync(ReadRequest request, CancellationToken cancellationToken);
    Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken);
    Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken);
    Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken);
}

/// <summary>The capabilities the provider declares in Handshake and Configure (they must agree).</summary>
public sealed record ProviderCapabilities(bool SupportsAutonamingConfiguration);

/// <summary>What the engine should make of a failed call: the gRPC status the protocol layer answers with.</summary>
public enum ErrorKind { InvalidArgument, Unauthenticated, PermissionDenied, NotFound, AlreadyExists, ResourceExhausted, Unavailable, Cancelled, Unknown }

/// <summary>A failure with a message written for the user: reported as it is, never as a crash.</summary>
public sealed class ProviderException(ErrorKind kind, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>A mistake in the user's input or settings.</summary>
    public static ProviderException Invalid(string message) => new(ErrorKind.InvalidArgument, message);

    /// <summary>A piece of user input as a message quotes it: short, so that an absurd input cannot flood the message.</summary>
    public static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "...";
}

/// <summary>
/// The resource exists but the operation did not finish: the engine must record it as <see cref="Id"/> with
/// <see cref="Outputs"/> (gRPC detail <c>pulumirpc.ErrorResourceInitFailed</c>).
/// </summary>
public sealed class ResourceInitFailedException(string id, PropertyMap outputs, PropertyMap inputs, string reason) : Exception(reason)
{
    public string Id { get; } = id;
    public PropertyMap Outputs { get; } = outputs;
    public PropertyMap Inputs { get; } = inputs;
}

/// <summary>One reason an input is rejected; <see cref="Property"/> is a Pulumi property path (<c>organization.id</c>), or "" for the resource as a whole.</summary>
public sealed record CheckFailure(string Property, string Reason);

public sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures);

/// <summary>In the order of pulumirpc.PropertyDiff.Kind, whose numbers the protocol layer sends.</summary>
public enum PropertyDiffKind { Add, AddReplace, Delete, DeleteReplace, Update, UpdateReplace }

/// <summary>
/// What changed, by property path. The changed keys and the replacing ones are the top-level properties of
/// <see cref="DetailedDiff"/>, so they cannot disagree with it.
/// </summary>
public sealed record DiffResult
{
    public static readonly DiffResult NoChanges = new();

    public IReadOnlyDictionary<string, PropertyDiffKind> DetailedDiff { get; init; } = new Dictionary<string, PropertyDiffKind>();

    /// <summary>Whether a replacement must delete the old resource before creating the new one.</summary>
    public bool DeleteBeforeReplace { get; init; }

    public bool HasChanges => DetailedDiff.Count > 0;

    public IReadOnlyList<string> ChangedKeys => TopLevel(DetailedDiff.Keys);

    public IReadOnlyList<string> Replaces =>
        TopLevel(DetailedDiff.Where(d => d.Value is PropertyDiffKind.AddReplace or PropertyDiffKind.DeleteReplace or PropertyDiffKind.UpdateReplace)
            .Select(d => d.Key));

    private static IReadOnlyList<string> TopLevel(IEnumerable<string> paths) =>
        paths.Select(p => p.Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
}

public sealed record CreateResult(string Id, PropertyMap Outputs);

public sealed record ReadResult(string Id, PropertyMap Outputs, PropertyMap Inputs);

public sealed record UpdateResult(PropertyMap Outputs);

public sealed record InvokeResult(PropertyMap Return, IReadOnlyList<CheckFailure> Failures);
