using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;

namespace ConfluentFlink.Provider.Resources;

public enum Presence { Absent, Unknown, Known }

/// <summary>
/// One string input as the engine sent it: absent, not known yet (preview), or a value; and whether the program marked it
/// secret, so that it stays secret wherever it is written back.
/// </summary>
public sealed record Input(Presence Presence, string? Value, bool Secret)
{
    public static readonly Input Absent = new(Presence.Absent, null, false);

    public static Input Known(string value, bool secret = false) => new(Presence.Known, value, secret);

    public bool IsGiven => Presence != Presence.Absent;

    /// <summary>The input at a path; a value of another kind than a string reads as absent (Check reports it on its own).</summary>
    public static Input At(PropertyMap map, string path) => map.GetPath(path) switch
    {
        StringValue text => Known(text.Value, map.IsSecretAt(path)),
        UnknownValue => new Input(Presence.Unknown, null, map.IsSecretAt(path)),
        _ => Absent,
    };

    public PropertyValue ToValue() => Presence switch
    {
        Presence.Known => new StringValue(Value!),
        Presence.Unknown => PropertyValue.Unknown,
        _ => PropertyValue.Null,
    };

    /// <summary>The value still marked secret when the program marked it, so that a message about it does not quote it.</summary>
    public PropertyValue ToMarkedValue() => Secret ? PropertyValue.Secret(ToValue()) : ToValue();

    // The value may be a credential.
    public override string ToString() => $"Input({Presence})";
}

/// <summary>Who chose a connection's name: the program, or the provider (so a replacement may create first).</summary>
public enum NameOrigin { Program, Generated }

/// <summary>The inputs of a <c>FlinkConnection</c>, decoded once from what the engine sent.</summary>
public sealed record FlinkConnectionArgs
{
    /// <summary>
    /// Checked inputs list here the properties the provider filled in, so the choice survives in state: the convention
    /// of Pulumi's bridged providers. Only <c>displayName</c> is ever listed.
    /// </summary>
    public const string Defaults = "__defaults";

    public const string DisplayNameProperty = "displayName";
    public const string TypeProperty = "type";
    public const string EndpointProperty = "endpoint";

    internal static readonly PackageSpec Package = PackageSpec.Embedded;
    internal static readonly ResourceSpec Resource = Package.Resource(Tokens.FlinkConnection);
    internal static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;
    internal static readonly IReadOnlySet<string> SecretPaths = Package.SecretPaths(Resource.Inputs.Concat(Resource.Outputs));

    public required Input DisplayName { get; init; }
    public required NameOrigin NameOrigin { get; init; }
    public required Input Type { get; init; }
    public required Input Endpoint { get; init; }
    /// <summary>Every value of the catalog's <c>auth_data</c>, absent where the program gives none.</summary>
    public required IReadOnlyDictionary<AuthDataEntry, Input> Credentials { get; init; }
    /// <summary>Every Flink setting the resource itself gives (the rest come from provider config or the environment).</summary>
    public required IReadOnlyDictionary<SettingSpec, Input> Settings { get; init; }

    public static FlinkConnectionArgs Decode(PropertyMap inputs) => new()
    {
        DisplayName = Input.At(inputs, DisplayNameProperty),
        NameOrigin = inputs.Get(Defaults).Unwrapped is ArrayValue defaults && defaults.Items.Contains(new StringValue(DisplayNameProperty))
            ? NameOrigin.Generated
            : NameOrigin.Program,
        Type = Input.At(inputs, TypeProperty),
        Endpoint = Input.At(inputs, EndpointProperty),
        Credentials = Catalog.AuthData.ToDictionary(e => e, e => Input.At(inputs, e.Property)),
        Settings = Setting.All.ToDictionary(s => s, s => Input.At(inputs, s.Property)),
    };

