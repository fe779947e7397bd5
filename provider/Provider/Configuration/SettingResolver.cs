using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>Finds each Flink setting where the seed says to look: the resource, then provider config, then the environment.</summary>
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

    /// <summary>On import the engine sends only the id: the seed's IMPORT_* variables come first.</summary>
    public PropertyValue ResolveForImport(Setting setting) =>
        FromEnvironment(setting.ImportEnvVar) is StringValue imported ? imported : Resolve(setting, PropertyMap.Empty);

    /// <summary>The provider config's value for a setting (Null when unset).</summary>
    public PropertyValue Configured(Setting setting) => config.Get(setting);

    public PropertyValue FromEnvironment(string name) =>
        environment(name) is { Length: > 0 } value ? new StringValue(value) : PropertyValue.Null;

    public int MaxRetries => config.MaxRetries;
}
