using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Hosting;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Admin;

/// <summary>
/// The control paths under <c>/_emulator/</c> (no auth: they exist only on a loopback test server). Bodies are camelCase JSON.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, ConnectionStore store, FaultInjector faults, RequestStats stats)
    {
        var admin = app.MapGroup(ApiPaths.AdminPrefix);
        admin.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        admin.MapGet("/faults", () => Results.Ok(faults.Current));
        admin.MapPut("/faults", (FaultPlan plan) =>
        {
            if (plan.Problem() is { } problem) return Results.BadRequest(new { error = problem });
            faults.Set(plan);
            return Results.Ok(faults.Current);
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/stats", () => Results.Ok(stats.Snapshot()));
        admin.MapDelete("/stats", () =>
        {
            stats.Reset();
            return Results.NoContent();
        });

        admin.MapGet("/connections", () => Results.Ok(store.All().Select(ToView)));
        admin.MapDelete("/connections", () =>
        {
            store.Clear();
            return Results.NoContent();
        });

        admin.MapPost("/reset", () =>
        {
            store.Clear();
            faults.Clear();
            stats.Reset();
            return Results.NoContent();
        });
    }

    private static StoredConnectionView ToView(StoredConnection c) => new(c.Key.OrganizationId, c.Key.EnvironmentId, c.Key.Name,
        c.ConnectionType, c.Endpoint, c.ResourceVersion, string.IsNullOrEmpty(c.AuthData) ? "absent" : "present",
        c.AuthDataKeys, c.AuthType);
}
