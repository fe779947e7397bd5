using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.Provider.Resources;

/// <summary>The lifecycle of <c>confluentflink:index:FlinkConnection</c> against the Flink SQL API.</summary>
public sealed class FlinkConnectionResource
{
    public const string Token = "confluentflink:index:FlinkConnection";

    private readonly ResourceSchema _schema = ResourceSchema.ForResource(Token);
    private readonly FlinkConnectionValidator _validator;
    private readonly FlinkConnectionDiffer _differ;
    private readonly FlinkConnectionState _state;
    private readonly Func<FlinkApiSettings, IFlinkConnectionsClient> _clients;
    private readonly ILogger _logger;

    public FlinkConnectionResource(Func<FlinkApiSettings, IFlinkConnectionsClient> clients, ILogger logger)
    {
        _validator = new FlinkConnectionValidator(_schema);
        _differ = new FlinkConnectionDiffer(_schema);
        _state = new FlinkConnectionState(_schema);
        _clients = clients;
        _logger = logger;
    }

    public CheckResult Check(PropertyMap news, SettingResolver settings) =>
        new(news.MarkSecrets(_schema.SecretPaths), _validator.Validate(news, settings));

    public DiffResult Diff(PropertyMap olds, PropertyMap oldInputs, PropertyMap news, SettingResolver settings, IReadOnlyList<string> ignoreChanges) =>
        _differ.Diff(olds, oldInputs, news, settings, ignoreChanges);

