using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;
using Microsoft.Extensions.Logging;
using static ConfluentFlink.Provider.Resources.ConnectionProperties;

namespace ConfluentFlink.Provider.Resources;

/// <summary>The lifecycle of <c>confluentflink:index:FlinkConnection</c> against the Flink SQL API.</summary>
public sealed class FlinkConnectionResource
{
    public const string Token = "confluentflink:index:FlinkConnection";

    private readonly ResourceSchema _schema = ResourceSchema.ForResource(Token);
    private readonly ConnectionCatalog _catalog = ConnectionCatalog.Embedded;
    private readonly FlinkConnectionValidator _validator;
    private readonly FlinkConnectionDiffer _differ;
    private readonly ConnectionAuthData _authData;
    private readonly ImportedInputs _imports;
    private readonly Func<FlinkApiSettings, IFlinkConnectionsClient> _clients;
    private readonly ILogger _logger;

    public FlinkConnectionResource(Func<FlinkApiSettings, IFlinkConnectionsClient> clients, ILogger logger)
    {
        _validator = new FlinkConnectionValidator(_schema, _catalog);
        _differ = new FlinkConnectionDiffer(_schema);
        _authData = new ConnectionAuthData(_catalog);
        _imports = new ImportedInputs(_catalog);
        _clients = clients;
        _logger = logger;
    }

    public CheckResult Check(CheckRequest request, SettingResolver settings)
    {
        var news = request.NewInputs.Remove(Defaults);
        if (news.Get(DisplayName) is NullValue)
        {
            var naming = ConnectionNaming.Decide(request);
            if (naming.Name is null)
                return new CheckResult(news.MarkSecrets(_schema.SecretPaths), [new CheckFailure(DisplayName, naming.Failure!)]);
            news = news.With(DisplayName, new StringValue(naming.Name)).With(Defaults, ConnectionInputs.GeneratedNameMarker);
        }
        return new CheckResult(news.MarkSecrets(_schema.SecretPaths), _validator.Validate(news, settings));
    }

    public DiffResult Diff(DiffRequest request, SettingResolver settings) => _differ.Diff(request, settings);

