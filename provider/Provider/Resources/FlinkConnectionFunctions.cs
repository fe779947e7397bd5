using System.Collections.Immutable;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;
using static ConfluentFlink.Provider.Resources.FlinkConnectionArgs;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// <c>getFlinkConnection</c> (one connection by name, the Terraform data source's counterpart) and
/// <c>getFlinkConnections</c> (every connection of an environment). Their settings fall back as the resource's do.
/// </summary>
public sealed class FlinkConnectionFunctions(Func<FlinkSettings, IFlinkConnectionsClient> clients)
{
    private const string IdOutput = "id";
    private const string ConnectionsOutput = "connections";

    private static readonly EnumTypeSpec ConnectionTypes =
        Package.EnumOf(Package.Function(Tokens.GetFlinkConnections).Inputs.Single(p => p.WireName == TypeProperty))!;

    public async Task<InvokeResult> GetOneAsync(PropertyMap args, ProviderConfig config, CancellationToken cancellationToken)
    {
        if (args.GetPath(DisplayNameProperty) is not StringValue { Value.Length: > 0 } name)
            return Failed(new CheckFailure(DisplayNameProperty, $"{DisplayNameProperty} is required: the name of the connection to look up"));
        // A name the program marked secret is never echoed in plain; nor is an id that contains a secret part.
        var nameIsSecret = args.Get(DisplayNameProperty).ContainsSecrets;
        if (Catalog.Name.Problem(name.Value) is { } problem)
            return Failed(new CheckFailure(DisplayNameProperty, $"{DisplayNameProperty} {(nameIsSecret ? "" : $"'{ProviderException.Shorten(name.Value)}' ")}{problem}"));
        var resolution = Resolve(args, config);
        if (resolution.Settings is not { } settings)
            return new InvokeResult(PropertyMap.Empty, resolution.Failures);

        var address = settings.Location.Connection(name.Value);
        var connection = await Call(settings, client => client.GetAsync(address, cancellationToken))
            ?? throw new ProviderException(ErrorKind.NotFound, $"no Flink connection named {(nameIsSecret ? "(the secret name given)" : $"'{name.Value}'")} " +
                                                                $"in {settings.Location}");
        var outputs = ObservedConnection.From(connection, name.Value).Encode().With(IdOutput, MarkedId(args, ConnectionId.Format(address)));
        return new InvokeResult(nameIsSecret ? outputs.With(DisplayNameProperty, PropertyValue.Secret(outputs.Get(DisplayNameProperty))) : outputs, []);
    }

    public async Task<InvokeResult> ListAsync(PropertyMap args, ProviderConfig config, CancellationToken cancellationToken)
    {
        var type = args.GetPath(TypeProperty) as StringValue;
        if (type is not null && !ConnectionTypes.Values.Contains(type.Value))
            return Failed(new CheckFailure(TypeProperty, $"{TypeProperty} {(args.IsSecretAt(TypeProperty) ? "" : $"'{ProviderException.Shorten(type.Value)}' ")}is not a connection type" +
                                                         $"{FlinkConnectionRules.DidYouMean(type.Value, ConnectionTypes.Values)}; use one of {string.Join(", ", ConnectionTypes.Values)}"));
        var resolution = Resolve(args, config);
        if (resolution.Settings is not { } settings)
            return new InvokeResult(PropertyMap.Empty, resolution.Failures);

        IReadOnlyList<FlinkApi.Models.Connection> connections;
        try
        {
            connections = await Call(settings, client => client.ListAsync(settings.Location, type?.Value, cancellationToken));
        }
        catch (ProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw new ProviderException(ErrorKind.NotFound, $"{settings.Location} was not found at {settings.RestEndpoint.Value} (environment from " +
                                                            $"{settings.Environment.Origin}): {e.Message}");
        }
        var items = connections.Select(c =>
        {
            var observed = ObservedConnection.From(c, c.Name ?? "");
            return (PropertyValue)new ObjectValue(observed.Encode().Remove(ObservedConnection.ApiVersionProperty).Remove(ObservedConnection.KindProperty)
                .With(IdOutput, MarkedId(args, ConnectionId.Format(settings.Location.Connection(observed.Name)))));
        }).ToImmutableArray();
        return new InvokeResult(PropertyMap.Empty.With(ConnectionsOutput, new ArrayValue(items)), []);
    }

    private static Resolution Resolve(PropertyMap args, ProviderConfig config) =>
        config.Resolve(Setting.ApiAccess, spec => Input.At(args, spec.Property).ToMarkedValue());

    private async Task<T> Call<T>(FlinkSettings settings, Func<IFlinkConnectionsClient, Task<T>> call)
    {
        try
        {
            return await call(clients(settings));
        }
        catch (FlinkApiException e)
        {
            throw FlinkConnectionLifecycle.Failure(e, settings);
        }
    }

    // Pulumi shows an id in plain; one built from a secret organization or environment stays secret.
    private static PropertyValue MarkedId(PropertyMap args, string id) =>
        new[] { Setting.Organization.Property, Setting.Environment.Property }.Any(args.IsSecretAt) ? PropertyValue.Secret(PropertyValue.Of(id)) : PropertyValue.Of(id);

    private static InvokeResult Failed(CheckFailure failure) => new(PropertyMap.Empty, [failure]);
}
