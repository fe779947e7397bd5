using ConfluentFlink.Provider.Contract;
using CheckFailure = ConfluentFlink.Provider.Contract.CheckFailure;
using CheckResult = ConfluentFlink.Provider.Contract.CheckResult;
using Pulumirpc;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>The resource logic's plain results in the engine's response shapes.</summary>
internal static class ResultMapping
{
    public static CheckResponse ToResponse(this CheckResult result) => new()
    {
        Inputs = StructCodec.Encode(result.Inputs),
        Failures = { result.Failures.Select(f => ToWire(ShieldValue(f, result.Inputs))) },
    };

    /// <summary>
    /// The engine prints a failure on a top-level property together with that property's value, and it prints a
    /// secret's content too (its Go value has no String method). A failure whose property holds a secret is therefore
    /// sent without a property, the property named in its reason instead.
    /// </summary>
    private static CheckFailure ShieldValue(CheckFailure failure, Values.PropertyMap inputs) =>
        failure.Property.Length > 0 && inputs.Get(failure.Property).ContainsSecrets
            ? new CheckFailure("", failure.Reason.StartsWith(failure.Property, StringComparison.Ordinal) ? failure.Reason : $"{failure.Property}: {failure.Reason}")
            : failure;

    public static DiffResponse ToResponse(this DiffResult result)
    {
        var response = new DiffResponse
        {
            Changes = result.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            Replaces = { result.Replaces },
            Diffs = { result.ChangedKeys },
            DeleteBeforeReplace = result.DeleteBeforeReplace,
            HasDetailedDiff = true,
        };
        foreach (var (path, diff) in result.DetailedDiff)
        {
            response.DetailedDiff[path] = new Pulumirpc.PropertyDiff { Kind = ToWire(diff.Kind), InputDiff = diff.InputDiff };
        }
        return response;
    }

    public static InvokeResponse ToResponse(this InvokeResult result) => new()
    {
        Return = StructCodec.Encode(result.Return),
        Failures = { result.Failures.Select(ToWire) },
    };

    /// <summary>An empty id tells the engine the resource is gone: it then expects no properties.</summary>
    public static ReadResponse ToResponse(this ReadResult result) => result.Id.Length == 0
        ? new ReadResponse()
        : new ReadResponse
        {
            Id = result.Id,
            Properties = StructCodec.Encode(result.Outputs),
            Inputs = StructCodec.Encode(result.Inputs),
        };

    private static Pulumirpc.CheckFailure ToWire(CheckFailure failure) =>
        new() { Property = failure.Property, Reason = failure.Reason };

    private static Pulumirpc.PropertyDiff.Types.Kind ToWire(PropertyDiffKind kind) => kind switch
    {
        PropertyDiffKind.Add => Pulumirpc.PropertyDiff.Types.Kind.Add,
        PropertyDiffKind.AddReplace => Pulumirpc.PropertyDiff.Types.Kind.AddReplace,
        PropertyDiffKind.Delete => Pulumirpc.PropertyDiff.Types.Kind.Delete,
        PropertyDiffKind.DeleteReplace => Pulumirpc.PropertyDiff.Types.Kind.DeleteReplace,
        PropertyDiffKind.Update => Pulumirpc.PropertyDiff.Types.Kind.Update,
        PropertyDiffKind.UpdateReplace => Pulumirpc.PropertyDiff.Types.Kind.UpdateReplace,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
