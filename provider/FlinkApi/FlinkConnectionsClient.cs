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
/// The Connections client: Refit for the HTTP shape, Newtonsoft for the bodies, one Polly pipeline for retries and
/// timeouts. One instance serves any number of concurrent calls (HttpClient, the Refit proxy and the pipeline are all
/// thread-safe), so build it once per endpoint and credential with <see cref="Create"/>.
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
    private readonly ILogger _logger;

    private FlinkConnectionsClient(IConnectionsApi api, FlinkApiSettings settings, ILogger logger)
    {
        _api = api;
        _settings = settings;
        _logger = logger;
    }

    /// <param name="primaryHandler">The innermost handler; tests pass a mock, production leaves the pooled default.</param>
    public static IFlinkConnectionsClient Create(FlinkApiSettings settings, ILogger? logger = null,
        HttpMessageHandler? primaryHandler = null)
    {
        SettingsValidator.Validate(settings);
        logger ??= NullLogger.Instance;

        var handler = new ResilienceHandler(ResiliencePipelineFactory.Create(settings, logger), logger)
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

    public async Task<CreateOutcome> CreateAsync(ConnectionScope scope, ConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
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

        var attempts = new AttemptLog();
        var firstAttemptSent = DateTimeOffset.UtcNow;
        using var response = await _api.Create(scope.OrganizationId, scope.EnvironmentId, body, attempts, cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return new CreateOutcome(RequireContent(response), Adopted: false);

        var failure = FailureMapper.ToException(response);
        if (response.StatusCode != HttpStatusCode.Conflict || attempts.Sent < 2) throw failure;

        // A retried POST met 409: most likely our own earlier attempt got through and only its answer was lost.
        return await AdoptAsync(scope, request, failure, firstAttemptSent, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Connection?> GetAsync(ConnectionScope scope, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var response = await _api.Get(scope.OrganizationId, scope.EnvironmentId, name, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
        return RequireContent(response);
    }

    public async Task<IReadOnlyList<Connection>> ListAsync(ConnectionScope scope, string? connectionType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var all = new List<Connection>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            using var response = await _api.List(scope.OrganizationId, scope.EnvironmentId, connectionType,
                _settings.ListPageSize, pageToken, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
            var page = RequireContent(response);
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

    public async Task UpdateAsync(ConnectionScope scope, Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(connection);
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
        using var response = await _api.Update(scope.OrganizationId, scope.EnvironmentId, name, body, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
    }

    public async Task<bool> DeleteAsync(ConnectionScope scope, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var response = await _api.Delete(scope.OrganizationId, scope.EnvironmentId, name, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw FailureMapper.ToException(response);
        return true;
    }

    private async Task<CreateOutcome> AdoptAsync(ConnectionScope scope, ConnectionRequest request, FlinkApiException conflict,
        DateTimeOffset firstAttemptSent, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(scope, request.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null) throw conflict;

        var type = existing.Spec?.ConnectionType;
        var endpoint = existing.Spec?.Endpoint;
        // One made by hand long before has the same name, type and endpoint too: taking it over would let a later
        // destroy delete it. Only a connection born during this create (give or take clock skew) is ours.
        var bornDuringCreate = existing.Metadata?.CreatedAt is { } created && created >= firstAttemptSent - ClockSkew;
        if (bornDuringCreate &&
            string.Equals(type, request.ConnectionType, StringComparison.Ordinal) &&
            string.Equals(endpoint, request.Endpoint, StringComparison.Ordinal))
        {
            _logger.LogInformation("Adopted connection {Name}: a retried create met 409 and the existing one has the same type and endpoint",
                request.Name);
            return new CreateOutcome(existing, Adopted: true);
        }

        var detail = bornDuringCreate
            ? $"A connection named '{request.Name}' already exists and differs from the one requested: " +
              $"it has type {type} and endpoint {endpoint}, the request asked for type {request.ConnectionType} " +
              $"and endpoint {request.Endpoint}"
            : $"A connection named '{request.Name}' already existed before this create was sent";
        throw FailureMapper.Build(HttpStatusCode.Conflict, conflict.Code, conflict.Title, detail, conflict.SourcePointer,
            conflict.RequestId, conflict);
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

    private static T RequireContent<T>(IApiResponse<T> response) where T : class =>
        response.Content ?? throw new FlinkApiException(
            $"Confluent API {(int?)response.StatusCode} answered a body that could not be read as {typeof(T).Name}" +
            (response.Error is { } error ? $": {error.InnerException?.Message ?? error.Message}" : "."),
            response.StatusCode, innerException: response.Error);

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