    public async Task<CreateResult> CreateAsync(CreateRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var news = request.Properties;
        if (request.Preview)
            return new CreateResult("", ConnectionOutputs.Preview(news, s => settings.Resolve(s, news), _schema));

        var inputs = ConnectionInputs.From(news, _catalog, _schema);
        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, news));
        var connectionRequest = new ConnectionRequest
        {
            Name = inputs.DisplayName,
            ConnectionType = inputs.Type,
            Endpoint = inputs.Endpoint,
            AuthDataJson = _authData.Json(inputs.Type, inputs.Auth),
        };
        var client = Client(target, settings);
        var id = target.IdFor(inputs.DisplayName);
        var budget = new OperationBudget(request.Timeout, cancellationToken);
        CreateOutcome outcome;
        try
        {
            outcome = await client.CreateAsync(target.Scope, connectionRequest, budget);
        }
        catch (CreateOutcomeUnknownException e)
        {
            throw e.WithAdvice($"If it does, bring it under Pulumi with: {ImportCommand(request.Urn, id)}");
        }
        catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ProviderUserException($"{e.Message}. To manage the existing connection with Pulumi, import it: " +
                                            ImportCommand(request.Urn, id));
        }

        var outputs = Outputs(inputs, target, outcome.Connection);
        if (outcome.Kind == CreateOutcomeKind.Created)
        {
            _logger.LogInformation("Created connection {Id}", id);
            return new CreateResult(id, outputs);
        }

        // The API masks credentials, so a connection adopted by type and endpoint may hold other ones: set ours.
        _logger.LogWarning("Connection {Id} was created by an earlier attempt whose answer was lost; adopting it", id);
        try
        {
            await PutAuthDataAsync(client, target.Scope, inputs.DisplayName, connectionRequest.AuthDataJson, budget, known: outcome.Connection);
        }
        // A Cancel here too must not lose the connection: it exists, so Pulumi has to record it.
        catch (Exception e) when (e is FlinkApiException or ProviderUserException or OperationCanceledException)
        {
            throw new ResourceInitFailedException(id, outputs: outputs, inputs: news.MarkSecrets(_schema.SecretPaths), reasons:
                [$"the connection exists, but setting its credentials failed: {e.Message}"]);
        }
        return new CreateResult(id, outputs);
    }

    public async Task<ReadResult> ReadAsync(ReadRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var (scope, name) = ConnectionId.Parse(request.Id);
        var importing = request.Properties is null;
        var target = importing
            ? ConnectionTarget.Resolve(s => s == Setting.Organization ? PropertyValue.Of(scope.OrganizationId)
                : s == Setting.Environment ? PropertyValue.Of(scope.EnvironmentId) : settings.ResolveForImport(s))
            : ConnectionTarget.Resolve(s => settings.Resolve(s, WithManagingKey(request.Properties!, request.Inputs)));

        var connection = await Client(target, settings).GetAsync(scope, name, new OperationBudget(request.Timeout, cancellationToken));
        if (connection is null)
        {
            _logger.LogInformation("Connection {Id} no longer exists", request.Id);
            return ReadResult.Gone;
        }

        var observed = ObservedConnection.From(connection, name);
        var inputs = importing ? _imports.Build(observed, settings) : Refreshed(request, observed);
        return new ReadResult(request.Id, new ConnectionOutputs(inputs, target, observed).ToProperties(_schema), inputs.ToProperties(_schema));
    }

    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var news = request.NewInputs;
        if (request.Preview)
            return new UpdateResult(ConnectionOutputs.Preview(news, s => settings.Resolve(s, news), _schema, request.OldState));

        var inputs = ConnectionInputs.From(news, _catalog, _schema);
        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, news));
        var (scope, name) = ConnectionId.Parse(request.Id);
        var previous = RecordedInputs.Of(request.OldInputs, request.OldState);
        if (AuthValues.From(previous, _catalog).Equals(inputs.Auth))
            return new UpdateResult(CarriedOutputs(inputs, target, request.OldState));

        var client = Client(target, settings);
        var budget = new OperationBudget(request.Timeout, cancellationToken);
        await PutAuthDataAsync(client, scope, name, _authData.Json(inputs.Type, inputs.Auth), budget);
        _logger.LogInformation("Updated the credentials of connection {Id}", request.Id);

        try
        {
            var current = await client.GetAsync(scope, name, budget);
            return new UpdateResult(current is null ? CarriedOutputs(inputs, target, request.OldState) : Outputs(inputs, target, current));
        }
        catch (FlinkApiException e)
        {
            // The credentials were changed; only the refresh of status failed. Record the new state, report the failure.
            throw new ResourceInitFailedException(request.Id, outputs: CarriedOutputs(inputs, target, request.OldState),
                inputs: news.MarkSecrets(_schema.SecretPaths), reasons:
                [$"credentials were updated, but reading the connection back failed: {e.Message}"]);
        }
    }

    public async Task DeleteAsync(DeleteRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var (scope, name) = ConnectionId.Parse(request.Id);
        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, WithManagingKey(request.Properties, request.OldInputs)));
        if (await Client(target, settings).DeleteAsync(scope, name, new OperationBudget(request.Timeout, cancellationToken)))
            _logger.LogInformation("Deleted connection {Id}", request.Id);
        else
            _logger.LogInformation("Connection {Id} was already gone", request.Id);
    }

    /// <summary>The inputs as state holds them, with what the API reports for type and endpoint, so drift shows in the next diff.</summary>
    private ConnectionInputs Refreshed(ReadRequest request, ObservedConnection observed)
    {
        var known = ConnectionInputs.From(RecordedInputs.Of(request.Inputs, request.Properties!), _catalog, _schema);
        return known with { Type = observed.Type ?? known.Type, Endpoint = observed.Endpoint ?? known.Endpoint };
    }

    /// <summary>The exact command that brings an existing connection under this resource.</summary>
    public static string ImportCommand(ResourceUrn urn, string id) =>
        $"pulumi import {Token} {(urn.Name.Length > 0 ? urn.Name : "<resource name>")} {id}";

    private PropertyMap Outputs(ConnectionInputs inputs, ConnectionTarget target, Connection connection) =>
        new ConnectionOutputs(inputs, target, ObservedConnection.From(connection, inputs.DisplayName)).ToProperties(_schema);

    /// <summary>Outputs of an update that needed no answer from the API: the new inputs, the old computed values.</summary>
    private PropertyMap CarriedOutputs(ConnectionInputs inputs, ConnectionTarget target, PropertyMap olds) =>
        new ConnectionOutputs(inputs, target, ObservedConnection.Carried(olds, inputs)).ToProperties(_schema);

    /// <summary>
    /// Sets the connection's auth_data, starting from <paramref name="known"/> when the caller has just read it. PUT needs
    /// the current resource_version; a concurrent writer makes it stale, so read again and retry once.
    /// </summary>
    private static async Task PutAuthDataAsync(IFlinkConnectionsClient client, ConnectionScope scope, string name, string authData, OperationBudget budget,
        Connection? known = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = (attempt == 1 ? known : null) ?? await client.GetAsync(scope, name, budget)
                ?? throw new ProviderUserException($"connection {ConnectionId.Format(scope, name)} no longer exists; run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again");
            current.Spec ??= new ConnectionSpec();
            current.Spec.AuthData = new AuthData { Data = authData };
            try
            {
                await client.UpdateAsync(scope, current, budget);
                return;
            }
            catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                if (attempt > 1)
                    throw new ProviderUserException($"connection {ConnectionId.Format(scope, name)} was changed by someone else twice while its " +
                        $"credentials were being updated; run the update again ({e.Message})");
            }
        }
    }

    private IFlinkConnectionsClient Client(ConnectionTarget target, SettingResolver settings) => _clients(target.ApiSettings(settings.MaxRetries));

    /// <summary>
    /// Outputs say where the connection lives; the Flink API key it was managed with, when set on the resource, is
    /// only in its inputs.
    /// </summary>
    private static PropertyMap WithManagingKey(PropertyMap outputs, PropertyMap? inputs) =>
        inputs is not null && inputs.ContainsKey(Setting.ApiKey.ResourceProperty)
            ? outputs.With(Setting.ApiKey.ResourceProperty, inputs.Get(Setting.ApiKey.ResourceProperty))
            : outputs;
}
