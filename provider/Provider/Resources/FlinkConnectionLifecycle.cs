using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using static ConfluentFlink.Provider.Resources.FlinkConnectionArgs;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Create, read (refresh and import), update and delete of a <c>FlinkConnection</c> against the Flink SQL API, each
/// bounded by its custom timeout. The status the API reports after each is shown under the resource.
/// </summary>
public sealed class FlinkConnectionLifecycle(Func<FlinkSettings, IFlinkConnectionsClient> clients, ILogger logger)
{
    public async Task<CreateResult> CreateAsync(CreateRequest request, ProviderConfig config, CancellationToken cancellationToken)
    {
        var args = Decode(request.Properties);
        if (request.Preview)
            return new CreateResult("", FlinkConnectionState.Preview(args, s => config.Lookup(s, args.Own(s)).Value, olds: null));

        args = args.RequireKnown();
        var settings = config.Resolve(Setting.All, args.Own).Require();
        var address = settings.Location.Connection(args.DisplayName.Value!);
        var id = ConnectionId.Format(address);
        var authData = AuthDataJson(args);
        var client = clients(settings);
        var budget = new OperationBudget(request.Timeout, cancellationToken);
        CreateOutcome outcome;
        try
        {
            outcome = await client.CreateAsync(address, new NewConnection(args.Type.Value!, args.Endpoint.Value!, authData), budget);
        }
        catch (CreateOutcomeUnknownException e)
        {
            throw new ProviderException(e.Reason == CreateUnresolvedReason.Cancelled ? ErrorKind.Cancelled : ErrorKind.Unavailable,
                $"{e.Message} If it does, bring it under Pulumi with: {ImportCommand(request.Urn, id)}");
        }
        catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            throw new ProviderException(ErrorKind.AlreadyExists, $"{e.Message}. To manage the existing connection with Pulumi, import it: {ImportCommand(request.Urn, id)}");
        }
        catch (FlinkApiException e)
        {
            throw Failure(e, settings);
        }

