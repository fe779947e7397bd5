using System.Globalization;
using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>The Flink settings a connection needs, as the catalog declares them.</summary>
public static class Setting
{
    private static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;

    public static SettingSpec Organization { get; } = Catalog.Setting("organization.id");
    public static SettingSpec Environment { get; } = Catalog.Setting("environment.id");
    public static SettingSpec ComputePool { get; } = Catalog.Setting("computePool.id");
    public static SettingSpec Principal { get; } = Catalog.Setting("principal.id");
    public static SettingSpec RestEndpoint { get; } = Catalog.Setting("restEndpoint");
    public static SettingSpec ApiKey { get; } = Catalog.Setting("credentials.key");
    public static SettingSpec ApiSecret { get; } = Catalog.Setting("credentials.secret");

    public static IReadOnlyList<SettingSpec> All => Catalog.Settings;

    /// <summary>What calling the API takes; the compute pool and principal matter to Flink statements only.</summary>
    public static IReadOnlyList<SettingSpec> ApiAccess { get; } = [Organization, Environment, RestEndpoint, ApiKey, ApiSecret];

    /// <summary>What is wrong with a value for <paramref name="spec"/> (to follow a description of the value), or null.</summary>
    public static string? Problem(SettingSpec spec, string value)
    {
        if (spec == RestEndpoint) return RestEndpointProblem(value);
        if (spec.Pattern is { } pattern && !pattern.IsMatch(value))
            return $"is not of the form {spec.Form} (e.g. {spec.Example})";
        return null;
    }

    /// <summary>
    /// A REST endpoint receives the Flink API secret with every request: it must be an https origin (plain http only on
    /// loopback, where the local emulator runs), and a path, query or user info would only fail later, at `up`.
    /// </summary>
    private static string? RestEndpointProblem(string value)
    {
        var regional = $"use the bare regional endpoint {RestEndpoint.Form} (e.g. {RestEndpoint.Example})";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            return $"is not an https URL: {regional}";
        if (uri.UserInfo.Length > 0)
            return $"holds a user name or password, which would be stored in plain state: {regional}, and give the Flink API key in `credentials`";
        if (uri.Scheme == "http" && !(uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))))
            return $"uses http, which is accepted only for loopback addresses such as a local emulator: {regional}";
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return $"has a path, query or fragment ('{uri.PathAndQuery}{uri.Fragment}'): {regional}; the provider adds the API's paths itself";
        return null;
    }
}

/// <summary>Where a setting's value came from: what a message names so the user knows which place to fix.</summary>
public enum SettingSource { Resource, ProviderConfig, Environment, ImportVariable, ImportId }

/// <summary>A setting's value and where it came from. The value of a secret setting never prints.</summary>
public sealed record SettingValue(SettingSpec Spec, string Value, SettingSource Source)
{
    public string Origin => Source switch
    {
        SettingSource.Resource => $"`{Spec.Property}` on the resource",
        SettingSource.ProviderConfig => $"the provider config `confluentflink:{Spec.ConfigKey}`",
        SettingSource.Environment => $"the environment variable {Spec.EnvironmentVariable}",
        SettingSource.ImportVariable => $"the import variable {Spec.ImportVariable}",
        _ => "the import id",
    };

    public override string ToString() => $"{Spec.Property} = {(Spec.Secret ? SecretMask.Text : Value)} from {Origin}";
}

/// <summary>
/// The Flink settings of one connection, or of one function call (which needs no compute pool or principal), each
/// resolved to a known value that says where it came from.
/// </summary>
public sealed record FlinkSettings
{
    public required SettingValue Organization { get; init; }
    public required SettingValue Environment { get; init; }
    public SettingValue? ComputePool { get; init; }
    public SettingValue? Principal { get; init; }
    public required SettingValue RestEndpoint { get; init; }
    public required SettingValue ApiKey { get; init; }
    public required SettingValue ApiSecret { get; init; }
    public required int MaxRetries { get; init; }

    public IEnumerable<SettingValue> All => new[] { Organization, Environment, ComputePool, Principal, RestEndpoint, ApiKey, ApiSecret }.OfType<SettingValue>();

