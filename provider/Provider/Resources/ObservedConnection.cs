using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Resources.ConnectionProperties;
using static ConfluentFlink.Provider.Values.PropertyPaths;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// What the API reports about a connection, in the provider's terms: the one mapping from the API model, shared by
/// the resource's outputs and by <c>getFlinkConnection</c>.
/// </summary>
public sealed record ObservedConnection(string Name, string? Type, string? Endpoint, string? ApiVersion, string? Kind, string? Phase, string? Detail)
{
    /// <param name="requestedName">The name asked for, in case the API's answer leaves it out.</param>
    public static ObservedConnection From(Connection connection, string requestedName) => new(
        connection.Name ?? requestedName,
        connection.Spec?.ConnectionType,
        connection.Spec?.Endpoint,
        connection.ApiVersion,
        connection.Kind,
        connection.Status?.Phase,
        connection.Status?.Detail);

    /// <summary>
    /// The inverse of <see cref="ToProperties"/> for outputs recorded earlier, with what the program now says of name,
    /// type and endpoint: for an update that needed no answer from the API.
    /// </summary>
    public static ObservedConnection Carried(PropertyMap olds, ConnectionInputs inputs)
    {
        string? Old(string path) => (olds.GetPath(path) as StringValue)?.Value;
        return new ObservedConnection(inputs.DisplayName, inputs.Type, inputs.Endpoint, ApiVersion: Old(ConnectionProperties.ApiVersion),
            Kind: Old(ConnectionProperties.Kind), Phase: Old($"{Status}.{StatusPhase}"), Detail: Old($"{Status}.{StatusDetail}"));
    }

    /// <summary>Name, type, endpoint, API version, kind and status, by their schema names.</summary>
    public PropertyMap ToProperties() => PropertyMap.Empty
        .With(DisplayName, PropertyValue.Of(Name))
        .With(ConnectionProperties.Type, PropertyValue.Of(Type))
        .With(ConnectionProperties.Endpoint, PropertyValue.Of(Endpoint))
        .With(ConnectionProperties.ApiVersion, PropertyValue.Of(ApiVersion))
        .With(ConnectionProperties.Kind, PropertyValue.Of(Kind))
        .With(Status, ObjectOf((StatusPhase, PropertyValue.Of(Phase)), (StatusDetail, PropertyValue.Of(Detail))));
}
