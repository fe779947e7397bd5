using Polly.Timeout;

namespace ConfluentFlink.FlinkApi.Http;

/// <summary>What a failed attempt that got no HTTP answer means: could it have reached the service, and what to call it.</summary>
internal static class TransportFailures
{
    /// <summary>
    /// The request never left this machine: the name did not resolve, or no connection (TCP, TLS, proxy tunnel) was
    /// established. Anything later (a reset, a closed connection, no answer in time) may come after the service acted.
    /// </summary>
    public static bool NeverReachedService(Exception failure) => failure is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
    };

    /// <summary>A name that does not resolve or a TLS handshake that fails will not heal within a retry budget.</summary>
    public static bool IsPermanent(Exception failure) => failure is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
    };

    /// <summary>The kind of failure in a few words for logs and messages; never a header or a body.</summary>
    public static string Describe(Exception failure) => failure switch
    {
        TimeoutRejectedException timeout => $"no answer within {timeout.Timeout.TotalSeconds:0.###} s",
        OperationCanceledException => "no answer in time",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection refused or unreachable",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before the answer",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown and var kind } => $"transport failure ({kind})",
        HttpRequestException or IOException => "connection dropped",
        _ => failure.GetType().Name,
    };
}
