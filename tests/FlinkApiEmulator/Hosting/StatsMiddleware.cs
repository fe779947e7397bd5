using System.Globalization;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>Counts each API request once, by method and answer, and logs one line for it.</summary>
internal static class StatsMiddleware
{
    public static void UseStats(this IApplicationBuilder app, RequestStats stats, ILogger logger) => app.Use(async (http, next) =>
    {
        if (ApiPaths.IsAdmin(http)) { await next(http); return; }
        stats.Arrived();
        var recorded = 0;
        void Record(string answer)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 1) return;
            stats.Record(http.Request.Method, answer);
            logger.LogInformation("{Method} {Path}{Query} -> {Answer}", http.Request.Method, http.Request.Path,
                http.Request.QueryString, answer);
        }

        // Counted when the answer starts, before the client can see it: a test that asks for the statistics right
        // after its call returns must find that call already counted.
        http.Response.OnStarting(() =>
        {
            Record(http.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });
        try
        {
            await next(http);
        }
        finally
        {
            Record(FaultMiddleware.WasDropped(http) || http.RequestAborted.IsCancellationRequested
                ? RequestStats.DroppedKey
                : http.Response.StatusCode.ToString(CultureInfo.InvariantCulture));
        }
    });
}
