using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Schema;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>
/// One Flink setting a connection needs, and every place it may come from, in the order they are tried: the
/// resource's own property (per-resource settings), the provider config (provider settings), then the environment.
/// The pairing of property and config key comes from the catalog; the environment variable and the secret flag from
/// schema.json. <see cref="ImportEnvVar"/> is tried first on import.
/// </summary>
public sealed record Setting(string ResourcePath, string ConfigKey, string EnvVar, bool IsSecret)
{
    public static readonly IReadOnlyList<Setting> All = Load(ConnectionCatalog.Embedded, ConfigSchema.Embedded);

    public static Setting Organization { get; } = At("organization.id");
    public static Setting Environment { get; } = At("environment.id");
    public static Setting RestEndpoint { get; } = At("restEndpoint");
    public static Setting ApiKey { get; } = At("credentials.key");
    public static Setting ApiSecret { get; } = At("credentials.secret");

    /// <summary>The top-level resource property holding this setting (<c>organization</c> for <c>organization.id</c>).</summary>
    public string ResourceProperty => ResourcePath.Split('.')[0];

    /// <summary>What is wrong with a value given for this setting (to follow its name in a message), or null.</summary>
    public string? ValueProblem(string value) => this == RestEndpoint ? RestEndpointRule.Check(value) : null;

    /// <summary>Import reads the settings from these first, so an import can target a connection outside the provider's defaults.</summary>
    public string ImportEnvVar => "IMPORT_" + EnvVar;

    public string MissingMessage =>
        $"{ResourcePath} is not set: set `{ResourcePath}` on the resource, or the provider config `confluentflink:{ConfigKey}`, or the environment variable {EnvVar}";

    public static IReadOnlyList<Setting> Load(ConnectionCatalog catalog, ConfigSchema config) =>
        catalog.Settings.Select(entry =>
        {
            var key = config[entry.ConfigKey];
            return new Setting(entry.Property, entry.ConfigKey,
                key.EnvironmentVariable ?? throw new InvalidOperationException($"schema.json gives config key {entry.ConfigKey} no environment variable"),
                key.Secret);
        }).ToList();

    private static Setting At(string path) =>
        All.FirstOrDefault(s => s.ResourcePath == path) ?? throw new InvalidOperationException($"the catalog has no setting {path}");
}
