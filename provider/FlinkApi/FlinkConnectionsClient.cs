using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Web;
using ConfluentFlink.FlinkApi.Http;
using ConfluentFlink.FlinkApi.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace ConfluentFlink.FlinkApi;

/// <summary>
/// The Connections client: Refit for the HTTP shape, Newtonsoft for the bodies, Polly pipelines for retries and
/// timeouts, and a lookup that resolves every write whose answer was lost. One instance serves any number of
/// concurrent calls (HttpClient, the Refit proxy and the pipelines are all thread-safe), so build it once per
/// endpoint and credential with <see cref="Create"/>.
/// </summary>
public sealed class FlinkConnectionsClient : IFlinkConnectionsClient
{
    public const string UserAgentProduct = "pulumi-resource-confluentflink";

    // page_size is at most 100: this is 100,000 connections, far past any environment's quota.
    private const int MaxPages = 1000;

    private readonly IConnectionsApi _api;
    private readonly FlinkApiSettings _settings;
    private readonly LostAnswerResolver _resolver;

    private FlinkConnectionsClient(IConnectionsApi api, FlinkApiSettings settings, ILogger logger)
    {
        _api = api;
        _settings = settings;
        _resolver = new LostAnswerResolver(api, settings, logger);
    }

    /// <param name="primaryHandler">The innermost handler; tests pass a mock, production leaves the pooled default.</param>
    public static IFlinkConnectionsClient Create(FlinkApiSettings settings, ILogger? logger = null,
        HttpMessageHandler? primaryHandler = null)
    {
        SettingsValidator.Validate(settings);
        logger ??= NullLogger.Instance;

        var handler = new RetryingHttpHandler(ResiliencePipelineFactory.ForOperations(settings, logger),
            ResiliencePipelineFactory.ForResolvingLookups(settings, logger), logger)
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler
            {
                // Pooled connections are recycled so a long-lived provider notices DNS changes of the endpoint.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            },
        };
        var http = new HttpClient(handler)
        {
            BaseAddress = settings.RestEndpoint,
            // The pipeline owns every timeout; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Authorization = BasicAuthorization(settings);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(UserAgentProduct, ProviderVersion()));

        var refit = new RefitSettings(new NewtonsoftContentSerializer())
        {
            // Failures already leave the handler as FlinkApiException or as the caller's cancellation; keep them as they are.
            TransportExceptionFactory = (_, exception, _) => exception,
        };
        return new FlinkConnectionsClient(RestService.For<IConnectionsApi>(http, refit), settings, logger);
    }

    public async Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, OperationBudget budget)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(budget);
        var body = new Connection
        {
            Name = request.Name,
            Spec = new ConnectionSpec
            {
                ConnectionType = request.ConnectionType,
                Endpoint = request.Endpoint,
                AuthData = new AuthData { Data = request.AuthDataJson },
            },
        };

        var plan = WritePlan(budget);
        var sentAt = DateTimeOffset.UtcNow;
        try
        {
            var sent = await SendAsync(plan, budget, $"create of connection '{request.Name}'",
                (p, token) => _api.Create(scope.OrganizationId, scope.EnvironmentId, body, p, token)).ConfigureAwait(false);
            using var response = sent.Response;
            if (response is { IsSuccessStatusCode: true })
                return new CreateOutcome(FailureMapper.RequireContent(response), CreateOutcomeKind.Created);
            var failure = sent.LostAnswerOrThrow(plan.Attempts);
            return await _resolver.ResolveCreateAsync(scope, request, sentAt, failure, budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.Cancellation.IsCancellationRequested && plan.Attempts.MayHaveReached > 0)
        {
            // Cancel ends everything at once, the lookup included; the caller still learns that the connection may exist.
            throw CreateOutcomeUnknownException.Cancelled(request.Name);
        }
    }

