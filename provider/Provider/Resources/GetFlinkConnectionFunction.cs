using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Resources.ConnectionProperties;

namespace ConfluentFlink.Provider.Resources;

/// <summary><c>confluentflink:index:getFlinkConnection</c>: the Terraform data source's counterpart, looking a connection up by name.</summary>
public sealed class GetFlinkConnectionFunction(Func<FlinkApiSettings, IFlinkConnectionsClient> clients)
{
    public const string Token = "confluentflink:index:getFlinkConnection";
    private const string IdOutput = "id";

    public async Task<InvokeResult> InvokeAsync(InvokeRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var args = request.Args;
        if (args.GetPath(DisplayName) is not StringValue { Value.Length: > 0 } name)
            return new InvokeResult(PropertyMap.Empty, [new CheckFailure(DisplayName, $"{DisplayName} is required: the name of the connection to look up")]);
        // A name the program marked secret is never echoed in plain.
        var nameIsSecret = args.Get(DisplayName).ContainsSecrets;
        var missing = Setting.All.Where(s => settings.Resolve(s, args) is not StringValue { Value.Length: > 0 })
            .Select(s => new CheckFailure(s.ResourcePath, s.MissingMessage)).ToList();
        if (missing.Count > 0)
            return new InvokeResult(PropertyMap.Empty, missing);

        var target = ConnectionTarget.Resolve(s => settings.Resolve(s, args));
        var connection = await clients(target.ApiSettings(settings.MaxRetries)).GetAsync(target.Scope, name.Value, cancellationToken)
            ?? throw new ProviderUserException($"no Flink connection named {(nameIsSecret ? "(the secret name given)" : $"'{name.Value}'")} " +
                                               $"in organization {target.Scope.OrganizationId}, environment {target.Scope.EnvironmentId}");

        var outputs = ObservedConnection.From(connection, name.Value).ToProperties().With(IdOutput, PropertyValue.Of(target.IdFor(name.Value)));
        return new InvokeResult(nameIsSecret ? outputs.With(DisplayName, PropertyValue.Secret(outputs.Get(DisplayName))) : outputs, []);
    }
}
