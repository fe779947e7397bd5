using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>Finds each Flink setting in order: the resource's own property, then provider config, then the environment.</summary>
public sealed class SettingResolver(ProviderConfig config, Func<string, string?> environment)
{
    /// <summary>A string, <see cref="PropertyValue.Unknown"/> (preview), or Null when no source has it.</summary>
    public PropertyValue Resolve(Setting setting, PropertyMap resourceProperties)
    {
        var own = resourceProperties.GetPath(setting.ResourcePath);
        if (own is not NullValue)
            return own;
        var configured = config.Get(setting);
        return configured is not NullValue ? configured : FromEnvironment(setting.EnvVar);
    }

    /// <summary>On import the engine sends only the id: the IMPORT_* variables come first, so an import can reach a connection outside the provider's defaults.</summary>
    public PropertyValue ResolveForImport(Setting setting) =>
        FromEnvironment(setting.ImportEnvVar) is StringValue imported ? imported : Resolve(setting, PropertyMap.Empty);

    /// <summary>The provider config's value for a setting (Null when unset).</summary>
    public PropertyValue Configured(Setting setting) => config.Get(setting);

    public PropertyValue FromEnvironment(string name) =>
        environment(name) is { Length: > 0 } value ? new StringValue(value) : PropertyValue.Null;

    public int MaxRetries => config.MaxRetries;
}
