using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Values.PropertyPaths;

namespace ConfluentFlink.Provider.Resources;

/// <summary>Builds a connection's outputs (its Pulumi state) from its inputs, its resolved settings and what the API said.</summary>
public sealed class FlinkConnectionState(ResourceSchema schema)
{
    private static readonly string[] ComputedProperties = ["apiVersion", "kind", "status"];

    // Where the connection lives is state; the Flink API key it was managed with is not.
    public static readonly IReadOnlyList<Setting> RecordedSettings = Setting.All.Where(s => s.ResourceProperty != "credentials").ToList();

    /// <summary>
    /// Outputs: the inputs, with the settings the connection was really managed with (so a later move between the
    /// resource's own blocks and provider config is not mistaken for a change), and the API's view of type, endpoint
    /// and status. Flink credentials from config are not copied: they belong to the provider, not the connection.
    /// </summary>
    public PropertyMap Build(PropertyMap inputs, ConnectionTarget target, Connection connection)
    {
        var outputs = WithSettings(inputs, target)
            .With("displayName", KeepSecret(inputs, "displayName", connection.Name ?? StringAt(inputs, "displayName")))
            .With("type", KeepSecret(inputs, "type", connection.Spec?.ConnectionType ?? StringAt(inputs, "type")))
            .With("endpoint", KeepSecret(inputs, "endpoint", connection.Spec?.Endpoint ?? StringAt(inputs, "endpoint")))
            .With("apiVersion", PropertyValue.Of(connection.ApiVersion))
            .With("kind", PropertyValue.Of(connection.Kind))
            .With("status", StatusOf(connection));
        return outputs.MarkSecrets(schema.SecretPaths);
    }

    /// <summary>Preview outputs: what the inputs say; the API's computed values are the old ones, or unknown before a create.</summary>
    public PropertyMap Preview(PropertyMap inputs, Func<Setting, PropertyValue> settings, PropertyMap? olds = null)
    {
        var outputs = inputs;
        foreach (var setting in RecordedSettings)
            outputs = WithSetting(outputs, setting, settings(setting));
        foreach (var computed in ComputedProperties)
            outputs = outputs.With(computed, olds?.Get(computed) ?? PropertyValue.Unknown);
        return outputs.MarkSecrets(schema.SecretPaths);
    }

    /// <summary>Outputs after an in-place update that needed no API call: new inputs, old computed values.</summary>
    public PropertyMap Carry(PropertyMap news, ConnectionTarget target, PropertyMap olds)
    {
        var outputs = WithSettings(news, target);
        foreach (var computed in ComputedProperties)
            outputs = outputs.With(computed, olds.Get(computed));
        return outputs.MarkSecrets(schema.SecretPaths);
    }

    /// <summary>The <c>status</c> output: what the API last reported.</summary>
    public static ObjectValue StatusOf(Connection connection) =>
        ObjectOf(("phase", PropertyValue.Of(connection.Status?.Phase)), ("detail", PropertyValue.Of(connection.Status?.Detail)));

    private static PropertyMap WithSettings(PropertyMap inputs, ConnectionTarget target)
    {
        var outputs = inputs;
        foreach (var setting in RecordedSettings)
            outputs = WithSetting(outputs, setting, PropertyValue.Of(target[setting]));
        return outputs;
    }

    private static PropertyMap WithSetting(PropertyMap outputs, Setting setting, PropertyValue value)
    {
        var recorded = setting.ResourceField is { } field ? ObjectOf((field, value)) : value;
        // Resolving a setting unwraps it; one the program marked secret must stay secret in the outputs.
        return outputs.With(setting.ResourceProperty,
            outputs.Get(setting.ResourceProperty).ContainsSecrets ? PropertyValue.Secret(recorded) : recorded);
    }

    /// <summary>The API's value for a property, secret when the program sent that property as a secret.</summary>
    private static PropertyValue KeepSecret(PropertyMap inputs, string property, string? value) =>
        inputs.Get(property).ContainsSecrets ? PropertyValue.Secret(PropertyValue.Of(value)) : PropertyValue.Of(value);

    private static string? StringAt(PropertyMap map, string path) => map.GetPath(path) is StringValue s ? s.Value : null;
}
