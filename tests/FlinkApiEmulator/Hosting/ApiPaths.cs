namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>
/// Which requests the API middleware (statistics, faults, auth) applies to: everything but the admin paths.
/// Order in the pipeline, outermost first: request id, statistics, faults, Basic auth, routing failures. Faults sit before
/// auth because they stand for trouble in front of the service (load balancer, network).
/// </summary>
internal static class ApiPaths
{
    public const string AdminPrefix = "/_emulator";

    public static bool IsAdmin(HttpContext http) => http.Request.Path.StartsWithSegments(AdminPrefix);
}