    public SettingValue? this[SettingSpec spec] => All.FirstOrDefault(v => v.Spec == spec);

    public EnvironmentAddress Location => new(Organization.Value, Environment.Value);

    public FlinkApiSettings Api => new()
    {
        RestEndpoint = new Uri(RestEndpoint.Value),
        ApiKey = ApiKey.Value,
        ApiSecret = ApiSecret.Value,
        MaxRetries = MaxRetries,
    };

    public override string ToString() => string.Join("; ", All);
}

/// <summary>
/// The provider's configuration as Configure received it, with the environment behind it. Each setting is looked up in
/// order: the resource's own property, the provider config, then the environment variable; on import the import
/// variable comes first. Values may be unknown during preview.
/// </summary>
public sealed class ProviderConfig
{
    public const string MaxRetriesKey = "maxRetries";

    private static readonly ConnectionCatalog Catalog = ConnectionCatalog.Embedded;

    public static int DefaultMaxRetries { get; } =
        PackageSpec.Embedded.ProviderInputs.Single(p => p.WireName == MaxRetriesKey).Default?.GetValue<int>()
        ?? throw new SchemaException("schema.json gives maxRetries no default");

    private readonly PropertyMap _values;
    private readonly Func<string, string?> _environment;

    private ProviderConfig(PropertyMap values, Func<string, string?> environment, int maxRetries)
    {
        _values = values;
        _environment = environment;
        MaxRetries = maxRetries;
    }

    public static ProviderConfig Unconfigured(Func<string, string?> environment) => new(PropertyMap.Empty, environment, DefaultMaxRetries);

    public int MaxRetries { get; }

    /// <summary>Builds the config; bad values become failures naming the key and what is allowed.</summary>
    public static (ProviderConfig Config, IReadOnlyList<CheckFailure> Failures) Parse(PropertyMap args, Func<string, string?> environment)
    {
        var failures = new List<CheckFailure>();
        foreach (var spec in Setting.All)
        {
            var value = args.Get(spec.ConfigKey).Unwrapped;
            if (value is not (NullValue or UnknownValue or StringValue))
                failures.Add(new CheckFailure(spec.ConfigKey, $"{spec.ConfigKey} must be a string"));
            else if (value is StringValue text && Setting.Problem(spec, text.Value) is { } problem)
                failures.Add(new CheckFailure(spec.ConfigKey, $"{spec.ConfigKey} {Quote(spec, text.Value, args.Get(spec.ConfigKey).ContainsSecrets)}{problem}"));
        }
        var maxRetries = ParseMaxRetries(args.Get(MaxRetriesKey).Unwrapped, failures);
        return (new ProviderConfig(args, environment, maxRetries), failures);
    }

    /// <summary>A variable of the provider's environment; empty counts as unset.</summary>
    public string? Variable(string name) => _environment(name) is { Length: > 0 } value ? value : null;

    /// <summary>The secrets this provider holds that no request marks: its config's and its environment's.</summary>
    public IEnumerable<string> HeldSecrets =>
        Setting.All.Where(s => s.Secret).SelectMany(s => new[] { _values.GetPath(s.ConfigKey) is StringValue v ? v.Value : null, Variable(s.EnvironmentVariable), Variable(s.ImportVariable) })
            .Concat(Catalog.AuthData.Select(e => Variable(e.ImportVariable)))
            .OfType<string>();

    /// <summary>A setting's value, wherever it is found first (a string, unknown, or null), and where that was.</summary>
    public (PropertyValue Value, SettingSource Source) Lookup(SettingSpec spec, PropertyValue own) =>
        own is not NullValue ? (own, SettingSource.Resource)
        : _values.Get(spec.ConfigKey).Unwrapped is not NullValue and var configured ? (configured, SettingSource.ProviderConfig)
        : (PropertyValue.Of(Variable(spec.EnvironmentVariable)), SettingSource.Environment);

