using System.Security.Cryptography;
using System.Text;
using ConfluentFlink.FlinkApiEmulator.Api;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>
/// What wraps every API request, outermost first: request id, statistics and logging, injected faults, Basic auth.
/// Faults sit before auth because they stand for trouble in front of the service (load balancer, network).
/// </summary>
internal static class ApiMiddleware
{
    public const string AdminPrefix = "/_emulator";
    public const string RequestIdHeader = "X-Request-Id";
    // Kestrel signals RequestAborted on the thread pool after Abort(), often after the stats middleware has
    // already looked; the fault middleware marks its own drops so they are always counted as drops.
    private const string DroppedMarker = "ConfluentFlink.Emulator.Dropped";

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

    public static void UseStats(this IApplicationBuilder app, RequestStats stats, ILogger logger) => app.Use(async (http, next) =>
    {
        if (IsAdmin(http)) { await next(http); return; }
        try
        {
            await next(http);
        }
        finally
        {
            var answer = http.RequestAborted.IsCancellationRequested || http.Items.ContainsKey(DroppedMarker)
                ? RequestStats.DroppedKey
                : http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            stats.Record(http.Request.Method, answer);
            logger.LogInformation("{Method} {Path}{Query} -> {Answer}", http.Request.Method, http.Request.Path,
                http.Request.QueryString, answer);
        }
    });

    public static void UseFaults(this IApplicationBuilder app, FaultInjector faults) => app.Use(async (http, next) =>
    {
        if (IsAdmin(http)) { await next(http); return; }
        var decision = faults.Next(IsWrite(http.Request.Method));
        if (decision.DelayMs > 0)
        {
            try
            {
                await Task.Delay(decision.DelayMs, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return; // The client gave up while we were being slow; nobody is left to answer.
            }
        }

        switch (decision.Action)
        {
            case FaultAction.Drop:
                http.Items[DroppedMarker] = true;
                http.Abort();
                return;
            case FaultAction.Fail:
                if (decision.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Failures.Injected(decision.Status).ExecuteAsync(http);
                return;
            case FaultAction.CommitThenFail:
                await CommitThenFailAsync(http, next, decision.Status);
                return;
            default:
                await next(http);
                return;
        }
    });

    public static void UseBasicAuth(this IApplicationBuilder app, string apiKey, string apiSecret)
    {
        var expected = Encoding.UTF8.GetBytes($"{apiKey}:{apiSecret}");
        app.Use(async (http, next) =>
        {
            if (IsAdmin(http) || Presented(http.Request) is { } presented && CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                await next(http);
                return;
            }

            http.Response.Headers.WWWAuthenticate = "Basic error=\"invalid_key\", error_description=\"The API Key is invalid\"";
            await Failures.Unauthenticated().ExecuteAsync(http);
        });
    }

    /// <summary>Let the handler do its work (the store changes), then throw its answer away and fail or drop instead.</summary>
    private static async Task CommitThenFailAsync(HttpContext http, RequestDelegate next, int status)
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

        if (status == 0 || http.Response.HasStarted)
        {
            http.Items[DroppedMarker] = true;
            http.Abort();
            return;
        }

        http.Response.Clear();
        await Failures.Injected(status).ExecuteAsync(http);
    }

    private static byte[]? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return Convert.FromBase64String(header[scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsAdmin(HttpContext http) => http.Request.Path.StartsWithSegments(AdminPrefix);

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
}
