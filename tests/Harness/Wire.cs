using System.Collections;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Harness;

/// <summary>
/// Builds and reads property Structs in Pulumi's wire encoding, as the engine sends them: plain values,
/// secrets (signature-keyed wrapper objects) and unknowns (sentinel strings).
/// <code>Wire.Struct(("displayName", "c1"), ("apiKey", Wire.Secret("k")), ("organization", Wire.Struct(("id", "org-1"))))</code>
/// </summary>
public static class Wire
{
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string UnknownBoolSentinel = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
    public const string UnknownNumberSentinel = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";
    public const string UnknownArraySentinel = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";
    public const string UnknownObjectSentinel = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

    /// <summary>A value not known yet (preview), as the engine encodes it.</summary>
    public static Value Unknown => Value.ForString(UnknownSentinel);

    /// <summary>
    /// A Struct from (name, value) pairs. Values may be <see cref="Value"/>, <see cref="Google.Protobuf.WellKnownTypes.Struct"/>,
    /// string, bool, any number, null, a dictionary (object) or a sequence (array).
    /// </summary>
    public static Struct Struct(params (string Key, object? Value)[] fields)
    {
        var result = new Struct();
        foreach (var (key, value) in fields)
        {
            result.Fields[key] = ToValue(value);
        }
        return result;
    }

    /// <summary><paramref name="value"/> wrapped as a secret.</summary>
    public static Value Secret(object? value) => Value.ForStruct(new Struct
    {
        Fields =
        {
            [SignatureKey] = Value.ForString(SecretSignature),
            ["value"] = ToValue(value),
        },
    });

    public static bool IsSecret(Value value) =>
        value.KindCase == Value.KindOneofCase.StructValue &&
        value.StructValue.Fields.TryGetValue(SignatureKey, out var signature) &&
        signature.StringValue == SecretSignature;

    public static bool IsUnknown(Value value) =>
        value.KindCase == Value.KindOneofCase.StringValue &&
        value.StringValue is UnknownSentinel or UnknownBoolSentinel or UnknownNumberSentinel or UnknownArraySentinel or UnknownObjectSentinel;

    /// <summary>The value inside a secret wrapper (nested wrappers too); other values as they are.</summary>
    public static Value Reveal(Value value) => IsSecret(value) ? Reveal(value.StructValue.Fields["value"]) : value;

    public static Value ToValue(object? value) => value switch
    {
        null => Value.ForNull(),
        Value v => v,
        Struct s => Value.ForStruct(s),
        string s => Value.ForString(s),
        bool b => Value.ForBool(b),
        IDictionary dictionary => Value.ForStruct(Struct(dictionary.Keys.Cast<object>()
            .Select(k => ((string)k, dictionary[k])).ToArray())),
        IEnumerable items => Value.ForList(items.Cast<object?>().Select(ToValue).ToArray()),
        IConvertible number => Value.ForNumber(number.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"no wire encoding for {value.GetType().Name}", nameof(value)),
    };
}
