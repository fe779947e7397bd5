using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// A connection's outputs (its Pulumi state): its inputs, the settings it was really managed with, and what the API
/// last reported. Settings are recorded by value so that moving one between the resource and provider config is not
/// mistaken for a change; the Flink API key is not recorded, because it belongs to whoever manages the connection.
/// </summary>
public sealed record ConnectionOutputs(ConnectionInputs Inputs, ConnectionTarget Target, ObservedConnection Observed)
{
    public static readonly IReadOnlyList<Setting> RecordedSettings = Setting.All.Where(s => s.ResourceProperty != Setting.ApiKey.ResourceProperty).ToList();

    public PropertyMap ToProperties(ResourceSchema schema)
    {
        var outputs = Inputs.ToProperties(schema);
        foreach (var setting in RecordedSettings)
            outputs = outputs.WithPath(setting.ResourcePath, new StringValue(Target[setting]));
        foreach (var (property, value) in Observed.ToProperties())
            if (value is not NullValue)
                outputs = outputs.With(property, value);
        outputs = outputs.Remove(ConnectionProperties.Defaults);
        return outputs.MarkSecrets(schema.SecretPaths.Union(Inputs.ProgramSecrets).ToHashSet());
    }

    /// <summary>
    /// Outputs while values may still be unknown (preview): what the inputs say, the settings as far as they resolve,
    /// and the computed outputs carried from <paramref name="olds"/>, or unknown before the connection exists.
    /// </summary>
    public static PropertyMap Preview(PropertyMap inputs, Func<Setting, PropertyValue> settings, ResourceSchema schema, PropertyMap? olds = null)
    {
        var outputs = inputs.Remove(ConnectionProperties.Defaults);
        foreach (var setting in RecordedSettings)
            outputs = WithRecordedSetting(outputs, setting, settings(setting));
        foreach (var computed in schema.ComputedOutputs)
            outputs = outputs.With(computed, olds?.Get(computed) is { } old and not NullValue ? old : PropertyValue.Unknown);
        return outputs.MarkSecrets(schema.SecretPaths);
    }

    // A setting the program marked secret stays secret, though resolving it unwrapped it.
    private static PropertyMap WithRecordedSetting(PropertyMap outputs, Setting setting, PropertyValue value)
    {
        var marked = outputs.Get(setting.ResourceProperty).ContainsSecrets;
        var recorded = outputs.Remove(setting.ResourceProperty).WithPath(setting.ResourcePath, value);
        return marked ? recorded.With(setting.ResourceProperty, PropertyValue.Secret(recorded.Get(setting.ResourceProperty))) : recorded;
    }
}
