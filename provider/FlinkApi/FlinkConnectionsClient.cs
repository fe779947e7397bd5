using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Web;
using ConfluentFlink.FlinkApi.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// The Connections client: Refit for the HTTP shape, Newtonsoft for the bodies, Polly for retries, and a lookup that
/// settles every write whose answer was lost. One instance serves any number of concurrent calls, so build it once
/// per endpoint and credential with <see cref="Create"/>.
/// </summary>
public sealed class FlinkConnectionsClient : IFlinkConnectionsClient
{
    public const string UserAgentProduct = "pulumi-resource-confluentflink";

    // page_size is at most 100: this is 100,000 connections, far past any environment's quota.
    private const int MaxPages = 1000;

    // How far the API's clock may run behind ours when judging whether a connection was born during a create.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly IConnectionsApi _api;
    private readonly FlinkApiSettings _settings;
    private readonly Resilience _resilience;
    private readonly ILogger _logger;

    private FlinkConnectionsClient(IConnectionsApi api, FlinkApiSettings settings, ILogger logger)
    {
        _api = api;
        _settings = settings;
        _resilience = new Resilience(settings, logger);
        _logger = logger;
    }

    /// <param name="version">The plugin's version, sent in the User-Agent.</param>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = NewtonsoftContentSerializer.KeptWhole)]
    /// <param name="primaryHandler">The innermost handler; tests pass a mock, production leaves the pooled default.</param>
    public static IFlinkConnectionsClient Create(FlinkApiSettings settings, string version, ILogger? logger = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var http = new HttpClient(new BufferingHandler
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler
            {
                // Pooled connections are recycled so a long-lived provider notices DNS changes of the endpoint.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            },
        })
        {
            BaseAddress = settings.RestEndpoint,
            // Every call carries its own bound; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ApiKey}:{settings.ApiSecret}")));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(UserAgentProduct, version));
        var refit = new RefitSettings(new NewtonsoftContentSerializer())
        {
            // Transport failures reach the retry pipeline as they are, not wrapped in Refit's exception.
            TransportExceptionFactory = (_, exception, _) => exception,
        };
        return new FlinkConnectionsClient(RestService.For<IConnectionsApi>(http, refit), settings, logger ?? NullLogger.Instance);
    }

    public async Task<CreateOutcome> CreateAsync(ConnectionAddress address, NewConnection connection, OperationBudget budget)
    {
        var body = new Connection
        {
            Name = address.Name,
            Spec = new ConnectionSpec
            {
                ConnectionType = connection.ConnectionType,
                Endpoint = connection.Endpoint,
                AuthData = new AuthData { Data = connection.AuthDataJson },
            },
        };
        var sentAt = DateTimeOffset.UtcNow;
        var exchange = await SendAsync(new CallName($"create of connection '{address.Name}'", $"POST {address.Path[..address.Path.LastIndexOf('/')]}"),
            budget.RequestDeadline(_settings.LookupTimeout), budget,
            token => _api.Create(address.OrganizationId, address.EnvironmentId, body, token)).ConfigureAwait(false);
        if (exchange.Cancelled)
            throw exchange.MayHaveReached ? CreateOutcomeUnknownException.Cancelled(address.Name) : new OperationCanceledException(budget.Cancellation);
        if (exchange.Response is IApiResponse<Connection> { IsSuccessStatusCode: true } created)
            return new CreateOutcome(FailureMapper.RequireContent(created), CreateOutcomeKind.Created);

        var failure = FailureOf(exchange);
        if (!AnswerMayBeLost(exchange)) throw failure;
        try
        {
            return await AdoptAsync(address, connection, sentAt, failure, budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.Cancellation.IsCancellationRequested)
        {
            // Cancel ends everything at once, the lookup included; the caller still learns that the connection may exist.
            throw CreateOutcomeUnknownException.Cancelled(address.Name);
        }
    }

    public async Task<Connection?> GetAsync(ConnectionAddress address, OperationBudget budget) =>
        FailureMapper.ConnectionOrNull(Answer<Connection>(await SendAsync(new CallName($"read of connection '{address.Name}'", $"GET {address.Path}"),
            budget.End, budget, token => _api.Get(address.OrganizationId, address.EnvironmentId, address.Name, token)).ConfigureAwait(false), budget));

    public async Task<IReadOnlyList<Connection>> ListAsync(EnvironmentAddress environment, string? connectionType, OperationBudget budget)
    {
        var all = new List<Connection>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var token = pageToken;
            var response = Answer<ConnectionList>(await SendAsync(new CallName($"list of connections in {environment}", $"GET {environment.Connection("").Path.TrimEnd('/')}"),
                budget.End, budget, cancellation => _api.List(environment.OrganizationId, environment.EnvironmentId, connectionType,
                    _settings.ListPageSize, token, cancellation)).ConfigureAwait(false), budget);
            if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
            var page = FailureMapper.RequireContent(response);
            all.AddRange(page.Data);
            pageToken = NextPageToken(page.Metadata?.Next);
            // A server that hands out the same token twice, or tokens without end, would keep us paging forever.
            if (pageToken is not null && !seenTokens.Add(pageToken))
                throw new FlinkApiException($"Confluent API list paging repeated page token '{pageToken}'; stopping.");
            if (seenTokens.Count >= MaxPages)
                throw new FlinkApiException($"Confluent API list paging went past {MaxPages} pages; stopping.");
        } while (pageToken is not null);
        return all;
    }

    public async Task<Connection> SetAuthDataAsync(ConnectionAddress address, string authDataJson, OperationBudget budget, Connection? current = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var known = (attempt == 1 ? current : null) ?? await GetAsync(address, budget).ConfigureAwait(false)
                ?? throw FailureMapper.ToException(new ApiFailure(HttpStatusCode.NotFound) { Detail = $"connection '{address.Name}' no longer exists" });
            try
            {
                return await PutAsync(address, known, authDataJson, budget, sendAgainIfMoved: true).ConfigureAwait(false);
            }
            catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt == 1)
            {
                // Another writer moved resource_version between our read and our PUT: read again and try once more.
            }
            catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                throw new FlinkApiException($"Connection '{address.Name}' was changed by someone else twice while its credentials were " +
                                            $"being updated; run the update again ({e.Message})", e.Answer, e);
            }
        }
    }

    public async Task<bool> DeleteAsync(ConnectionAddress address, OperationBudget budget)
    {
        var exchange = await SendAsync(new CallName($"delete of connection '{address.Name}'", $"DELETE {address.Path}"),
            budget.RequestDeadline(_settings.LookupTimeout), budget,
            token => _api.Delete(address.OrganizationId, address.EnvironmentId, address.Name, token)).ConfigureAwait(false);
        if (exchange.Cancelled) throw new OperationCanceledException(budget.Cancellation);
        if (exchange.Response?.StatusCode == HttpStatusCode.NotFound) return false;
        if (exchange.Response is { IsSuccessStatusCode: true }) return true;
        var failure = FailureOf(exchange);
        if (!AnswerMayBeLost(exchange)) throw failure;
        if (await LookupAsync(address, budget, lookupFailure => InDoubt("delete", address.Name, failure, lookupFailure)).ConfigureAwait(false) is not null)
            throw failure.WithNote($"Connection '{address.Name}' still exists: it was not deleted.");
        _logger.LogInformation("Deleted connection {Name}: the answer was lost, and a lookup answered 404", address.Name);
        return true;
    }

    /// <summary>
    /// One PUT of <paramref name="authDataJson"/> on the version <paramref name="current"/> holds. An answer lost on the
    /// way back is settled by reading the connection: a resource_version that did not move means the PUT was not applied.
    /// </summary>
    private async Task<Connection> PutAsync(ConnectionAddress address, Connection current, string authDataJson, OperationBudget budget, bool sendAgainIfMoved)
    {
        var version = current.Metadata?.ResourceVersion;
        if (string.IsNullOrEmpty(version))
            throw new FlinkApiException($"Confluent API answered connection '{address.Name}' without metadata.resource_version, which an update needs.");
        var body = new Connection
        {
            Name = address.Name,
            Spec = new ConnectionSpec
            {
                ConnectionType = current.Spec?.ConnectionType,
                Endpoint = current.Spec?.Endpoint,
                AuthData = new AuthData { Data = authDataJson },
            },
            // The schema requires metadata.self on every ObjectMeta; the resource's own URL is what it means.
            Metadata = new ObjectMeta { Self = current.Metadata!.Self ?? new Uri(_settings.RestEndpoint, address.Path).ToString(), ResourceVersion = version },
        };
        var requestDeadline = budget.RequestDeadline(_settings.LookupTimeout);
        var exchange = await SendAsync(new CallName($"update of connection '{address.Name}'", $"PUT {address.Path}"), requestDeadline, budget,
            token => _api.Update(address.OrganizationId, address.EnvironmentId, address.Name, body, token)).ConfigureAwait(false);
        if (exchange.Cancelled) throw new OperationCanceledException(budget.Cancellation);
        if (exchange.Response is IApiResponse<Connection> { IsSuccessStatusCode: true } updated) return FailureMapper.RequireContent(updated);

        var failure = FailureOf(exchange);
        if (!AnswerMayBeLost(exchange)) throw failure;
        var found = await LookupAsync(address, budget, lookupFailure => InDoubt("update", address.Name, failure, lookupFailure)).ConfigureAwait(false)
            ?? throw failure.WithNote($"A lookup found no connection named '{address.Name}'.");
        var moved = found.Metadata?.ResourceVersion;
        if (string.IsNullOrEmpty(moved) || moved == version)
            throw failure.WithNote($"Connection '{address.Name}' is still at resource_version '{version}': the update was not applied.");
        _logger.LogInformation("The update of connection {Name} lost its answer; reading it back shows resource_version {Sent} moved to {Current}",
            address.Name, version, moved);
        // Another writer would move the version too, so a moved version does not prove ours was applied: the same PUT on
        // the new version does (it changes nothing if ours was). With the custom timeout spent there is no time for it,
        // and the moved version is the best evidence left.
        if (!sendAgainIfMoved || exchange.DeadlinePassed || requestDeadline is { HasPassed: true }) return found;
        try
        {
            return await PutAsync(address, found, authDataJson, budget, sendAgainIfMoved: false).ConfigureAwait(false);
        }
        catch (FlinkApiException resendFailure)
        {
            // "Not applied" from the second PUT would be wrong about the first, which may be what moved the version.
            throw new FlinkApiException($"The update of connection '{address.Name}' may or may not have happened: its answer was lost, " +
                $"and the connection's resource_version moved from '{version}' to '{moved}', which another writer could also have " +
                $"done. Sending it again to be sure failed: {resendFailure.Message}. Running the update again is safe.", innerException: resendFailure);
        }
    }

    /// <summary>
    /// After a create whose answer was lost: the connection, if a lookup finds one born during this create that matches
    /// the request; else the failure, a 409 for one that is not ours, or "may exist" when the lookup fails too.
    /// </summary>
    private async Task<CreateOutcome> AdoptAsync(ConnectionAddress address, NewConnection request, DateTimeOffset sentAt, FlinkApiException failure,
        OperationBudget budget)
    {
        var found = await LookupAsync(address, budget, lookupFailure => CreateOutcomeUnknownException.LookupFailed(address.Name, failure, lookupFailure))
            .ConfigureAwait(false);
        if (found is null)
        {
            // A 409 for a connection that is gone again was someone else's: the API's own answer says it best.
            throw failure.StatusCode == HttpStatusCode.Conflict
                ? failure
                : failure.WithNote($"A lookup found no connection named '{address.Name}': it was not created.");
        }

        var (type, endpoint) = (found.Spec?.ConnectionType, found.Spec?.Endpoint);
        // One made by hand long before has the same name, type and endpoint too: taking it over would let a later
        // destroy delete it. Only a connection born during this create (give or take clock skew) is ours.
        var bornDuringCreate = found.Metadata?.CreatedAt is { } created && created >= sentAt - ClockSkew;
        if (bornDuringCreate && type == request.ConnectionType && endpoint == request.Endpoint)
        {
            _logger.LogInformation("Adopted connection {Name}: the create's answer was lost, and a lookup found it born during " +
                                   "this create with the requested type and endpoint", address.Name);
            return new CreateOutcome(found, CreateOutcomeKind.AdoptedAfterLostAnswer);
        }

        var detail = bornDuringCreate
            ? $"A connection named '{address.Name}' already exists and differs from the one requested: it has type {type} and endpoint " +
              $"{endpoint}, the request asked for type {request.ConnectionType} and endpoint {request.Endpoint}"
            : $"A connection named '{address.Name}' already existed before this create was sent";
        // The API's own 409 keeps its fields; after a lost answer of another kind, its code and title would mislead.
        throw FailureMapper.ToException((failure.StatusCode == HttpStatusCode.Conflict ? failure.Answer! : new ApiFailure(HttpStatusCode.Conflict))
            with { Detail = detail }, failure);
    }

    /// <summary>The connection, or null on 404; a lookup that fails throws what <paramref name="whenItFails"/> makes of it.</summary>
    private async Task<Connection?> LookupAsync(ConnectionAddress address, OperationBudget budget, Func<FlinkApiException, Exception> whenItFails)
    {
        var exchange = await _resilience.SendAsync(CallKind.ResolvingLookup, new CallName($"lookup of connection '{address.Name}'", $"GET {address.Path}"),
            budget.LookupDeadline(_settings.LookupTimeout), budget,
            async token => await _api.Get(address.OrganizationId, address.EnvironmentId, address.Name, token).ConfigureAwait(false)).ConfigureAwait(false);
        if (exchange.Cancelled) throw new OperationCanceledException(budget.Cancellation);
        try
        {
            return FailureMapper.ConnectionOrNull((IApiResponse<Connection>?)exchange.Response ?? throw exchange.Failure!);
        }
        catch (FlinkApiException lookupFailure)
        {
            throw whenItFails(lookupFailure);
        }
    }

    /// <summary>An update or delete whose outcome stays unknown; doing it again is harmless, so the user can simply retry.</summary>
    private static FlinkApiException InDoubt(string operation, string name, FlinkApiException failure, FlinkApiException lookupFailure) =>
        new($"The {operation} of connection '{name}' may or may not have happened: {failure.Message}. Looking the connection up " +
            $"to find out failed too: {lookupFailure.Message}. Running the {operation} again is safe.", innerException: lookupFailure);

    private static FlinkApiException FailureOf(Exchange exchange) => exchange.Failure ?? FailureMapper.ToException(exchange.Response!);

    /// <summary>
    /// Whether a write that did not succeed may have been carried out anyway: an attempt reached the service and the last
    /// one ended without a final refusal (no answer, or a 5xx/429), or a retry met 409 because an earlier attempt got through.
    /// </summary>
    private static bool AnswerMayBeLost(Exchange exchange) => exchange.Response?.StatusCode switch
    {
        null => exchange.MayHaveReached,
        HttpStatusCode.Conflict => exchange.Attempts.Count(a => a.MayHaveReached) > 1,
        _ => exchange.Attempts[^1].IsTransient,
    };

    /// <summary>The answer of a read; a cancelled or unanswered call throws.</summary>
    private static IApiResponse<T> Answer<T>(Exchange exchange, OperationBudget budget) =>
        exchange.Cancelled ? throw new OperationCanceledException(budget.Cancellation)
        : (IApiResponse<T>?)exchange.Response ?? throw exchange.Failure!;

    private async Task<Exchange> SendAsync<TResponse>(CallName name, Deadline? deadline, OperationBudget budget, Func<CancellationToken, Task<TResponse>> send)
        where TResponse : IApiResponse =>
        await _resilience.SendAsync(CallKind.Operation, name, deadline, budget, async token => await send(token).ConfigureAwait(false)).ConfigureAwait(false);

    private string? NextPageToken(string? next)
    {
        if (string.IsNullOrEmpty(next)) return null;
        if (!Uri.TryCreate(_settings.RestEndpoint, next, out var uri))
            throw new FlinkApiException($"Confluent API list answered an unreadable metadata.next '{next}'.");
        var token = HttpUtility.ParseQueryString(uri.Query)["page_token"];
        return string.IsNullOrEmpty(token)
            ? throw new FlinkApiException($"Confluent API list answered metadata.next without a page_token: '{next}'.")
            : token;
    }

    /// <summary>Reads each answer's body inside its attempt, so a connection dropped mid-body is retried like any other drop.</summary>
    private sealed class BufferingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
