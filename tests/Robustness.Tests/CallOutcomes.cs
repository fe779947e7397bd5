using System.Text.RegularExpressions;
using ConfluentFlink.Harness;
using Grpc.Core;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>What makes a failed call's error "clear": a status the engine can act on and a message written for users.</summary>
public static partial class CallOutcomes
{
    // What grpc-dotnet answers (status Unknown) when an exception escapes a service method.
    private const string UnhandledByGrpc = "Exception was thrown by handler";

    // A .NET stack frame ("   at Namespace.Type.Method(...)") or an exception type name leaking into a user message.
    [GeneratedRegex(@"(^|\n)\s+at \S+\(|System\.\w+Exception|NullReferenceException")]
    private static partial Regex StackTraceText();

    /// <summary>Null when <paramref name="failure"/> is a clear error, else what is wrong with it.</summary>
    public static string? Unclear(RpcException failure, IEnumerable<string> secrets)
    {
        var message = failure.Status.Detail ?? "";
        if (failure.StatusCode == StatusCode.Internal || message.StartsWith(UnhandledByGrpc, StringComparison.Ordinal))
            return $"status {failure.StatusCode} (an unhandled fault, not a user-facing error): {message}";
        if (string.IsNullOrWhiteSpace(message)) return $"status {failure.StatusCode} with an empty message";
        if (StackTraceText().IsMatch(message)) return $"the message carries a stack trace or exception type: {message}";
        if (SecretScan.FindLeaks(secrets, message).Count > 0) return $"the message of a {failure.StatusCode} error carries a secret";
        return null;
    }

}
