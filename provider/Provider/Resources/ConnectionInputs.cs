using System.Collections.Immutable;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>Who chose a connection's name: the program, or the provider (so a replacement may create first).</summary>
public enum NameOrigin { Program, Generated }

/// <summary>
/// A connection's checked inputs with every value known, as Create, Update, Read and Delete use them. One
/// conversion from and one back to a <see cref="PropertyMap"/>.
/// </summary>
/// <param name="Settings">The Flink settings set on the resource itself (the rest come from provider config or the environment).</param>
/// <param name="ProgramSecrets">Paths the program marked secret although the schema does not: they stay secret in outputs.</param>
public sealed record ConnectionInputs(
    string DisplayName,
    NameOrigin NameOrigin,
    string Type,
    string Endpoint,
    AuthValues Auth,
    IReadOnlyDictionary<Setting, string> Settings,
    IReadOnlySet<string> ProgramSecrets)
{
    /// <summary>Reads checked inputs (or the outputs of an older state, which hold the same values).</summary>
    public static ConnectionInputs From(PropertyMap inputs, ConnectionCatalog catalog, ResourceSchema schema)
    {
        var settings = new Dictionary<Setting, string>();
        foreach (var setting in Setting.All)
            if (inputs.GetPath(setting.ResourcePath) is StringValue { Value.Length: > 0 } value)
                settings[setting] = value.Value;

        // Marks the program put on fields inside objects count too (an OAuth client id from secret config).
        var markedPaths = schema.InputProperties.Concat(Setting.All.Select(s => s.ResourcePath)).Concat(catalog.AuthData.Select(e => e.Property)).Distinct();
        return new ConnectionInputs(
            RequireString(inputs, ConnectionProperties.DisplayName),
            NameOriginOf(inputs),
            RequireString(inputs, ConnectionProperties.Type),
            RequireString(inputs, ConnectionProperties.Endpoint),
            AuthValues.From(inputs, catalog),
            settings,
            markedPaths.Where(p => !schema.IsSecret(p) && inputs.IsSecretAt(p)).ToImmutableHashSet());
    }

    public static NameOrigin NameOriginOf(PropertyMap inputs) =>
        inputs.Get(ConnectionProperties.Defaults).Unwrapped is ArrayValue defaults && defaults.Items.Contains(new StringValue(ConnectionProperties.DisplayName))
            ? NameOrigin.Generated
            : NameOrigin.Program;

    /// <summary>The inputs as Pulumi stores them, secrets marked by the schema and by the program.</summary>
    public PropertyMap ToProperties(ResourceSchema schema)
    {
        var properties = PropertyMap.Empty
            .With(ConnectionProperties.DisplayName, new StringValue(DisplayName))
            .With(ConnectionProperties.Type, new StringValue(Type))
            .With(ConnectionProperties.Endpoint, new StringValue(Endpoint));
        if (NameOrigin == NameOrigin.Generated)
            properties = properties.With(ConnectionProperties.Defaults, GeneratedNameMarker);
        foreach (var (setting, value) in Settings)
            properties = properties.WithPath(setting.ResourcePath, new StringValue(value));
        return Auth.WriteTo(properties).MarkSecrets(schema.SecretPaths.Union(ProgramSecrets).ToHashSet());
    }

    public static readonly ArrayValue GeneratedNameMarker = new([new StringValue(ConnectionProperties.DisplayName)]);

    // Printing a record prints its members; the settings hold the Flink API secret.
    public override string ToString() => $"ConnectionInputs {{ DisplayName = {DisplayName}, Type = {Type} }}";

    private static string RequireString(PropertyMap inputs, string property) =>
        inputs.GetPath(property) is StringValue { Value.Length: > 0 } value
            ? value.Value
            : throw new ProviderUserException($"{property} must be a known, non-empty string");
}
