using System.Collections.Immutable;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Contract;

// One record per operation, carrying what the engine sends under the names it uses, so that no two values of the same
// type are ever told apart by their position in an argument list.

/// <summary>Check, or CheckConfig for the provider's own inputs.</summary>
public sealed record CheckRequest(
    ResourceUrn Urn,
    string Type,
    string Name,
    PropertyMap OldInputs,
    PropertyMap NewInputs,
    ImmutableArray<byte> RandomSeed,
    AutonamingOptions? Autonaming);

/// <summary>How the engine asks a new resource to be named (the stack's autonaming configuration).</summary>
public sealed record AutonamingOptions(string ProposedName, AutonamingMode Mode);

public enum AutonamingMode { Propose, Enforce, Disable }

/// <summary>Diff, or DiffConfig for the provider's own inputs.</summary>
public sealed record DiffRequest(
    ResourceUrn Urn,
    string Type,
    string Id,
    PropertyMap OldState,
    PropertyMap OldInputs,
    PropertyMap NewInputs,
    IReadOnlyList<string> IgnoreChanges);

public sealed record ConfigureRequest(PropertyMap Args);

/// <summary><see cref="Timeout"/> is the resource's <c>customTimeouts</c> for the operation, when the program set one.</summary>
public sealed record CreateRequest(ResourceUrn Urn, string Type, PropertyMap Properties, TimeSpan? Timeout, bool Preview);

/// <summary>On import the engine sends only the id: <see cref="Properties"/> and <see cref="Inputs"/> are then null.</summary>
public sealed record ReadRequest(ResourceUrn Urn, string Type, string Id, PropertyMap? Properties, PropertyMap? Inputs, TimeSpan? Timeout);

public sealed record UpdateRequest(
    ResourceUrn Urn,
    string Type,
    string Id,
    PropertyMap OldState,
    PropertyMap OldInputs,
    PropertyMap NewInputs,
    TimeSpan? Timeout,
    bool Preview,
    IReadOnlyList<string> IgnoreChanges);

public sealed record DeleteRequest(ResourceUrn Urn, string Type, string Id, PropertyMap Properties, PropertyMap OldInputs, TimeSpan? Timeout);

public sealed record InvokeRequest(string Token, PropertyMap Args);
