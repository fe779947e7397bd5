using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Contract;

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
