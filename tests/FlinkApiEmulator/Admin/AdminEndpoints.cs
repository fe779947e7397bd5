using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Hosting;
using ConfluentFlink.FlinkApiEmulator.Status;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Admin;

/// <summary>
/// The control paths under <c>/_emulator/</c> (no auth: they exist only on a loopback test server). Bodies are camelCase JSON.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, ConnectionStore store, FaultInjector faults, StatusRules statusRules,
        RequestStats stats)
    {
        var admin = app.MapGroup(ApiPaths.AdminPrefix);
        admin.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        admin.MapGet("/faults", () => Results.Ok(faults.Current));
        admin.MapPut("/faults", (FaultPlan plan) =>
        {
            if (plan.Problem() is { } problem) return Refused(problem);
            faults.Set(plan);
            return Results.Ok(faults.Current);
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/status-rules", () => Results.Ok(statusRules.Current));
        admin.MapPut("/status-rules", (List<StatusRule?> rules) =>
        {
            if (StatusRules.Problem(rules) is { } problem) return Refused(problem);
            statusRules.Set(rules!);
            return Results.Ok(statusRules.Current);
        });
        admin.MapDelete("/status-rules", () =>
        {
            statusRules.Clear();
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
        admin.MapPut("/connections/{organizationId}/{environmentId}/{name}/status",
            (string organizationId, string environmentId, string name, ConnectionStatus status) =>
            {
                if (string.IsNullOrWhiteSpace(status.Phase)) return Refused("phase must not be empty");
                return store.SetStatus(new ConnectionKey(organizationId, environmentId, name), status) is { } updated
                    ? Results.Ok(ToView(updated))
                    : Results.NotFound(new { error = $"no connection '{name}' in {organizationId}/{environmentId}" });
            });

        admin.MapPost("/reset", () =>
        {
            store.Clear();
            faults.Clear();
            statusRules.Clear();
            stats.Reset();
            return Results.NoContent();
        });
    }

    private static IResult Refused(string problem) => Results.BadRequest(new { error = problem });

    private static StoredConnectionView ToView(StoredConnection c) => new(c.Key.OrganizationId, c.Key.EnvironmentId, c.Key.Name,
        c.ConnectionType, c.Endpoint, c.ResourceVersion, string.IsNullOrEmpty(c.AuthData) ? "absent" : "present",
        c.AuthDataKeys, c.AuthType, c.Status);
}