    public async Task<CreateResult> CreateAsync(PropertyMap news, bool preview, SettingResolver settings, CancellationToken cancellationToken)
    {
        if (preview)
            return new CreateResult("", _state.Preview(news, s => settings.Resolve(s, news)));

        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, news));
        var name = RequireString(news, "displayName");
        var request = new ConnectionRequest
        {
            Name = name,
            ConnectionType = RequireString(news, "type"),
            Endpoint = RequireString(news, "endpoint"),
            AuthDataJson = CredentialData.Json(news),
        };
        var client = Client(target, settings);
        var id = target.IdFor(name);
        CreateOutcome outcome;
        try
        {
            outcome = await client.CreateAsync(target.Scope, request, cancellationToken);
        }
        catch (CreateOutcomeUnknownException e)
        {
            throw e.WithAdvice($"If it does, bring it under Pulumi with: {ImportCommand(id)}");
        }
        catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ProviderUserException($"{e.Message}. To manage the existing connection with Pulumi, import it: {ImportCommand(id)}");
        }
        if (outcome.Kind == CreateOutcomeKind.Created)
        {
            _logger.LogInformation("Created connection {Id}", id);
            return new CreateResult(id, _state.Build(news, target, outcome.Connection));
        }

        // The API masks credentials, so a connection adopted by type and endpoint may hold other ones: set ours.
        _logger.LogWarning("Connection {Id} was created by an earlier attempt whose answer was lost; adopting it", id);
        var outputs = _state.Build(news, target, outcome.Connection);
        try
        {
            await PutCredentialsAsync(client, target.Scope, name, request.AuthDataJson, cancellationToken);
        }
        // A Cancel here too must not lose the connection: it exists, so Pulumi has to record it.
        catch (Exception e) when (e is FlinkApiException or ProviderUserException or OperationCanceledException)
        {
            throw new ResourceInitFailedException(id, outputs, news.MarkSecrets(_schema.SecretPaths),
                [$"the connection exists, but setting its credentials failed: {e.Message}"]);
        }
        return new CreateResult(id, outputs);
    }

    public async Task<ReadResult> ReadAsync(string id, PropertyMap? state, PropertyMap? inputs, SettingResolver settings, CancellationToken cancellationToken)
    {
        var (scope, name) = ConnectionId.Parse(id);
        var importing = state is null;
        var target = importing
            ? ConnectionTarget.Resolve(s => s == Setting.Organization ? PropertyValue.Of(scope.OrganizationId)
                : s == Setting.Environment ? PropertyValue.Of(scope.EnvironmentId) : settings.ResolveForImport(s))
            : ConnectionTarget.Resolve(s => settings.Resolve(s, Merge(state!, inputs)));

        var connection = await Client(target, settings).GetAsync(scope, name, cancellationToken);
        if (connection is null)
        {
            _logger.LogInformation("Connection {Id} no longer exists", id);
            return ReadResult.Gone;
        }

        var newInputs = importing ? ImportedInputs(connection, settings) : WithDrift(inputs ?? state!, connection);
        return new ReadResult(id, _state.Build(newInputs, target, connection), newInputs.MarkSecrets(_schema.SecretPaths));
    }

    public async Task<UpdateResult> UpdateAsync(string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview, SettingResolver settings, CancellationToken cancellationToken)
    {
        if (preview)
            return new UpdateResult(_state.Preview(news, s => settings.Resolve(s, news), olds));

        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, news));
        if (!CredentialData.Differs(oldInputs, news))
            return new UpdateResult(_state.Carry(news, target, olds));

        var (scope, name) = ConnectionId.Parse(id);
        var client = Client(target, settings);
        await PutCredentialsAsync(client, scope, name, CredentialData.Json(news), cancellationToken);
        _logger.LogInformation("Rotated the credentials of connection {Id}", id);

        var outputs = _state.Carry(news, target, olds);
        try
        {
            var current = await client.GetAsync(scope, name, cancellationToken);
            return new UpdateResult(current is null ? outputs : _state.Build(news, target, current));
        }
        catch (FlinkApiException e)
        {
            // The credentials were changed; only the refresh of status failed. Record the new state, report the failure.
            throw new ResourceInitFailedException(id, outputs, news.MarkSecrets(_schema.SecretPaths),
                [$"credentials were updated, but reading the connection back failed: {e.Message}"]);
        }
    }

    public async Task DeleteAsync(string id, PropertyMap olds, PropertyMap oldInputs, SettingResolver settings, CancellationToken cancellationToken)
    {
        var (scope, name) = ConnectionId.Parse(id);
        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, Merge(olds, oldInputs)));
        if (await Client(target, settings).DeleteAsync(scope, name, cancellationToken))
            _logger.LogInformation("Deleted connection {Id}", id);
        else
            _logger.LogInformation("Connection {Id} was already gone", id);
    }

    /// <summary>PUT needs the current resource_version; a concurrent writer makes it stale, so read again and retry once.</summary>
    private static async Task PutCredentialsAsync(IFlinkConnectionsClient client, ConnectionScope scope, string name, string authData, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await client.GetAsync(scope, name, cancellationToken)
                ?? throw new ProviderUserException($"connection {ConnectionId.Format(scope, name)} no longer exists; run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again");
            current.Spec ??= new ConnectionSpec();
            current.Spec.AuthData = new AuthData { Data = authData };
            try
            {
                await client.UpdateAsync(scope, current, cancellationToken);
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

    private static string ImportCommand(string id) => $"pulumi import {Token} <resource name> {id}";

    private IFlinkConnectionsClient Client(ConnectionTarget target, SettingResolver settings) => _clients(target.ApiSettings(settings.MaxRetries));

    /// <summary>Import: the API never returns credentials, so they come from the seed's environment variables.</summary>
    private static PropertyMap ImportedInputs(Connection connection, SettingResolver settings)
    {
        var typeName = connection.Spec?.ConnectionType ?? "";
        var inputs = PropertyMap.Empty
            .With("displayName", PropertyValue.Of(connection.Name))
            .With("type", PropertyValue.Of(typeName))
            .With("endpoint", PropertyValue.Of(connection.Spec?.Endpoint));

        if (ConnectionType.Find(typeName) is { } type)
        {
            var missing = type.Required.Where(c => settings.FromEnvironment(c.ImportEnvVar) is NullValue).ToList();
            if (missing.Count > 0)
                throw new ProviderUserException(
                    $"importing a {type.Name} connection needs its credentials, which the API never returns: export " +
                    string.Join(" and ", missing.Select(c => $"{c.ImportEnvVar} (for {c.Property})")) + " and run the import again");
            foreach (var credential in type.Required.Concat(type.Optional))
                if (settings.FromEnvironment(credential.ImportEnvVar) is StringValue value)
                    inputs = inputs.With(credential.Property, PropertyValue.Secret(value));
        }

        // Seed Option #1: when the IMPORT_* variables are used, the program carries the blocks on the resource.
        foreach (var setting in Setting.All)
        {
            if (settings.FromEnvironment(setting.ImportEnvVar) is not StringValue value)
                continue;
            var existing = inputs.Get(setting.ResourceProperty).Unwrapped as ObjectValue;
            inputs = setting.ResourceField is { } field
                ? inputs.With(setting.ResourceProperty, new ObjectValue((existing?.Properties ?? PropertyMap.Empty).With(field, value)))
                : inputs.With(setting.ResourceProperty, value);
        }
        return inputs;
    }

    /// <summary>Refresh: what the API reports for type and endpoint replaces what the inputs said, so drift shows in the next diff.</summary>
    private static PropertyMap WithDrift(PropertyMap inputs, Connection connection) => inputs
        .With("type", PropertyValue.Of(connection.Spec?.ConnectionType ?? (inputs.GetPath("type") as StringValue)?.Value))
        .With("endpoint", PropertyValue.Of(connection.Spec?.Endpoint ?? (inputs.GetPath("endpoint") as StringValue)?.Value));

    private static PropertyMap Merge(PropertyMap outputs, PropertyMap? inputs)
    {
        if (inputs is null) return outputs;
        // The credentials the resource was managed with live in its inputs; where it lives, in its outputs.
        return inputs.ContainsKey("credentials") ? outputs.With("credentials", inputs.Get("credentials")) : outputs;
    }

    private static string RequireString(PropertyMap inputs, string property) =>
        inputs.GetPath(property) is StringValue { Value.Length: > 0 } value
            ? value.Value
            : throw new ProviderUserException($"{property} must be a known, non-empty string");
}
