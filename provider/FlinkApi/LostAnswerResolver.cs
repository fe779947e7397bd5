using System.Net;
using ConfluentFlink.FlinkApi.Http;
using ConfluentFlink.FlinkApi.Models;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// Finds out what became of a write whose answer was lost: the service may have carried it out before the
/// connection dropped, the attempt timed out or a 5xx/429 came back. One lookup by name, with quick retries of its
/// own inside the lookup's slice of the budget, turns that unknown into an outcome.
/// </summary>
internal sealed class LostAnswerResolver(IConnectionsApi api, FlinkApiSettings settings, ILogger logger)
{
    // How far the API's clock may run behind ours when judging whether a connection was born during a create.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a failed write may have been carried out anyway: an attempt reached the service and the last one ended
    /// without a final refusal (no answer, or a 5xx/429), or a retry met 409 because an earlier attempt got through.
    /// </summary>
    public static bool AnswerMayBeLost(HttpStatusCode? status, AttemptLog attempts) => status switch
    {
        null => attempts.MayHaveReached > 0,
        HttpStatusCode.Conflict => attempts.MayHaveReached > 1,
        { } answered => ResiliencePipelineFactory.IsTransientStatus(answered),
    };

    public async Task<CreateOutcome> ResolveCreateAsync(ConnectionScope scope, ConnectionRequest request, DateTimeOffset sentAt,
        FlinkApiException failure, OperationBudget budget)
    {
        var found = await LookupAsync(scope, request.Name, budget,
            lookupFailure => CreateOutcomeUnknownException.LookupFailed(request.Name, failure, lookupFailure)).ConfigureAwait(false);
        if (found is null)
        {
            // A 409 for a connection that is gone again was someone else's: the API's own answer says it best.
            throw failure.StatusCode == HttpStatusCode.Conflict
                ? failure
                : failure.WithNote($"A lookup found no connection named '{request.Name}': it was not created.");
        }

        var type = found.Spec?.ConnectionType;
        var endpoint = found.Spec?.Endpoint;
        // One made by hand long before has the same name, type and endpoint too: taking it over would let a later
        // destroy delete it. Only a connection born during this create (give or take clock skew) is ours.
        var bornDuringCreate = found.Metadata?.CreatedAt is { } created && created >= sentAt - ClockSkew;
        if (bornDuringCreate &&
            string.Equals(type, request.ConnectionType, StringComparison.Ordinal) &&
            string.Equals(endpoint, request.Endpoint, StringComparison.Ordinal))
        {
            logger.LogInformation("Adopted connection {Name}: the create's answer was lost, and a lookup found it born during " +
                                  "this create with the requested type and endpoint", request.Name);
            return new CreateOutcome(found, CreateOutcomeKind.AdoptedAfterLostAnswer);
        }

        var detail = bornDuringCreate
            ? $"A connection named '{request.Name}' already exists and differs from the one requested: " +
              $"it has type {type} and endpoint {endpoint}, the request asked for type {request.ConnectionType} " +
              $"and endpoint {request.Endpoint}"
            : $"A connection named '{request.Name}' already existed before this create was sent";
        // The API's own 409 keeps its fields; after a lost answer of another kind, its code and title would mislead.
        var conflict = failure.StatusCode == HttpStatusCode.Conflict ? failure : null;
        throw FailureMapper.Build(HttpStatusCode.Conflict, code: conflict?.Code, title: conflict?.Title, detail: detail,
            sourcePointer: conflict?.SourcePointer, requestId: conflict?.RequestId, inner: failure);
    }

    /// <summary>
    /// The connection's resource_version when it moved from the one sent: the update, or another writer's, was applied.
    /// One that did not move means the update was not applied, and throws.
    /// </summary>
    public async Task<string> MovedVersionAsync(ConnectionScope scope, string name, string sentVersion, FlinkApiException failure,
        OperationBudget budget)
    {
        var found = await LookupAsync(scope, name, budget, lookupFailure => InDoubt("update", name, failure, lookupFailure))
            .ConfigureAwait(false);
        if (found is null) throw failure.WithNote($"A lookup found no connection named '{name}'.");
        var current = found.Metadata?.ResourceVersion;
        if (string.IsNullOrEmpty(current) || string.Equals(current, sentVersion, StringComparison.Ordinal))
            throw failure.WithNote($"Connection '{name}' is still at resource_version '{sentVersion}': the update was not applied.");
        logger.LogInformation("The update of connection {Name} lost its answer; reading it back shows resource_version {Sent} " +
                              "moved to {Current}", name, sentVersion, current);
        return current;
    }

    /// <summary>A lookup that answers 404 confirms the delete.</summary>
    public async Task ConfirmDeleteAsync(ConnectionScope scope, string name, FlinkApiException failure, OperationBudget budget)
    {
        var found = await LookupAsync(scope, name, budget, lookupFailure => InDoubt("delete", name, failure, lookupFailure))
            .ConfigureAwait(false);
        if (found is not null) throw failure.WithNote($"Connection '{name}' still exists: it was not deleted.");
        logger.LogInformation("Deleted connection {Name}: the answer was lost, and a lookup answered 404", name);
    }

    /// <summary>An update or delete whose outcome stays unknown; doing it again is harmless, so the user can simply retry.</summary>
    private static FlinkApiException InDoubt(string operation, string name, FlinkApiException failure, FlinkApiException lookupFailure) =>
        new($"The {operation} of connection '{name}' may or may not have happened: {failure.Message}. Looking the connection up " +
            $"to find out failed too: {lookupFailure.Message}. Running the {operation} again is safe.", innerException: lookupFailure);

    /// <summary>The connection, or null on 404; a lookup that fails throws what <paramref name="whenItFails"/> makes of it.</summary>
    private async Task<Connection?> LookupAsync(ConnectionScope scope, string name, OperationBudget budget,
        Func<FlinkApiException, Exception> whenItFails)
    {
        try
        {
            return await LookupAsync(scope, name, budget).ConfigureAwait(false);
        }
        catch (FlinkApiException lookupFailure)
        {
            throw whenItFails(lookupFailure);
        }
    }

    private async Task<Connection?> LookupAsync(ConnectionScope scope, string name, OperationBudget budget)
    {
        var plan = new CallPlan(CallKind.ResolvingLookup, budget.LookupDeadline(settings.LookupTimeout));
        using var response = await api.Get(scope.OrganizationId, scope.EnvironmentId, name, plan, budget.Cancellation)
            .ConfigureAwait(false);
        return FailureMapper.ConnectionOrNull(response);
    }
}
