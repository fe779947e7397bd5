using System.Net;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>
/// A Flink REST endpoint receives the Flink API secret with every request, so it must be https;
/// plain http is allowed only on loopback, where the local emulator runs.
/// </summary>
public static class RestEndpointRule
{
    /// <summary>Null when acceptable, else what is wrong (to follow the property name in a message).</summary>
    public static string? Check(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            return "must be an absolute https URL such as https://flink.us-east-1.aws.confluent.cloud";
        if (uri.Scheme == "http" && !IsLoopback(uri))
            return "must use https (http is accepted only for loopback addresses such as a local emulator)";
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