    /// <summary>
    /// The inputs, for an operation that changes the connection: every value known, and the name, type and endpoint given.
    /// The engine resolves every value before it creates or updates, so this only fires when a call bypassed it.
    /// </summary>
    public FlinkConnectionArgs RequireKnown()
    {
        var missing = Leaves().Where(l => l.Input.Presence == Presence.Unknown
                || (l.Path is DisplayNameProperty or TypeProperty or EndpointProperty && string.IsNullOrEmpty(l.Input.Value)))
            .Select(l => l.Path).ToList();
        return missing.Count == 0
            ? this
            : throw ProviderException.Invalid($"{string.Join(", ", missing)} must be known, non-empty values to create or update a connection");
    }

    /// <summary>The credentials that are known, by catalog entry: what <c>auth_data</c> carries.</summary>
    public IReadOnlyDictionary<AuthDataEntry, string> KnownCredentials =>
        Credentials.Where(c => c.Value.Presence == Presence.Known).ToDictionary(c => c.Key, c => c.Value.Value!);

    /// <summary>The resource's own value for a setting, for resolution: a string, unknown, or null when not given.</summary>
    public PropertyValue Own(SettingSpec spec) => Settings.GetValueOrDefault(spec, Input.Absent).ToValue();

    /// <summary>The inputs as Pulumi stores them, secrets marked by the schema and by the program.</summary>
    public PropertyMap Encode()
    {
        var properties = PropertyMap.Empty;
        foreach (var (path, input) in Leaves())
            if (input.IsGiven)
                properties = properties.WithPath(path, input.ToValue());
        if (NameOrigin == NameOrigin.Generated)
            properties = properties.With(Defaults, new ArrayValue([new StringValue(DisplayNameProperty)]));
        return properties.MarkSecrets(SecretPathsWith(Leaves().Where(l => l.Input.Secret).Select(l => l.Path)));
    }

    /// <summary>Every string input by its property path.</summary>
    public IEnumerable<(string Path, Input Input)> Leaves() =>
        new[] { (DisplayNameProperty, DisplayName), (TypeProperty, Type), (EndpointProperty, Endpoint) }
            .Concat(Credentials.Select(c => (c.Key.Property, c.Value)))
            .Concat(Settings.Select(s => (s.Key.Property, s.Value)));

    internal static IReadOnlySet<string> SecretPathsWith(IEnumerable<string> programSecrets) => SecretPaths.Union(programSecrets).ToHashSet();

    public override string ToString() => $"FlinkConnectionArgs {{ DisplayName = {DisplayName.Value}, Type = {Type.Value} }}";
}

/// <summary>A connection's status as the API reports it; the phase is an extensible enum.</summary>
public sealed record ConnectionStatus(string Phase, string? Detail);

/// <summary>What the API reports about a connection, in the provider's terms: the one mapping from the API model.</summary>
public sealed record ObservedConnection
{
    public const string ApiVersionProperty = "apiVersion";
    public const string KindProperty = "kind";
    public const string StatusProperty = "status";

    public required string Name { get; init; }
    public string? Type { get; init; }
    public string? Endpoint { get; init; }
    public string? ApiVersion { get; init; }
    public string? Kind { get; init; }
    public ConnectionStatus? Status { get; init; }

    /// <param name="requestedName">The name asked for, in case the API's answer leaves it out.</param>
    public static ObservedConnection From(Connection connection, string requestedName) => new()
    {
        Name = connection.Name ?? requestedName,
        Type = connection.Spec?.ConnectionType,
        Endpoint = connection.Spec?.Endpoint,
        ApiVersion = connection.ApiVersion,
        Kind = connection.Kind,
        Status = connection.Status?.Phase is { } phase ? new ConnectionStatus(phase, connection.Status.Detail) : null,
    };

    /// <summary>What an earlier state recorded: for an update that needed no answer from the API.</summary>
    public static ObservedConnection Recorded(PropertyMap outputs, FlinkConnectionArgs args)
    {
        string? Text(string path) => (outputs.GetPath(path) as StringValue)?.Value;
        return new ObservedConnection
        {
            Name = args.DisplayName.Value!,
            Type = args.Type.Value,
            Endpoint = args.Endpoint.Value,
            ApiVersion = Text(ApiVersionProperty),
            Kind = Text(KindProperty),
            Status = Text($"{StatusProperty}.phase") is { } phase ? new ConnectionStatus(phase, Text($"{StatusProperty}.detail")) : null,
        };
    }

