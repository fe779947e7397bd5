using System.Collections.Concurrent;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
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
    private static readonly ResourceSchema ConfigSchema = ResourceSchema.ForProvider();

    private readonly FlinkConnectionResource _connections;
    private readonly GetFlinkConnectionFunction _lookup;
    private readonly Func<string, string?> _environment;
    // Lazy: GetOrAdd may run its factory twice under a race, and a client owns an HTTP connection pool.
    private readonly ConcurrentDictionary<ClientKey, Lazy<IFlinkConnectionsClient>> _clients = new();
    private volatile SettingResolver _settings;

    /// <param name="clientFactory">Makes a REST client for one endpoint and key; each is made once and shared.</param>
    /// <param name="environment">Reads an environment variable (the seed's fallbacks).</param>
    public FlinkProvider(Func<FlinkApiSettings, IFlinkConnectionsClient> clientFactory, Func<string, string?> environment, ILogger logger)
    {
        _environment = environment;
        _settings = new SettingResolver(ProviderConfig.Empty, environment);
        IFlinkConnectionsClient Shared(FlinkApiSettings s) =>
            _clients.GetOrAdd(new ClientKey(s.RestEndpoint, s.ApiKey, s.ApiSecret, s.MaxRetries), _ => new(() => clientFactory(s))).Value;
        _connections = new FlinkConnectionResource(Shared, logger);
        _lookup = new GetFlinkConnectionFunction(Shared);
    }

    // The engine keeps secret only the config keys whose input was secret, so a secret key set in plain is marked here.
    // Values from the environment are not added: the engine would store them in state (engine-facts).
    public CheckResult CheckConfig(PropertyMap olds, PropertyMap news) =>
        new(news.MarkSecrets(ConfigSchema.SecretPaths), ProviderConfig.Parse(news).Failures);

    public DiffResult DiffConfig(PropertyMap oldInputs, PropertyMap olds, PropertyMap news)
    {
        var keys = oldInputs.Keys.Union(news.Keys).Where(k => !Equals(oldInputs.Get(k).Unwrapped, news.Get(k).Unwrapped))
            .Order(StringComparer.Ordinal).ToList();
        // Provider settings are only defaults for connections; changing them never replaces the provider.
        return keys.Count == 0
            ? DiffResult.NoChanges
            : new DiffResult(true, keys, [], false, keys.ToDictionary(k => k, _ => new PropertyDiff(PropertyDiffKind.Update)));
    }

    public void Configure(PropertyMap args)
    {
        var (config, failures) = ProviderConfig.Parse(args);
        if (failures.Count > 0)
            throw new ProviderUserException("invalid provider configuration: " + string.Join("; ", failures.Select(f => f.Reason)));
        _settings = new SettingResolver(config, _environment);
    }

    public CheckResult Check(string type, PropertyMap olds, PropertyMap news) => Resource(type).Check(news, _settings);

    public DiffResult Diff(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, IReadOnlyList<string> ignoreChanges) =>
        Resource(type).Diff(olds, oldInputs, news, _settings, ignoreChanges);

    public Task<CreateResult> CreateAsync(string type, PropertyMap news, bool preview, CancellationToken cancellationToken) =>
        Resource(type).CreateAsync(news, preview, _settings, cancellationToken);

    public Task<ReadResult> ReadAsync(string type, string id, PropertyMap? state, PropertyMap? inputs, CancellationToken cancellationToken) =>
        Resource(type).ReadAsync(id, state, inputs, _settings, cancellationToken);

    public Task<UpdateResult> UpdateAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview, CancellationToken cancellationToken) =>
        Resource(type).UpdateAsync(id, olds, oldInputs, news, preview, _settings, cancellationToken);

    public Task DeleteAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        Resource(type).DeleteAsync(id, olds, oldInputs, _settings, cancellationToken);

    public Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken) =>
        token == GetFlinkConnectionFunction.Token
            ? _lookup.InvokeAsync(args, _settings, cancellationToken)
            : throw new ProviderUserException($"unknown function '{token}'; this provider offers {GetFlinkConnectionFunction.Token}");

    public IReadOnlyCollection<string> HeldSecrets =>
        new[] { Setting.ApiSecret.EnvVar, Setting.ApiSecret.ImportEnvVar }.Concat(ConnectionCredential.All.Select(c => c.ImportEnvVar))
            .Select(_settings.FromEnvironment).Append(_settings.Configured(Setting.ApiSecret))
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
