using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Harness.Lifecycle;

/// <summary>
/// One resource of a program: its name, the inputs the program gives it, and its options (<c>ignoreChanges</c>, and
/// <c>customTimeouts</c> in seconds as the engine sends them).
/// </summary>
public sealed record ResourceGoal(string Name, Struct Inputs, IReadOnlyList<string>? IgnoreChanges = null, double CustomTimeoutSeconds = 0);

/// <summary>What the stack remembers of a resource after a step: its id, last inputs and outputs.</summary>
public sealed record ResourceState(string Name, string Id, Struct Inputs, Struct Outputs);

public enum StepKind { Create, Update, Replace, Same, Delete, Refresh, Import, Check }

/// <summary>
/// One step as <c>pulumi preview/up</c> would print it. <see cref="Changes"/> are property paths with their diff kind
/// (never values); <see cref="Error"/> is the provider's message when the step failed.
/// </summary>
public sealed record Step(StepKind Kind, string Resource, bool Preview, IReadOnlyList<string> Changes, string? Error = null)
{
    public bool Succeeded => Error is null;
    public string? Note { get; init; }
}
