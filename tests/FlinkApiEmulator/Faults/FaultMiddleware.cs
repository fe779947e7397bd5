using System.Globalization;
using ConfluentFlink.FlinkApiEmulator.Api;
using ConfluentFlink.FlinkApiEmulator.Hosting;

namespace ConfluentFlink.FlinkApiEmulator.Faults;

/// <summary>Carries out the <see cref="FaultInjector"/>'s decision for each API request.</summary>
internal static class FaultMiddleware
{
    private const string DroppedMarker = "emulator.dropped";

    public static void UseFaults(this IApplicationBuilder app, FaultInjector faults) => app.Use(async (http, next) =>
    {
        if (ApiPaths.IsAdmin(http)) { await next(http); return; }
        var decision = faults.Next(http.Request.Method);
        // The client gave up while we were being slow; nobody is left to answer.
        if (decision.DelayMs > 0 && !await HeldAsync(http, decision.DelayMs)) return;

        switch (decision.Action)
        {
            case FaultAction.Drop:
                Drop(http);
                return;
            case FaultAction.Fail:
                if (decision.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Failures.Injected(decision.Status).ExecuteAsync(http);
                return;
            case FaultAction.CommitThenFail:
                await CommitThenFailAsync(http, next, decision.Status, decision.AnswerHoldMs);
                return;
            default:
                await next(http);
                return;
        }
    });

    /// <summary>
    /// Let the handler do its work (the store changes), hold on for <paramref name="holdMs"/>, then throw its answer
    /// away and fail or drop instead.
    /// </summary>
    private static async Task CommitThenFailAsync(HttpContext http, RequestDelegate next, int status, int holdMs)
    {
        var original = http.Response.Body;
        using var swallowed = new MemoryStream();
        http.Response.Body = swallowed;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (holdMs > 0 && !await HeldAsync(http, holdMs)) return;
        if (status == 0 || http.Response.HasStarted)
        {
            Drop(http);
            return;
        }

        http.Response.Clear();
        await Failures.Injected(status).ExecuteAsync(http);
    }

    /// <summary>Waits; false when the client went away meanwhile.</summary>
    private static async Task<bool> HeldAsync(HttpContext http, int milliseconds)
    {
        try
        {
            await Task.Delay(milliseconds, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    // Kestrel signals RequestAborted asynchronously after Abort(), so the statistics are told directly.
    private static void Drop(HttpContext http)
    {
        http.Items[DroppedMarker] = true;
        http.Abort();
    }

    public static bool WasDropped(HttpContext http) => http.Items.ContainsKey(DroppedMarker);
}
