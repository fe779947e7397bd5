using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Schema;

/// <summary>One key of the provider's configuration: its shape, whether it is secret, its environment fallback and default.</summary>
public sealed record ConfigKey(string Name, PropertyShape Shape, bool Secret, string? EnvironmentVariable, JToken? Default);

/// <summary>The provider's configuration keys as schema.json declares them (its <c>provider.inputProperties</c>).</summary>
public sealed class ConfigSchema
{
    private ConfigSchema(IReadOnlyList<ConfigKey> keys, IReadOnlySet<string> secretPaths)
    {
        Keys = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        SecretPaths = secretPaths;
    }

    public IReadOnlyDictionary<string, ConfigKey> Keys { get; }

    public IReadOnlySet<string> SecretPaths { get; }

    public ConfigKey this[string name] =>
        Keys.TryGetValue(name, out var key) ? key : throw new InvalidOperationException($"schema.json declares no provider config key {name}");

    private static readonly Lazy<ConfigSchema> EmbeddedConfig = new(() => FromPackage(PackageSchema.Embedded));

    public static ConfigSchema Embedded => EmbeddedConfig.Value;

    public static ConfigSchema FromPackage(PackageSchema package)
    {
        var inputs = (JObject?)package.Document["provider"]?["inputProperties"] ?? throw new InvalidOperationException("schema.json has no provider inputs");
        var keys = package.Properties(inputs).Select(p => new ConfigKey(
            p.Name, p.Shape, p.Secret,
            inputs[p.Name]!["defaultInfo"]?["environment"]?.First?.Value<string>(),
            inputs[p.Name]!["default"])).ToList();
        return new ConfigSchema(keys, package.SecretPaths(inputs));
    }
}