        var state = new FlinkConnectionState(args, settings, ObservedConnection.From(outcome.Connection, address.Name));
        if (outcome.Kind == CreateOutcomeKind.AdoptedAfterLostAnswer)
        {
            // The API masks credentials, so a connection adopted by type and endpoint may hold other ones: set ours.
            logger.LogWarning("Connection {Id} was created by an earlier attempt whose answer was lost; adopting it", id);
            try
            {
                state = state with { Observed = ObservedConnection.From(await client.SetAuthDataAsync(address, authData, budget, outcome.Connection), address.Name) };
            }
            // A Cancel here too must not lose the connection: it exists, so Pulumi has to record it.
            catch (Exception e) when (e is FlinkApiException or OperationCanceledException)
            {
                throw new ResourceInitFailedException(id, state.Encode(), args.Encode(), $"the connection exists, but setting its credentials failed: {e.Message}");
            }
        }
        else
        {
            logger.LogInformation("Created connection {Id}", id);
        }
        ReportStatus(state);
        return new CreateResult(id, state.Encode());
    }

    /// <returns>Null when the connection no longer exists.</returns>
    public async Task<ReadResult?> ReadAsync(ReadRequest request, ProviderConfig config, CancellationToken cancellationToken)
    {
        // On import the engine sends the id alone: the id says where the connection is, the rest comes from the import variables.
        var importing = request.Properties is null;
        var address = ConnectionId.Parse(request.Id, strict: importing);
        var settings = importing
            ? ImportSettings(address, config)
            : RecordedSettings(request.Properties!, request.Inputs, config, Setting.All);
        Connection? connection;
        try
        {
            connection = await clients(settings).GetAsync(address, new OperationBudget(request.Timeout, cancellationToken));
        }
        catch (FlinkApiException e)
        {
            throw Failure(e, settings);
        }
        if (connection is null)
        {
            logger.LogInformation("Connection {Id} no longer exists", request.Id);
            return null;
        }

        var observed = ObservedConnection.From(connection, address.Name);
        FlinkConnectionArgs args;
        if (importing)
        {
            args = ImportedArgs(observed, settings, config);
        }
        else
        {
            // What the API reports of type and endpoint replaces what state holds, so drift shows in the next diff.
            var known = Decode(FlinkConnectionState.RecordedInputs(request.Inputs, request.Properties!));
            args = known with
            {
                Type = observed.Type is { } type ? Input.Known(type, known.Type.Secret) : known.Type,
                Endpoint = observed.Endpoint is { } endpoint ? Input.Known(endpoint, known.Endpoint.Secret) : known.Endpoint,
            };
        }
        var state = new FlinkConnectionState(args, settings, observed);
        ReportStatus(state);
        return new ReadResult(request.Id, state.Encode(), args.Encode());
    }

    public async Task<UpdateResult> UpdateAsync(UpdateRequest request, ProviderConfig config, CancellationToken cancellationToken)
    {
        var args = Decode(request.NewInputs);
        if (request.Preview)
            return new UpdateResult(FlinkConnectionState.Preview(args, s => config.Lookup(s, args.Own(s)).Value, request.OldState));

        args = args.RequireKnown();
        var settings = config.Resolve(Setting.All, args.Own).Require();
        var address = ConnectionId.Parse(request.Id, strict: false);
        var previous = Decode(FlinkConnectionState.RecordedInputs(request.OldInputs, request.OldState));
        // Only auth_data can change in place; a new compute pool, principal or Flink key needs no API call.
        if (SameCredentials(previous, args))
            return new UpdateResult(new FlinkConnectionState(args, settings, ObservedConnection.Recorded(request.OldState, args)).Encode());

        Connection current;
        try
        {
            current = await clients(settings).SetAuthDataAsync(address, AuthDataJson(args), new OperationBudget(request.Timeout, cancellationToken));
        }
        catch (FlinkApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ProviderException(ErrorKind.NotFound, $"connection {request.Id} no longer exists; run `pulumi refresh` to drop it from the stack, " +
                                                            "then `pulumi up` to create it again");
        }
        catch (FlinkApiException e)
        {
            throw Failure(e, settings);
        }
        logger.LogInformation("Updated the credentials of connection {Id}", request.Id);
        var state = new FlinkConnectionState(args, settings, ObservedConnection.From(current, address.Name));
        ReportStatus(state);
        return new UpdateResult(state.Encode());
    }

    public async Task DeleteAsync(DeleteRequest request, ProviderConfig config, CancellationToken cancellationToken)
    {
        var address = ConnectionId.Parse(request.Id, strict: false);
        var settings = RecordedSettings(request.Properties, request.OldInputs, config, Setting.ApiAccess);
        bool deleted;
        try
        {
            deleted = await clients(settings).DeleteAsync(address, new OperationBudget(request.Timeout, cancellationToken));
        }
        catch (FlinkApiException e)
        {
            throw Failure(e, settings);
        }
        logger.LogInformation(deleted ? "Deleted connection {Id}" : "Connection {Id} was already gone", request.Id);
    }

    /// <summary>The exact command that brings an existing connection under this resource.</summary>
    public static string ImportCommand(ResourceUrn urn, string id) =>
        $"pulumi import {Tokens.FlinkConnection} {(urn.Name.Length > 0 ? urn.Name : "<resource name>")} {id}";

    /// <summary>
    /// A failure of the Flink API as the user should read it. A refused key pair is named with where it came from and what
    /// kind of key is needed; a refused permission names the key and where it is missing.
    /// </summary>
    public static ProviderException Failure(FlinkApiException failure, FlinkSettings settings)
    {
        var key = $"Flink API key '{settings.ApiKey.Value}' (from {settings.ApiKey.Origin}" +
                  (settings.ApiSecret.Source == settings.ApiKey.Source ? ")" : $", its secret from {settings.ApiSecret.Origin})");
        return failure.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ProviderException(ErrorKind.Unauthenticated,
                $"{failure.Message}. The {key} was not accepted by {settings.RestEndpoint.Value}: a Flink API key of that region is needed " +
                "(a Cloud API key or a Kafka cluster key does not work there). Fix the key pair in `credentials` on the resource, in the " +
                $"provider config `confluentflink:{Setting.ApiKey.ConfigKey}`/`{Setting.ApiSecret.ConfigKey}`, or in " +
                $"{Setting.ApiKey.EnvironmentVariable}/{Setting.ApiSecret.EnvironmentVariable}."),
            HttpStatusCode.Forbidden => new ProviderException(ErrorKind.PermissionDenied,
                $"{failure.Message}. The principal of the {key} lacks the permission or role to manage Flink connections in " +
                $"{settings.Location}: grant it a role such as FlinkDeveloper on that environment, or use a key of a principal that has one."),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new ProviderException(ErrorKind.InvalidArgument, failure.Message),
            HttpStatusCode.NotFound => new ProviderException(ErrorKind.NotFound, failure.Message),
            HttpStatusCode.Conflict => new ProviderException(ErrorKind.AlreadyExists, failure.Message),
            HttpStatusCode.TooManyRequests => new ProviderException(ErrorKind.ResourceExhausted, failure.Message),
            null or >= HttpStatusCode.InternalServerError => new ProviderException(ErrorKind.Unavailable, failure.Message),
            _ => new ProviderException(ErrorKind.Unknown, failure.Message),
        };
    }

    /// <summary>
    /// The API's <c>auth_data.data</c>: a JSON object with one key per value given, plus <c>AUTH_TYPE</c> naming the group
    /// used when the type offers a choice. Built from the new inputs alone, so switching groups sends only the new one.
    /// </summary>
    private static string AuthDataJson(FlinkConnectionArgs args)
    {
        var type = Catalog.Find(args.Type.Value!) ?? throw ProviderException.Invalid(
            $"type '{args.Type.Value}' is not supported; use one of {string.Join(", ", Catalog.Types.Select(t => t.Name))}");
        var values = args.KnownCredentials;
        var data = new JObject();
        foreach (var entry in type.AcceptedEntries.Where(values.ContainsKey))
            data[entry.Key] = values[entry];
        if (type.OffersChoice && type.AuthGroups.FirstOrDefault(g => g.Members.Any(values.ContainsKey)) is { } group)
            data[Catalog.AuthTypeKey] = group.Name;
        return data.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static bool SameCredentials(FlinkConnectionArgs before, FlinkConnectionArgs after)
    {
        var (old, now) = (before.KnownCredentials, after.KnownCredentials);
        return old.Count == now.Count && old.All(c => now.TryGetValue(c.Key, out var value) && value == c.Value);
    }

    /// <summary>
    /// The settings of a connection in state: where it lives is recorded in its outputs; the Flink API key it was managed
    /// with is in its inputs when the resource set it, else it comes from provider config or the environment.
    /// </summary>
    private static FlinkSettings RecordedSettings(PropertyMap outputs, PropertyMap? inputs, ProviderConfig config, IEnumerable<SettingSpec> needed)
    {
        var managingKey = inputs ?? PropertyMap.Empty;
        return config.Resolve(needed, spec => Input.At(spec.TopLevelProperty == Setting.ApiKey.TopLevelProperty ? managingKey : outputs, spec.Property).ToValue())
            .Require();
    }

    /// <summary>
    /// The settings of an import: organization and environment from the id, which decides where the connection is (an
    /// import variable that names another one is a mistake to fix, not a value to use); the rest from the import
    /// variables, then provider config and the environment.
    /// </summary>
    private static FlinkSettings ImportSettings(ConnectionAddress address, ProviderConfig config)
    {
        var fromId = new Dictionary<SettingSpec, string> { [Setting.Organization] = address.OrganizationId, [Setting.Environment] = address.EnvironmentId };
        foreach (var (spec, value) in fromId)
            if (config.Variable(spec.ImportVariable) is { } variable && variable != value)
                throw ProviderException.Invalid($"importing connection '{address.Name}': the id names {spec.Property} '{value}', but {spec.ImportVariable} is " +
                                                $"'{ProviderException.Shorten(variable)}'. The id decides where the connection is: unset {spec.ImportVariable}, " +
                                                "or set it to the id's value, and run the import again");

        var failures = new List<string>();
        var values = new Dictionary<SettingSpec, SettingValue>();
        foreach (var spec in Setting.All)
        {
            var value = fromId.TryGetValue(spec, out var own) ? new SettingValue(spec, own, SettingSource.ImportId)
                : config.Variable(spec.ImportVariable) is { } imported ? new SettingValue(spec, imported, SettingSource.ImportVariable)
                : config.Lookup(spec, PropertyValue.Null) is ({ } found and StringValue { Value.Length: > 0 } text, var source) ? new SettingValue(spec, text.Value, source)
                : null;
            if (value is null)
                failures.Add($"{spec.Property} is not set: export the import variable {spec.ImportVariable}, or set the provider config " +
                             $"`confluentflink:{spec.ConfigKey}` or the environment variable {spec.EnvironmentVariable}");
            else if (Setting.Problem(spec, value.Value) is { } problem)
                failures.Add(ProviderConfig.Malformed(value with { Source = value.Source }, problem).Reason);
            else
                values[spec] = value;
        }
        if (failures.Count > 0)
            throw ProviderException.Invalid($"importing connection '{address.Name}': " + string.Join("; ", failures));
        return new FlinkSettings
        {
            Organization = values[Setting.Organization], Environment = values[Setting.Environment], ComputePool = values[Setting.ComputePool],
            Principal = values[Setting.Principal], RestEndpoint = values[Setting.RestEndpoint], ApiKey = values[Setting.ApiKey],
            ApiSecret = values[Setting.ApiSecret], MaxRetries = config.MaxRetries,
        };
    }

    /// <summary>
    /// The inputs of an imported connection. The API never returns credentials, so they come from the import variables
    /// the catalog names; for a type with a choice of groups, from the one group whose variables are all set. A setting
    /// becomes a block on the resource where the provider would otherwise resolve another value, so that the next
    /// preview shows no change.
    /// </summary>
    private static FlinkConnectionArgs ImportedArgs(ObservedConnection connection, FlinkSettings settings, ProviderConfig config)
    {
        var type = Catalog.Find(connection.Type ?? "") ?? throw ProviderException.Invalid(
            $"connection '{connection.Name}' has type '{connection.Type}', which this provider does not manage; it manages " +
            string.Join(", ", Catalog.Types.Select(t => t.Name)));
        string? Variable(AuthDataEntry entry) => config.Variable(entry.ImportVariable);

        AuthGroup group;
        if (!type.OffersChoice)
            group = type.AuthGroups[0];
        else
        {
            // A group counts as chosen only when all its required variables are set: USERNAME alone is often the login
            // name the operating system sets, not a database user.
            var set = type.AuthGroups.Where(g => g.Required.All(e => Variable(e) is not null)).ToList();
            group = set.Count == 1 ? set[0] : throw ProviderException.Invalid(set.Count == 0
                ? $"importing the {type.Name} connection '{connection.Name}' needs its credentials, which the API never returns: export the " +
                  $"variables of one of these groups, then run the import again: {Groups(type.AuthGroups)}"
                : $"importing the {type.Name} connection '{connection.Name}': variables of more than one credential group are set ({Groups(set)}); " +
                  $"{type.Name} connections use exactly one, so unset the others and run the import again");
        }
        var missing = group.Required.Where(e => Variable(e) is null).ToList();
        if (missing.Count > 0)
            throw ProviderException.Invalid($"importing the {type.Name} connection '{connection.Name}' needs its credentials, which the API never returns: export " +
                                            string.Join(" and ", missing.Select(e => $"{e.ImportVariable} (for {e.Property})")) + " and run the import again");

        var taken = group.Members.Concat(type.Options).ToHashSet();
        return new FlinkConnectionArgs
        {
            DisplayName = Input.Known(connection.Name),
            NameOrigin = NameOrigin.Program,
            Type = Input.Known(type.Name),
            Endpoint = connection.Endpoint is { } endpoint ? Input.Known(endpoint) : Input.Absent,
            Credentials = Catalog.AuthData.ToDictionary(e => e, e => taken.Contains(e) && Variable(e) is { } value ? Input.Known(value) : Input.Absent),
            Settings = Setting.All.ToDictionary(spec => spec, spec => settings[spec] is { } value &&
                (value.Source == SettingSource.ImportVariable || (value.Source == SettingSource.ImportId && config.Lookup(spec, PropertyValue.Null).Value != new StringValue(value.Value)))
                ? Input.Known(value.Value)
                : Input.Absent),
        };
    }

    private static string Groups(IEnumerable<AuthGroup> groups) =>
        string.Join("; ", groups.Select(g => $"{g.Name}: " + string.Join(" and ", g.Required.Select(e => e.ImportVariable))));

    /// <summary>
    /// A connection the service cannot use is a warning under its resource: the operation succeeded (the connection
    /// exists), but Flink statements will fail. Its detail is the API's, with the connection's own credentials masked.
    /// </summary>
    private void ReportStatus(FlinkConnectionState state)
    {
        if (state.Observed.Status is not { } status)
            return;
        var detail = SecretMask.Apply(status.Detail ?? "no detail given", state.Args.KnownCredentials.Values);
        switch (status.Phase)
        {
            case "READY" or "ACTIVE":
                break;
            case "INVALID_AUTH":
                logger.LogWarning("Connection {Name} is INVALID_AUTH ({Detail}): the credentials were stored, but the service rejects them: " +
                                  "fix them and run `pulumi up`", state.Observed.Name, detail);
                break;
            case "UNREACHABLE":
                logger.LogWarning("Connection {Name} is UNREACHABLE ({Detail}): Flink cannot reach {Endpoint}; check the endpoint, and that the " +
                                  "service accepts connections from Confluent Cloud", state.Observed.Name, detail, state.Observed.Endpoint);
                break;
            default:
                logger.LogInformation("Connection {Name} reports status {Phase} ({Detail})", state.Observed.Name, status.Phase, detail);
                break;
        }
    }
}

