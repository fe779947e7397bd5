namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>An X-Request-Id on every answer, as the service sends.</summary>
internal static class RequestIdMiddleware
{
    public const string RequestIdHeader = "X-Request-Id";

    public static void UseRequestId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var requestId = Guid.NewGuid().ToString("N");
        // OnStarting survives Response.Clear(), so the id also rides on answers rewritten by a fault.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[RequestIdHeader] = requestId;
            return Task.CompletedTask;
        });
        await next(http);
    });
}
