using System.Text.RegularExpressions;
using ConfluentFlink.Harness;
using Grpc.Core;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>What makes a failed call's error "clear": a status the engine can act on and a message written for users.</summary>
public static partial class CallOutcomes
{
    // A .NET stack frame ("   at Namespace.Type.Method(...)") or an exception type name leaking into a user message.
    [GeneratedRegex(@"(^|\n)\s+at \S+\(|System\.\w+Exception|NullReferenceException")]
    private static partial Regex StackTraceText();

    /// <summary>Null when <paramref name="failure"/> is a clear error, else what is wrong with it.</summary>
    public static string? Unclear(RpcException failure, IEnumerable<string> secrets)
    {
        var message = failure.Status.Detail ?? "";
        if (failure.StatusCode is StatusCode.Internal or StatusCode.Unknown && !HasInitFailedDetail(failure))
            return $"status {failure.StatusCode} (an unhandled fault, not a user-facing error): {message}";
        if (string.IsNullOrWhiteSpace(message)) return $"status {failure.StatusCode} with an empty message";
        if (StackTraceText().IsMatch(message)) return $"the message carries a stack trace or exception type: {message}";
        if (SecretScan.FindLeaks(secrets, message).Count > 0) return $"the message of a {failure.StatusCode} error carries a secret";
        return null;
    }

    // Unknown is how Pulumi's SDKs send ErrorResourceInitFailed; it is deliberate only with that detail.
    private static bool HasInitFailedDetail(RpcException failure) =>
        failure.Trailers.Any(t => t.Key == "grpc-status-details-bin");
}
