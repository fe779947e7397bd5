using System.Collections.Concurrent;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;

namespace ConfluentFlink.Provider;

/// <summary>
/// The confluentflink provider: its configuration, and dispatch by type token to the resource and the functions. One
/// instance serves every resource of a deployment, concurrently. It keeps the secrets it holds itself (its config's
/// Flink API secret, credentials it reads from the environment) out of every message it answers with.
/// </summary>
public sealed class FlinkProvider : IProvider
{
    private static readonly IReadOnlySet<string> ConfigSecretPaths = PackageSpec.Embedded.SecretPaths(PackageSpec.Embedded.ProviderInputs);

    private readonly Func<string, string?> _environment;
    private readonly FlinkConnectionLifecycle _connections;
    private readonly FlinkConnectionFunctions _functions;
    // Lazy: GetOrAdd may run its factory twice under a race, and a client owns an HTTP connection pool.
    private readonly ConcurrentDictionary<FlinkApiSettings, Lazy<IFlinkConnectionsClient>> _clients = new();
    private volatile ProviderConfig _config;

    /// <param name="version">The plugin's version, for the REST client's User-Agent.</param>
    /// <param name="environment">Reads an environment variable: the settings' fallbacks and import's credentials.</param>
    public FlinkProvider(string version, Func<string, string?> environment, ILogger logger)
    {
        _environment = environment;
        _config = ProviderConfig.Unconfigured(environment);
        IFlinkConnectionsClient Client(FlinkSettings settings) =>
            _clients.GetOrAdd(settings.Api, api => new(() => FlinkConnectionsClient.Create(api, version, logger))).Value;
        _connections = new FlinkConnectionLifecycle(Client, logger);
        _functions = new FlinkConnectionFunctions(Client);
    }

    public ProviderCapabilities Capabilities { get; } = new(SupportsAutonamingConfiguration: true);

    // The engine keeps secret only the config keys whose input was secret, so a secret key set in plain is marked here.
    // Values from the environment are not added: the engine keeps CheckConfig's inputs as the provider's state.
    public Task<CheckResult> CheckConfigAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new CheckResult(request.NewInputs.MarkSecrets(ConfigSecretPaths), ProviderConfig.Parse(request.NewInputs, _environment).Failures));

    // Provider settings are only defaults for connections; changing them never replaces the provider.
    public Task<DiffResult> DiffConfigAsync(DiffRequest request, CancellationToken cancellationToken) => Task.FromResult(new DiffResult
    {
        DetailedDiff = request.OldInputs.Keys.Union(request.NewInputs.Keys)
            .Where(k => !Equals(request.OldInputs.Get(k).Unwrapped, request.NewInputs.Get(k).Unwrapped))
            .ToDictionary(k => k, _ => PropertyDiffKind.Update),
    });

    public Task ConfigureAsync(ConfigureRequest request, CancellationToken cancellationToken)
    {
        var (config, failures) = ProviderConfig.Parse(request.Args, _environment);
        if (failures.Count > 0)
            throw ProviderException.Invalid("invalid provider configuration: " + string.Join("; ", failures.Select(f => f.Reason)));
        _config = config;
        return Task.CompletedTask;
    }

    public Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, () => Task.FromResult(FlinkConnectionRules.Check(request, _config)));

    public Task<DiffResult> DiffAsync(DiffRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, () => Task.FromResult(FlinkConnectionRules.Diff(request, _config)));

    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, () => _connections.CreateAsync(request, _config, cancellationToken));

    public Task<ReadResult?> ReadAsync(ReadRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, () => _connections.ReadAsync(request, _config, cancellationToken));

    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, () => _connections.UpdateAsync(request, _config, cancellationToken));

    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken) =>
        Guard(request.Type, async () =>
        {
            await _connections.DeleteAsync(request, _config, cancellationToken);
            return true;
        });

    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken) => Masked<InvokeResult>(request.Token switch
    {
        Tokens.GetFlinkConnection => () => _functions.GetOneAsync(request.Args, _config, cancellationToken),
        Tokens.GetFlinkConnections => () => _functions.ListAsync(request.Args, _config, cancellationToken),
        _ => () => throw ProviderException.Invalid($"unknown function '{request.Token}'; this provider offers {Tokens.GetFlinkConnection} and {Tokens.GetFlinkConnections}"),
    });

    private Task<T> Guard<T>(string type, Func<Task<T>> operation) => Masked(type == Tokens.FlinkConnection
        ? operation
        : () => throw ProviderException.Invalid($"unknown resource type '{type}'; this provider manages {Tokens.FlinkConnection}"));

    /// <summary>The operation, with every secret the provider holds masked in the message of what it throws.</summary>
    private async Task<T> Masked<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (ProviderException e) when (Mask(e.Message) is var masked && masked != e.Message)
        {
            throw new ProviderException(e.Kind, masked);
        }
        catch (ResourceInitFailedException e) when (Mask(e.Message) is var masked && masked != e.Message)
        {
            throw new ResourceInitFailedException(e.Id, e.Outputs, e.Inputs, masked);
        }
    }

    private string Mask(string message) => SecretMask.Apply(message, _config.HeldSecrets);
}
