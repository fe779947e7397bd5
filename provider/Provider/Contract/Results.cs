using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Contract;

/// <summary>One reason an input is rejected; <see cref="Property"/> is a Pulumi property path (e.g. <c>organization.id</c>), or "" for the resource as a whole.</summary>
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

/// <summary>The capabilities the provider declares in Handshake and Configure (they must agree).</summary>
public sealed record ProviderCapabilities(bool SupportsAutonamingConfiguration);