    public async Task<Connection?> GetAsync(ConnectionScope scope, string name, OperationBudget budget)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(budget);
        var sent = await SendAsync(ReadPlan(budget), budget, $"read of connection '{name}'",
            (p, token) => _api.Get(scope.OrganizationId, scope.EnvironmentId, name, p, token)).ConfigureAwait(false);
        using var response = sent.Response ?? throw sent.Failure!;
        return FailureMapper.ConnectionOrNull(response);
    }

    public async Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, OperationBudget budget)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(budget);
        var all = new List<Connection>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var token = pageToken;
            var sent = await SendAsync(ReadPlan(budget), budget, "list of connections",
                (p, cancellation) => _api.List(scope.OrganizationId, scope.EnvironmentId, connectionType, _settings.ListPageSize,
                    token, p, cancellation)).ConfigureAwait(false);
            using var response = sent.Response ?? throw sent.Failure!;
            if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
            var page = FailureMapper.RequireContent(response);
            all.AddRange(page.Data);
            pageToken = NextPageToken(page.Metadata?.Next);
            // A server that hands out the same token twice, or tokens without end, would keep us paging forever.
            if (pageToken is not null && !seenTokens.Add(pageToken))
            {
                throw new FlinkApiException($"Confluent API list paging repeated page token '{pageToken}'; stopping.");
            }
            if (seenTokens.Count >= MaxPages)
            {
                throw new FlinkApiException($"Confluent API list paging went past {MaxPages} pages; stopping.");
            }
        } while (pageToken is not null);

        return all;
    }

    public Task UpdateAsync(ConnectionScope scope, Connection connection, OperationBudget budget) =>
        UpdateAsync(scope, connection, budget, sendAgainIfMoved: true);

    private async Task UpdateAsync(ConnectionScope scope, Connection connection, OperationBudget budget, bool sendAgainIfMoved)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(budget);
        var name = connection.Name;
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("connection.Name is required for an update.", nameof(connection));
        var resourceVersion = connection.Metadata?.ResourceVersion;
        if (string.IsNullOrEmpty(resourceVersion))
            throw new ArgumentException("connection.Metadata.ResourceVersion is required: the API rejects an update without it.", nameof(connection));
        if (string.IsNullOrEmpty(connection.Spec?.AuthData?.Data))
            throw new ArgumentException("connection.Spec.AuthData.Data is required: the API replaces auth_data.data on every update.", nameof(connection));

        var body = new Connection
        {
            Name = name,
            Spec = connection.Spec,
            Metadata = new ObjectMeta
            {
                // The schema requires metadata.self on every ObjectMeta; the resource's own URL is what it means.
                Self = connection.Metadata!.Self ?? ItemUrl(scope, name),
                ResourceVersion = resourceVersion,
            },
        };
        var plan = WritePlan(budget);
        var sent = await SendAsync(plan, budget, $"update of connection '{name}'",
            (p, token) => _api.Update(scope.OrganizationId, scope.EnvironmentId, name, body, p, token)).ConfigureAwait(false);
        using var response = sent.Response;
        if (response is { IsSuccessStatusCode: true }) return;
        var failure = sent.LostAnswerOrThrow(plan.Attempts);
        var moved = await _resolver.MovedVersionAsync(scope, name, resourceVersion, failure, budget).ConfigureAwait(false);
        // Another writer would move the version too, so a moved version does not prove ours was applied: the same PUT on
        // the new version does (it changes nothing if ours was). With the custom timeout spent there is no time for it,
        // and the moved version is the best evidence left.
        if (!sendAgainIfMoved || plan.Deadline is { HasPassed: true }) return;
        var again = new Connection { Name = name, Spec = connection.Spec, Metadata = new ObjectMeta { Self = body.Metadata.Self, ResourceVersion = moved } };
        try
        {
            await UpdateAsync(scope, again, budget, sendAgainIfMoved: false).ConfigureAwait(false);
        }
        catch (FlinkApiException resendFailure)
        {
            // "Not applied" from the second PUT would be wrong about the first, which may be what moved the version.
            throw new FlinkApiException($"The update of connection '{name}' may or may not have happened: its answer was lost, " +
                $"and the connection's resource_version moved from '{resourceVersion}' to '{moved}', which another writer could " +
                $"also have done. Sending it again to be sure failed: {resendFailure.Message}. Running the update again is safe.",
                innerException: resendFailure);
        }
    }

    public async Task<bool> DeleteAsync(ConnectionScope scope, string name, OperationBudget budget)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(budget);
        var plan = WritePlan(budget);
        var sent = await SendAsync(plan, budget, $"delete of connection '{name}'",
            (p, token) => _api.Delete(scope.OrganizationId, scope.EnvironmentId, name, p, token)).ConfigureAwait(false);
        using var response = sent.Response;
        if (response?.StatusCode == HttpStatusCode.NotFound) return false;
        if (response is { IsSuccessStatusCode: true }) return true;
        var failure = sent.LostAnswerOrThrow(plan.Attempts);
        await _resolver.ConfirmDeleteAsync(scope, name, failure, budget).ConfigureAwait(false);
        return true;
    }

    /// <summary>A write ends a slice of the budget early, so the lookup that may have to resolve its lost answer still has time.</summary>
    private CallPlan WritePlan(OperationBudget budget) => new(CallKind.Operation, budget.RequestDeadline(_settings.LookupTimeout));

    private static CallPlan ReadPlan(OperationBudget budget) => new(CallKind.Operation, budget.End);

    /// <summary>
    /// One request of an operation. A transport failure or timeout comes back as its failure rather than thrown, named
    /// after the custom timeout when the budget is what ended it, so that the caller can judge whether an answer was lost.
    /// The budget's cancellation still throws.
    /// </summary>
    private static async Task<Sent<TResponse>> SendAsync<TResponse>(CallPlan plan, OperationBudget budget, string operation,
        Func<CallPlan, CancellationToken, Task<TResponse>> send) where TResponse : class, IApiResponse
    {
        try
        {
            return new Sent<TResponse>(await send(plan, budget.Cancellation).ConfigureAwait(false), null);
        }
        catch (FlinkApiException transport) when (transport.StatusCode is null)
        {
            if (!plan.DeadlinePassed || budget.Timeout is null) return new Sent<TResponse>(null, transport);
            return new Sent<TResponse>(null, new FlinkApiException(
                $"The {operation} did not finish within {budget.TimeoutText} ({plan.Attempts.Sent} attempt(s), last: " +
                $"{plan.Attempts.LastOutcome})", innerException: transport));
        }
    }

    /// <summary>Either the API's answer or the failure that took its place.</summary>
    private sealed record Sent<TResponse>(TResponse? Response, FlinkApiException? Failure) where TResponse : class, IApiResponse
    {
        /// <summary>The failure of a write that did not succeed, when its answer may have been lost; any other failure is thrown.</summary>
        public FlinkApiException LostAnswerOrThrow(AttemptLog attempts)
        {
            var failure = Failure ?? FailureMapper.ToException(Response!);
            return LostAnswerResolver.AnswerMayBeLost(Response?.StatusCode, attempts) ? failure : throw failure;
        }
    }

    private string ItemUrl(ConnectionScope scope, string name) =>
        new Uri(_settings.RestEndpoint,
            $"/sql/v1/organizations/{Uri.EscapeDataString(scope.OrganizationId)}/environments/" +
            $"{Uri.EscapeDataString(scope.EnvironmentId)}/connections/{Uri.EscapeDataString(name)}").ToString();

    private string? NextPageToken(string? next)
    {
        if (string.IsNullOrEmpty(next)) return null;
        if (!Uri.TryCreate(_settings.RestEndpoint, next, out var uri))
            throw new FlinkApiException($"Confluent API list answered an unreadable metadata.next '{next}'.");
        var token = HttpUtility.ParseQueryString(uri.Query)["page_token"];
        if (string.IsNullOrEmpty(token))
            throw new FlinkApiException($"Confluent API list answered metadata.next without a page_token: '{next}'.");
        return token;
    }

    private static AuthenticationHeaderValue BasicAuthorization(FlinkApiSettings settings) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ApiKey}:{settings.ApiSecret}")));

    /// <summary>
    /// The product's version (one for every assembly of the plugin, from Directory.Build.props) as semver, without
    /// the "+commit" build metadata: the User-Agent and the plugin's GetPluginInfo both report it.
    /// </summary>
    public static string ProviderVersion()
    {
        var informational = typeof(FlinkConnectionsClient).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
