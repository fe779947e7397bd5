using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// How hard the robustness tests (category <see cref="Chaos"/>, <c>make chaos</c>; the storms also <see cref="Storm"/>,
/// <c>make storm</c>) push: <c>make test</c> runs scale 1, the two targets CHAOS_SCALE 10. Seeds come from CHAOS_SEED, else
/// a fixed one, so a failing run can be repeated; a comma-separated list runs the fault storm once per seed.
/// </summary>
public static class ChaosScale
{
    public const string Chaos = "Chaos";
    public const string Storm = "Storm";

    public static int Factor { get; } = Read("CHAOS_SCALE", minimum: 1).FirstOrDefault(1);

    public static IReadOnlyList<int> Seeds { get; } = Read("CHAOS_SEED", minimum: 0) is { Count: > 0 } seeds ? seeds : [20261127];

    public static int Scaled(int count) => count * Factor;

    private static List<int> Read(string name, int minimum) =>
        (Environment.GetEnvironmentVariable(name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{name} must be whole numbers of at least {minimum}, got '{text}'"))
        .Distinct().ToList();
}

/// <summary>What makes a failed call's error clear: a status the engine can act on and a message written for users.</summary>
public static partial class CallOutcomes
{
    // A .NET stack frame ("   at Namespace.Type.Method(...)") or an exception type name leaking into a user message.
    [GeneratedRegex(@"(^|\n)\s+at \S+\(|System\.\w+Exception|NullReferenceException")]
    private static partial Regex StackTraceText();

    /// <summary>Null when <paramref name="failure"/> is a clear error, else what is wrong with it.</summary>
    public static string? Unclear(RpcException failure, IEnumerable<string> secrets)
    {
        var message = failure.Status.Detail ?? "";
        // grpc-dotnet answers "Exception was thrown by handler" (Unknown) when an exception escapes a service method.
        if (failure.StatusCode == StatusCode.Internal || message.StartsWith("Exception was thrown by handler", StringComparison.Ordinal))
            return $"status {failure.StatusCode} (an unhandled fault, not a user-facing error): {message}";
        if (string.IsNullOrWhiteSpace(message)) return $"status {failure.StatusCode} with an empty message";
        if (StackTraceText().IsMatch(message)) return $"the message carries a stack trace or exception type: {message}";
        return SecretScan.FindLeaks(secrets, message).Count > 0 ? $"the message of a {failure.StatusCode} error carries a secret" : null;
    }
}
