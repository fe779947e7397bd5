using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary><c>confluentflink:index:getFlinkConnection</c>: the Terraform data source's counterpart, looking a connection up by name.</summary>
public sealed class GetFlinkConnectionFunction(Func<FlinkApiSettings, IFlinkConnectionsClient> clients)
{
    public const string Token = "confluentflink:index:getFlinkConnection";

    public async Task<InvokeResult> InvokeAsync(PropertyMap args, SettingResolver settings, CancellationToken cancellationToken)
    {
        if (args.GetPath("displayName") is not StringValue { Value.Length: > 0 } name)
            return new InvokeResult(PropertyMap.Empty, [new CheckFailure("displayName", "displayName is required: the name of the connection to look up")]);
        // A name the program marked secret is never echoed in plain.
        var nameIsSecret = args.Get("displayName").ContainsSecrets;
        var missing = Setting.All.Where(s => settings.Resolve(s, args) is not StringValue { Value.Length: > 0 })
            .Select(s => new CheckFailure(s.ResourcePath, s.MissingMessage)).ToList();
        if (missing.Count > 0)
            return new InvokeResult(PropertyMap.Empty, missing);

        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, args));
        var connection = await clients(target.ApiSettings(settings.MaxRetries)).GetAsync(target.Scope, name.Value, cancellationToken)
            ?? throw new ProviderUserException($"no Flink connection named {(nameIsSecret ? "(the secret name given)" : $"'{name.Value}'")} " +
                                               $"in organization {target.Scope.OrganizationId}, environment {target.Scope.EnvironmentId}");

        var displayName = PropertyValue.Of(connection.Name ?? name.Value);
        return new InvokeResult(PropertyMap.Empty
            .With("id", PropertyValue.Of(target.IdFor(name.Value)))
            .With("displayName", nameIsSecret ? PropertyValue.Secret(displayName) : displayName)
            .With("type", PropertyValue.Of(connection.Spec?.ConnectionType))
            .With("endpoint", PropertyValue.Of(connection.Spec?.Endpoint))
            .With("apiVersion", PropertyValue.Of(connection.ApiVersion))
            .With("kind", PropertyValue.Of(connection.Kind))
            .With("status", FlinkConnectionState.StatusOf(connection)), []);
    }
}
