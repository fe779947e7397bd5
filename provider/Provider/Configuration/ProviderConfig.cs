using System.Globalization;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Configuration;

/// <summary>The provider's configuration as Configure received it. Values may be unknown during preview.</summary>
public sealed class ProviderConfig
{
    public const string MaxRetriesKey = "maxRetries";
    // schema.json cannot state a range; 10 retries with exponential backoff already outlast the pipeline's total timeout.
    public const int MaxAllowedRetries = 10;

    public static int DefaultMaxRetries { get; } =
        (int?)ConfigSchema.Embedded[MaxRetriesKey].Default ?? throw new InvalidOperationException("schema.json gives maxRetries no default");

    private readonly PropertyMap _values;

    private ProviderConfig(PropertyMap values, int maxRetries)
    {
        _values = values;
        MaxRetries = maxRetries;
    }

    public static readonly ProviderConfig Empty = new(PropertyMap.Empty, DefaultMaxRetries);

    public int MaxRetries { get; }

    /// <summary>The config's value for a setting: a plain value, <see cref="PropertyValue.Unknown"/>, or Null when unset.</summary>
    public PropertyValue Get(Setting setting) => _values.Get(setting.ConfigKey).Unwrapped;

    /// <summary>Builds the config; bad values become failures naming the key and what is allowed.</summary>
    public static (ProviderConfig Config, IReadOnlyList<CheckFailure> Failures) Parse(PropertyMap args)
    {
        var failures = new List<CheckFailure>();
        foreach (var setting in Setting.All)
        {
            var value = args.Get(setting.ConfigKey).Unwrapped;
            if (value is not (NullValue or UnknownValue or StringValue))
                failures.Add(new CheckFailure(setting.ConfigKey, $"{setting.ConfigKey} must be a string"));
            else if (value is StringValue text && setting.ValueProblem(text.Value) is { } problem)
                failures.Add(new CheckFailure(setting.ConfigKey, $"{setting.ConfigKey} {problem}"));
        }

        var maxRetries = ParseMaxRetries(args.Get(MaxRetriesKey).Unwrapped, failures);
        return (new ProviderConfig(args, maxRetries), failures);
    }

    // `pulumi config set` stores every value as a string, so "4" is as good as 4.
    private static int ParseMaxRetries(PropertyValue value, List<CheckFailure> failures)
    {
        if (value is NullValue or UnknownValue)
            return DefaultMaxRetries;
        double? number = value switch
        {
            NumberValue n => n.Value,
            StringValue s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (number is { } whole && whole == Math.Floor(whole) && whole is >= 0 and <= MaxAllowedRetries)
            return (int)whole;
        failures.Add(new CheckFailure(MaxRetriesKey, $"{MaxRetriesKey} must be a whole number from 0 to {MaxAllowedRetries}"));
        return DefaultMaxRetries;
    }
}
