using System.Globalization;
using ConfluentFlink.FlinkApiEmulator.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>The five Connections operations of sql/v1 over <see cref="ConnectionStore"/>.</summary>
internal static class ConnectionEndpoints
{
    private const int MaxPageSize = 100;

    public static void MapConnections(this IEndpointRouteBuilder app, ConnectionStore store, int defaultPageSize)
    {
        var pageTokens = new PageTokens();
        var collection = app.MapGroup("/sql/v1/organizations/{organizationId}/environments/{environmentId}/connections");
        collection.MapGet("", (HttpContext http, string organizationId, string environmentId) =>
            List(http, store, pageTokens, organizationId, environmentId, defaultPageSize));
        collection.MapPost("", (HttpContext http, string organizationId, string environmentId) =>
            CreateAsync(http, store, organizationId, environmentId));
        collection.MapGet("/{name}", (HttpContext http, string organizationId, string environmentId, string name) =>
            store.Get(new ConnectionKey(organizationId, environmentId, name)) is { } stored
                ? Results.Json(ConnectionViews.ToView(http.Request, stored), WireJson.Options)
                : Failures.NotFound(name, environmentId));
        collection.MapPut("/{name}", (HttpContext http, string organizationId, string environmentId, string name) =>
            UpdateAsync(http, store, new ConnectionKey(organizationId, environmentId, name)));
        collection.MapDelete("/{name}", (string organizationId, string environmentId, string name) =>
            store.Delete(new ConnectionKey(organizationId, environmentId, name)) ? Results.Ok() : Failures.NotFound(name, environmentId));
    }

    private static IResult List(HttpContext http, ConnectionStore store, PageTokens pageTokens, string organizationId, string environmentId,
        int defaultPageSize)
    {
        var query = http.Request.Query;
        var pageSize = defaultPageSize;
        if (query.TryGetValue("page_size", out var sizeText) &&
            (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Failures.InvalidParameter("page_size", $"page_size must be an integer from 1 to {MaxPageSize}.");
        }

        string? type = query.TryGetValue("spec.connection_type", out var typeText) ? typeText.ToString() : null;
        var listing = new Listing(organizationId, environmentId, type);
        string? after = null;
        if (query.TryGetValue("page_token", out var token) && !pageTokens.TryRead(listing, token.ToString(), out after!))
        {
            return Failures.InvalidParameter("page_token",
                "page_token is not one this service handed out for this listing; start again without it, or follow metadata.next.");
        }

        var page = store.Page(organizationId, environmentId, type, after, pageSize, out var hasMore);

        var collectionUrl = ConnectionViews.Origin(http.Request) + ConnectionViews.CollectionPath(organizationId, environmentId);
        string? next = null;
        if (hasMore)
        {
            var nextQuery = new Dictionary<string, string?> { ["page_size"] = pageSize.ToString(CultureInfo.InvariantCulture) };
            if (type is not null) nextQuery["spec.connection_type"] = type;
            nextQuery["page_token"] = pageTokens.Issue(listing, page[^1].Key.Name);
            next = QueryHelpers.AddQueryString(collectionUrl, nextQuery);
        }

        var view = new ConnectionListView(ConnectionViews.ApiVersion, "ConnectionList",
            new ListMetaView(collectionUrl + http.Request.QueryString, next),
            page.Select(c => ConnectionViews.ToView(http.Request, c)).ToList());
        return Results.Json(view, WireJson.Options);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ConnectionStore store, string organizationId, string environmentId)
    {
        var (body, refusal) = await ConnectionBodyReader.ReadAsync(http);
        if (refusal is not null) return refusal;
        // POST documents 422 for a body that parses but breaks a field rule.
        if (ConnectionRules.CheckCreate(body!) is { } violation) return Failures.Invalid(422, violation.Pointer, violation.Detail);
        var spec = body!.Spec!;
        // The schema types auth_data.data as a plain string, so what it holds is no schema rule: its credential rules
        // answer 400 here as they do on PUT.
        if (AuthDataCheck.Check(spec.ConnectionType!, spec.AuthData!.Data!) is { } credentialViolation)
            return Failures.Invalid(400, credentialViolation.Pointer, credentialViolation.Detail);

        var key = new ConnectionKey(organizationId, environmentId, body.Name!);
        if (!store.TryCreate(key, spec.ConnectionType!, spec.Endpoint!, spec.AuthData!.Kind ?? ConnectionRules.PlaintextProvider,
                spec.AuthData.Data!, out var stored))
        {
            http.Response.Headers.Location = ConnectionViews.ItemUrl(http.Request, stored.Key);
            return Failures.Answer(409, "resource_already_exists", "Resource Already exists",
                $"The connection '{key.Name}' already exists in environment '{environmentId}'.");
        }

        var view = ConnectionViews.ToView(http.Request, stored);
        http.Response.Headers.Location = view.Metadata.Self;
        return Results.Json(view, WireJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, ConnectionStore store, ConnectionKey key)
    {
        var (body, refusal) = await ConnectionBodyReader.ReadAsync(http);
        if (refusal is not null) return refusal;
        var current = store.Get(key);
        if (current is null) return Failures.NotFound(key.Name, key.EnvironmentId);
        // PUT documents no 422, so field rules answer 400 here.
        if ((ConnectionRules.CheckUpdate(body!, key.Name, current.ConnectionType, current.Endpoint)
             ?? AuthDataCheck.Check(current.ConnectionType, body!.Spec!.AuthData!.Data!)) is { } violation)
            return Failures.Invalid(400, violation.Pointer, violation.Detail);

        var authData = body!.Spec!.AuthData!;
        var result = store.Update(key, body.Metadata!.ResourceVersion!, authData.Kind ?? ConnectionRules.PlaintextProvider, authData.Data!);
        return result.Status switch
        {
            UpdateStatus.Updated => Results.Json(ConnectionViews.ToView(http.Request, result.Connection!), WireJson.Options),
            UpdateStatus.NotFound => Failures.NotFound(key.Name, key.EnvironmentId),
            _ => Failures.Answer(409, "resource_version_conflict", "Conflict",
                $"metadata.resource_version '{body.Metadata.ResourceVersion}' is stale: the connection '{key.Name}' is now at " +
                $"'{result.Connection!.ResourceVersion}'. Read it again and retry.", pointer: "/metadata/resource_version"),
        };
    }
}
