using System.Collections;
using ConfluentFlink.Provider.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Harness;

/// <summary>
/// Builds and reads property Structs in Pulumi's wire encoding, as the engine sends them: plain values, secrets
/// (signature-keyed wrapper objects) and unknowns (sentinel strings).
/// <code>Wire.Struct(("displayName", "c1"), ("apiKey", Wire.Secret("k")), ("organization", Wire.Struct(("id", "org-1"))))</code>
/// </summary>
public static class Wire
{
    /// <summary>A value not known yet (preview), as the engine encodes it.</summary>
    public static Value Unknown => Value.ForString(StructCodec.UnknownSentinel);

    /// <summary>
    /// A Struct from (name, value) pairs. Values may be <see cref="Value"/>, <see cref="Google.Protobuf.WellKnownTypes.Struct"/>,
    /// string, bool, any number, null, a dictionary (object) or a sequence (array).
    /// </summary>
    public static Struct Struct(params (string Key, object? Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
            result.Fields[key] = ToValue(value);
        return result;
    }

    /// <summary><paramref name="value"/> wrapped as a secret.</summary>
    public static Value Secret(object? value) => Value.ForStruct(new Struct
    {
        Fields = { [StructCodec.SignatureKey] = Value.ForString(StructCodec.SecretSignature), ["value"] = ToValue(value) },
    });

    public static bool IsSecret(Value value) =>
        value.KindCase == Value.KindOneofCase.StructValue &&
        value.StructValue.Fields.TryGetValue(StructCodec.SignatureKey, out var signature) && signature.StringValue == StructCodec.SecretSignature;

    /// <summary>The value inside a secret wrapper (nested wrappers too); other values as they are.</summary>
    public static Value Reveal(Value value) => IsSecret(value) ? Reveal(value.StructValue.Fields["value"]) : value;

    /// <summary>The string at a dotted path (<c>status.phase</c>), secret or not; null when absent.</summary>
    public static string? Text(Struct properties, string path)
    {
        Value? value = Value.ForStruct(properties);
        foreach (var step in path.Split('.'))
            value = Reveal(value!) is { KindCase: Value.KindOneofCase.StructValue } obj && obj.StructValue.Fields.TryGetValue(step, out var next) ? next : null;
        return value is null ? null : Reveal(value) is { KindCase: Value.KindOneofCase.StringValue } text ? text.StringValue : null;
    }

    /// <summary>Every string in a Struct that is not inside a secret wrapper: what Pulumi would print in plain.</summary>
    public static IEnumerable<string> PlainStrings(Struct properties) => properties.Fields.Values.SelectMany(PlainStrings);

    private static IEnumerable<string> PlainStrings(Value value) => value.KindCase switch
    {
        _ when IsSecret(value) => [],
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.StructValue => PlainStrings(value.StructValue),
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany(PlainStrings),
        _ => [],
    };

    public static Value ToValue(object? value) => value switch
    {
        null => Value.ForNull(),
        Value v => v,
        Struct s => Value.ForStruct(s),
        string s => Value.ForString(s),
        bool b => Value.ForBool(b),
        IDictionary dictionary => Value.ForStruct(Struct(dictionary.Keys.Cast<object>().Select(k => ((string)k, dictionary[k])).ToArray())),
        IEnumerable items => Value.ForList(items.Cast<object?>().Select(ToValue).ToArray()),
        IConvertible number => Value.ForNumber(number.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"no wire encoding for {value.GetType().Name}", nameof(value)),
    };
}