    /// <summary>Name, type, endpoint, API version, kind and status, by their schema names; what the API left out is left out.</summary>
    public PropertyMap Encode()
    {
        var properties = PropertyMap.Empty
            .With(FlinkConnectionArgs.DisplayNameProperty, new StringValue(Name))
            .With(FlinkConnectionArgs.TypeProperty, PropertyValue.Of(Type))
            .With(FlinkConnectionArgs.EndpointProperty, PropertyValue.Of(Endpoint))
            .With(ApiVersionProperty, PropertyValue.Of(ApiVersion))
            .With(KindProperty, PropertyValue.Of(Kind));
        if (Status is { } status)
            properties = properties.With(StatusProperty, PropertyPaths.ObjectOf(("phase", new StringValue(status.Phase)), ("detail", PropertyValue.Of(status.Detail))));
        return PropertyMap.From(properties.Where(p => p.Value is not NullValue)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is ObjectValue o ? new ObjectValue(PropertyMap.From(o.Properties.Where(f => f.Value is not NullValue))) : p.Value)));
    }
}

/// <summary>
/// A connection's outputs (its Pulumi state): its inputs, the settings it was really managed with, and what the API last
/// reported. Settings are recorded by value so that moving one between the resource and provider config is not mistaken
/// for a change; the Flink API key is not recorded, because it belongs to whoever manages the connection.
/// </summary>
public sealed record FlinkConnectionState(FlinkConnectionArgs Args, FlinkSettings Settings, ObservedConnection Observed)
{
    /// <summary>The settings a state records: all but the Flink API key.</summary>
    public static readonly IReadOnlyList<SettingSpec> RecordedSettings = Setting.All.Where(s => s.TopLevelProperty != Setting.ApiKey.TopLevelProperty).ToList();

    public PropertyMap Encode()
    {
        var outputs = Args.Encode().Remove(FlinkConnectionArgs.Defaults);
        foreach (var spec in RecordedSettings)
            if (Settings[spec] is { } value)
                outputs = outputs.WithPath(spec.Property, new StringValue(value.Value));
        foreach (var (property, value) in Observed.Encode())
            outputs = outputs.With(property, value);
        return outputs.MarkSecrets(FlinkConnectionArgs.SecretPathsWith(Args.Leaves().Where(l => l.Input.Secret).Select(l => l.Path)));
    }

    /// <summary>
    /// The old inputs of a state, or its outputs where the inputs are empty: state written by an import that found no
    /// inputs holds the same values in its outputs.
    /// </summary>
    public static PropertyMap RecordedInputs(PropertyMap? inputs, PropertyMap outputs) => inputs is { Count: > 0 } ? inputs : outputs;

    /// <summary>
    /// Outputs while values may still be unknown (preview): what the inputs say, the settings as far as they resolve, and
    /// the computed outputs carried from <paramref name="olds"/>, or unknown before the connection exists.
    /// </summary>
    public static PropertyMap Preview(FlinkConnectionArgs args, Func<SettingSpec, PropertyValue> setting, PropertyMap? olds)
    {
        var outputs = args.Encode().Remove(FlinkConnectionArgs.Defaults);
        foreach (var spec in RecordedSettings)
            outputs = outputs.WithPath(spec.Property, setting(spec));
        foreach (var computed in FlinkConnectionArgs.Resource.ComputedOutputs)
            outputs = outputs.With(computed.WireName, olds?.Get(computed.WireName) is { } old and not NullValue ? old : PropertyValue.Unknown);
        return outputs.MarkSecrets(FlinkConnectionArgs.SecretPathsWith(args.Leaves().Where(l => l.Input.Secret).Select(l => l.Path)));
    }
}
