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
    public const string IdOutput = "id";

    public async Task<InvokeResult> InvokeAsync(InvokeRequest request, SettingResolver settings, CancellationToken cancellationToken)
    {
        var args = request.Args;
        if (args.GetPath(DisplayName) is not StringValue { Value.Length: > 0 } name)
            return new InvokeResult(PropertyMap.Empty, [new CheckFailure(DisplayName, $"{DisplayName} is required: the name of the connection to look up")]);
        // A name the program marked secret is never echoed in plain; nor is an id that contains a secret part.
        var nameIsSecret = args.Get(DisplayName).ContainsSecrets;
        if (!ConnectionTarget.TryResolve(s => settings.Resolve(s, args), out var target, out var problems))
            return new InvokeResult(PropertyMap.Empty, problems);

        var connection = await clients(target.ApiSettings(settings.MaxRetries)).GetAsync(target.Scope, name.Value, cancellationToken)
            ?? throw new ProviderUserException($"no Flink connection named {(nameIsSecret ? "(the secret name given)" : $"'{name.Value}'")} " +
                                               $"in organization {target.Scope.OrganizationId}, environment {target.Scope.EnvironmentId}");

        var id = PropertyValue.Of(target.IdFor(name.Value));
        var outputs = ObservedConnection.From(connection, name.Value).ToProperties()
            .With(IdOutput, IdParts.Any(args.IsSecretAt) ? PropertyValue.Secret(id) : id);
        return new InvokeResult(nameIsSecret ? outputs.With(DisplayName, PropertyValue.Secret(outputs.Get(DisplayName))) : outputs, []);
    }
}
