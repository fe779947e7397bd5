using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The provider's behaviour in plain types: what the gRPC layer in <c>Protocol/</c> calls after decoding a request.
/// Methods may be called concurrently; implementations are thread-safe.
/// </summary>
public interface IProvider
{
    CheckResult CheckConfig(PropertyMap olds, PropertyMap news);
    DiffResult DiffConfig(PropertyMap oldInputs, PropertyMap olds, PropertyMap news);
    void Configure(PropertyMap args);

    CheckResult Check(string type, PropertyMap olds, PropertyMap news);
    DiffResult Diff(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, IReadOnlyList<string> ignoreChanges);
    Task<CreateResult> CreateAsync(string type, PropertyMap news, bool preview, CancellationToken cancellationToken);
    /// <summary><paramref name="state"/> and <paramref name="inputs"/> are null on import (the engine sends only the id).</summary>
    Task<ReadResult> ReadAsync(string type, string id, PropertyMap? state, PropertyMap? inputs, CancellationToken cancellationToken);
    Task<UpdateResult> UpdateAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview, CancellationToken cancellationToken);
    Task DeleteAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken);
    Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken);

    /// <summary>
    /// Secrets the provider holds that no request marks: its Flink API secret, and credentials it reads from the
    /// environment. The protocol layer masks them, with the request's own secrets, in every error message.
    /// </summary>
    IReadOnlyCollection<string> HeldSecrets { get; }
}

/// <summary>One reason an input is rejected; <see cref="Property"/> is a Pulumi property path (e.g. <c>organization.id</c>).</summary>
public sealed record CheckFailure(string Property, string Reason);

public sealed record CheckResult(PropertyMap Inputs, IReadOnlyList<CheckFailure> Failures);

public enum PropertyDiffKind { Add, AddReplace, Delete, DeleteReplace, Update, UpdateReplace }

public sealed record PropertyDiff(PropertyDiffKind Kind, bool InputDiff = true);

public sealed record DiffResult(
    bool HasChanges,
    IReadOnlyList<string> ChangedKeys,
    IReadOnlyList<string> Replaces,
    bool DeleteBeforeReplace,
    IReadOnlyDictionary<string, PropertyDiff> DetailedDiff)
{
    public static readonly DiffResult NoChanges = new(false, [], [], false, new Dictionary<string, PropertyDiff>());
}

public sealed record CreateResult(string Id, PropertyMap Outputs);

/// <summary>An empty <see cref="Id"/> means the resource no longer exists.</summary>
public sealed record ReadResult(string Id, PropertyMap Outputs, PropertyMap Inputs)
{
    public static readonly ReadResult Gone = new("", PropertyMap.Empty, PropertyMap.Empty);
}

public sealed record UpdateResult(PropertyMap Outputs);

public sealed record InvokeResult(PropertyMap Return, IReadOnlyList<CheckFailure> Failures);

/// <summary>A mistake of the user's (bad id, unknown token, missing setting): reported as-is, never as a crash.</summary>
public sealed class ProviderUserException(string message) : Exception(message);

/// <summary>
/// The resource exists but the operation did not finish: the engine must record <see cref="Id"/> with
/// <see cref="Outputs"/> (gRPC detail <c>pulumirpc.ErrorResourceInitFailed</c>).
/// </summary>
public sealed class ResourceInitFailedException(string id, PropertyMap outputs, PropertyMap inputs, IReadOnlyList<string> reasons)
    : Exception(string.Join("; ", reasons))
{
    public string Id { get; } = id;
    public PropertyMap Outputs { get; } = outputs;
    public PropertyMap Inputs { get; } = inputs;
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
