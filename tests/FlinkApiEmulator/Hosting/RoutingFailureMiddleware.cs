using ConfluentFlink.FlinkApiEmulator.Api;

namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>
/// Gives the answers routing makes on its own the API's Failure document: a path no endpoint serves (404), and a path
/// served only for other methods (405, whose Allow header routing has already set). Routing finds the 405 only because
/// no catch-all endpoint competes with it, so there is no fallback route.
/// </summary>
internal static class RoutingFailureMiddleware
{
    public static void UseRoutingFailures(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        if (http.Response.HasStarted) return;
        if (http.GetEndpoint() is null)
            await Failures.NoSuchPath().ExecuteAsync(http);
        else if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            await Failures.MethodNotAllowed(http.Request.Method, http.Response.Headers.Allow.ToString()).ExecuteAsync(http);
    });
}