    /// <summary>
    /// Resolves <paramref name="needed"/> from the resource's own values, then config, then environment. Each setting that
    /// is missing or malformed is one failure that says where the value came from, or where it may be given. An own value
    /// marked secret is never quoted.
    /// </summary>
    public Resolution Resolve(IEnumerable<SettingSpec> needed, Func<SettingSpec, PropertyValue> own)
    {
        var values = new Dictionary<SettingSpec, SettingValue>();
        var failures = new List<CheckFailure>();
        var unknown = false;
        foreach (var spec in needed)
        {
            var marked = own(spec);
            var (value, source) = Lookup(spec, marked.Unwrapped);
            switch (value)
            {
                case UnknownValue:
                    unknown = true;
                    break;
                case StringValue { Value.Length: > 0 } text when Setting.Problem(spec, text.Value) is { } problem:
                    failures.Add(Malformed(new SettingValue(spec, text.Value, source), problem, marked.ContainsSecrets));
                    break;
                case StringValue { Value.Length: > 0 } text:
                    values[spec] = new SettingValue(spec, text.Value, source);
                    break;
                default:
                    failures.Add(new CheckFailure(spec.Property, $"{spec.Property} is not set: set `{spec.Property}` on the resource, or the provider " +
                                                                 $"config `confluentflink:{spec.ConfigKey}`, or the environment variable {spec.EnvironmentVariable}"));
                    break;
            }
        }
        return new Resolution(failures.Count == 0 && !unknown ? Settings(values) : null, failures, unknown);
    }

    private FlinkSettings Settings(Dictionary<SettingSpec, SettingValue> values) => new()
    {
        Organization = values[Setting.Organization],
        Environment = values[Setting.Environment],
        ComputePool = values.GetValueOrDefault(Setting.ComputePool),
        Principal = values.GetValueOrDefault(Setting.Principal),
        RestEndpoint = values[Setting.RestEndpoint],
        ApiKey = values[Setting.ApiKey],
        ApiSecret = values[Setting.ApiSecret],
        MaxRetries = MaxRetries,
    };

    /// <summary>
    /// A malformed value fails on its property when the resource gave it; one from config or the environment fails the
    /// resource as a whole, naming the config key and the variable, since the program never set the property.
    /// </summary>
    public static CheckFailure Malformed(SettingValue value, string problem, bool markedSecret = false) => value.Source == SettingSource.Resource
        ? new CheckFailure(value.Spec.Property, $"{value.Spec.Property} {Quote(value.Spec, value.Value, markedSecret)}{problem}")
        : new CheckFailure("", $"{value.Spec.Property} {Quote(value.Spec, value.Value, markedSecret)}from {value.Origin} {problem}; fix the provider config " +
                               $"`confluentflink:{value.Spec.ConfigKey}` or the environment variable {value.Spec.EnvironmentVariable}, " +
                               $"or set `{value.Spec.Property}` on the resource");

    // The value helps the user find the mistake, unless it is a secret, was marked one, or carries one (user info in a URL).
    private static string Quote(SettingSpec spec, string value, bool markedSecret) =>
        spec.Secret || markedSecret || value.Contains('@') ? "" : $"'{ProviderException.Shorten(value)}' ";

    // `pulumi config set` stores every value as a string, so "4" is as good as 4.
    private static int ParseMaxRetries(PropertyValue value, List<CheckFailure> failures)
    {
        if (value is NullValue or UnknownValue) return DefaultMaxRetries;
        double? number = value switch
        {
            NumberValue n => n.Value,
            StringValue s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (number is { } whole && whole == Math.Floor(whole) && whole >= 0 && whole <= Catalog.MaxRetries) return (int)whole;
        failures.Add(new CheckFailure(MaxRetriesKey, $"{MaxRetriesKey} must be a whole number from 0 to {Catalog.MaxRetries}"));
        return DefaultMaxRetries;
    }
}

/// <summary>Settings that all resolved (<see cref="Settings"/>), or the failures, or that some are not known yet (preview).</summary>
public sealed record Resolution(FlinkSettings? Settings, IReadOnlyList<CheckFailure> Failures, bool HasUnknowns)
{
    /// <summary>The settings; missing or malformed ones are one error (Check reports them earlier, so this fires only when it was bypassed).</summary>
    public FlinkSettings Require() => Settings ?? throw ProviderException.Invalid(HasUnknowns && Failures.Count == 0
        ? "a Flink setting is not known yet"
        : string.Join("; ", Failures.Select(f => f.Reason)));
}
