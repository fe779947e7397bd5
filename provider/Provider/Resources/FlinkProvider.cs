using System.Collections.Concurrent;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The confluentflink provider: configuration, and dispatch by type token to the resource and the function.
/// One instance serves every resource of a deployment, concurrently.
/// </summary>
public sealed class FlinkProvider : IProvider
{
    // The variables that may hold a secret the provider reads itself: the secret settings', and import's credentials.
    private static readonly IReadOnlyList<string> SecretVariables = Setting.All.Where(s => s.IsSecret).SelectMany(s => new[] { s.EnvVar, s.ImportEnvVar })
        .Concat(ConnectionCatalog.Embedded.AuthData.Where(e => ResourceSchema.ForResource(FlinkConnectionResource.Token).IsSecret(e.Property))
            .Select(e => e.ImportVariable))
        .ToList();

    private readonly FlinkConnectionResource _connections;
    private readonly GetFlinkConnectionFunction _lookup;
    private readonly Func<string, string?> _environment;
    // Lazy: GetOrAdd may run its factory twice under a race, and a client owns an HTTP connection pool.
    private readonly ConcurrentDictionary<ClientKey, Lazy<IFlinkConnectionsClient>> _clients = new();
    private volatile SettingResolver _settings;

    /// <param name="clientFactory">Makes a REST client for one endpoint and key; each is made once and shared.</param>
    /// <param name="environment">Reads an environment variable (the settings' and import's fallbacks).</param>
    public FlinkProvider(Func<FlinkApiSettings, IFlinkConnectionsClient> clientFactory, Func<string, string?> environment, ILogger logger)
    {
        _environment = environment;
        _settings = new SettingResolver(ProviderConfig.Empty, environment);
        IFlinkConnectionsClient Shared(FlinkApiSettings s) =>
            _clients.GetOrAdd(new ClientKey(s.RestEndpoint, s.ApiKey, s.ApiSecret, s.MaxRetries), _ => new(() => clientFactory(s))).Value;
        _connections = new FlinkConnectionResource(Shared, logger);
        _lookup = new GetFlinkConnectionFunction(Shared);
    }

    public ProviderCapabilities Capabilities { get; } = new(SupportsAutonamingConfiguration: true);

    // The engine keeps secret only the config keys whose input was secret, so a secret key set in plain is marked here.
    // Values from the environment are not added: the engine keeps CheckConfig's inputs as the provider's state.
    public CheckResult CheckConfig(CheckRequest request) =>
        new(request.NewInputs.MarkSecrets(ConfigSchema.Embedded.SecretPaths), ProviderConfig.Parse(request.NewInputs).Failures);

    public DiffResult DiffConfig(DiffRequest request)
    {
        var (before, after) = (request.OldInputs, request.NewInputs);
        var keys = before.Keys.Union(after.Keys).Where(k => !Equals(before.Get(k).Unwrapped, after.Get(k).Unwrapped))
            .Order(StringComparer.Ordinal).ToList();
        // Provider settings are only defaults for connections; changing them never replaces the provider.
        return keys.Count == 0
            ? DiffResult.NoChanges
            : new DiffResult(true, keys, [], false, keys.ToDictionary(k => k, _ => new PropertyDiff(PropertyDiffKind.Update)));
    }

    public void Configure(ConfigureRequest request)
    {
        var (config, failures) = ProviderConfig.Parse(request.Args);
        if (failures.Count > 0)
            throw new ProviderUserException("invalid provider configuration: " + string.Join("; ", failures.Select(f => f.Reason)));
        _settings = new SettingResolver(config, _environment);
    }

    public CheckResult Check(CheckRequest request) => Resource(request.Type).Check(request, _settings);

    public DiffResult Diff(DiffRequest request) => Resource(request.Type).Diff(request, _settings);

    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken) =>
        Resource(request.Type).CreateAsync(request, _settings, cancellationToken);

    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken) =>
        Resource(request.Type).ReadAsync(request, _settings, cancellationToken);

    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken) =>
        Resource(request.Type).UpdateAsync(request, _settings, cancellationToken);

    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken) =>
        Resource(request.Type).DeleteAsync(request, _settings, cancellationToken);

    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken) =>
        request.Token == GetFlinkConnectionFunction.Token
            ? _lookup.InvokeAsync(request, _settings, cancellationToken)
            : throw new ProviderUserException($"unknown function '{request.Token}'; this provider offers {GetFlinkConnectionFunction.Token}");

    public IReadOnlyCollection<string> HeldSecrets =>
        SecretVariables.Select(_settings.FromEnvironment).Concat(Setting.All.Where(s => s.IsSecret).Select(_settings.Configured))
            .OfType<StringValue>().Select(v => v.Value).Distinct().ToList();

    private FlinkConnectionResource Resource(string type) =>
        type == FlinkConnectionResource.Token
            ? _connections
            : throw new ProviderUserException($"unknown resource type '{type}'; this provider manages {FlinkConnectionResource.Token}");

    // Holds the secret only to tell clients apart; never printed (records print members, so no record here).
    private readonly struct ClientKey(Uri endpoint, string key, string secret, int retries) : IEquatable<ClientKey>
    {
        private readonly (Uri, string, string, int) _parts = (endpoint, key, secret, retries);
        public bool Equals(ClientKey other) => _parts.Equals(other._parts);
        public override bool Equals(object? obj) => obj is ClientKey other && Equals(other);
        public override int GetHashCode() => _parts.GetHashCode();
        public override string ToString() => "ClientKey";
    }
}