/// <summary>The resource id, <c>&lt;organization id&gt;/&lt;environment id&gt;/&lt;connection name&gt;</c>, as the Terraform resource uses it.</summary>
public static class ConnectionId
{
    public static string Format(ConnectionAddress address) => $"{address.OrganizationId}/{address.EnvironmentId}/{address.Name}";

    /// <param name="strict">
    /// An id the user typed (import) must have the forms of Confluent's ids; one in state was made by the provider and is
    /// only split, so that a resource never becomes impossible to refresh or delete.
    /// </param>
    public static ConnectionAddress Parse(string id, bool strict)
    {
        var notOfTheForm = $"the id '{ProviderException.Shorten(id)}' is not of the form {Catalog.IdForm} " +
                           $"(e.g. {Setting.Organization.Example}/{Setting.Environment.Example}/{Catalog.Name.Example})";
        var parts = id.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Trim() != p))
            throw ProviderException.Invalid(notOfTheForm);
        var address = new ConnectionAddress(parts[0], parts[1], parts[2]);
        if (!strict)
            return address;
        var problems = new[]
        {
            Setting.Problem(Setting.Organization, address.OrganizationId) is { } organization ? $"its organization id '{address.OrganizationId}' {organization}" : null,
            Setting.Problem(Setting.Environment, address.EnvironmentId) is { } environment ? $"its environment id '{address.EnvironmentId}' {environment}" : null,
            Catalog.Name.Problem(address.Name) is { } name ? $"its connection name '{address.Name}' {name}" : null,
        }.OfType<string>().ToList();
        return problems.Count == 0
            ? address
            : throw ProviderException.Invalid($"{notOfTheForm}: {string.Join("; ", problems)}");
    }
}
