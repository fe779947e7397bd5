using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using BoolValue = ConfluentFlink.Provider.Values.BoolValue;
using NullValue = ConfluentFlink.Provider.Values.NullValue;
using StringValue = ConfluentFlink.Provider.Values.StringValue;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// Converts between Pulumi's wire encoding of properties (<c>google.protobuf.Struct</c> with signature-keyed
/// special objects and unknown sentinel strings) and the plain <see cref="PropertyValue"/> model, so the
/// resource logic never sees the encoding.
/// </summary>
public static class StructCodec
{
    /// <summary>Key whose string value marks an object as one of Pulumi's special values.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";

    /// <summary>The untyped unknown sentinel, the one this codec writes for <see cref="UnknownValue"/>.</summary>
    public const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    // The engine also types its unknowns (bool, number, array, asset, archive, object); the provider reads
    // them all as unknown because the schema already gives each property its type.
    private static readonly FrozenSet<string> UnknownSentinels = new[]
    {
        UnknownSentinel,
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Decodes a request's properties; an absent Struct is an empty map.</summary>
    public static PropertyMap Decode(Struct? properties) =>
        properties is null ? PropertyMap.Empty : DecodeFields(properties);

    /// <summary>Decodes properties the engine may leave out on purpose (Read on import): absent stays null.</summary>
    public static PropertyMap? DecodeOptional(Struct? properties) =>
        properties is null ? null : DecodeFields(properties);

    public static PropertyValue Decode(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.None or Value.KindOneofCase.NullValue => PropertyValue.Null,
        Value.KindOneofCase.BoolValue => PropertyValue.Of(value.BoolValue),
        Value.KindOneofCase.NumberValue => PropertyValue.Of(value.NumberValue),
        Value.KindOneofCase.StringValue => UnknownSentinels.Contains(value.StringValue)
            ? PropertyValue.Unknown
            : PropertyValue.Of(value.StringValue),
        Value.KindOneofCase.ListValue => new ArrayValue(value.ListValue.Values.Select(Decode).ToImmutableArray()),
        Value.KindOneofCase.StructValue => DecodeObject(value.StructValue),
        _ => new UnsupportedValue(value.KindCase.ToString()),
    };

    public static Struct Encode(PropertyMap properties)
    {
        var result = new Struct();
        foreach (var (key, value) in properties)
        {
            // Inputs are passed back (Check, outputs): an asset or reference the engine sent must be refused
            // as the user's mistake, on its property, not fail as a provider crash.
            result.Fields[key] = FindUnsupported(value) is { } unsupported
                ? throw ProviderException.Invalid(
                    $"{key} holds a value of kind '{unsupported.Kind}', which the confluentflink provider does not accept: use plain values")
                : Encode(value);
        }
        return result;
    }

    public static Value Encode(PropertyValue value) => value switch
    {
        NullValue => Value.ForNull(),
        StringValue s => Value.ForString(s.Value),
        NumberValue n => Value.ForNumber(n.Value),
        BoolValue b => Value.ForBool(b.Value),
        ArrayValue a => Value.ForList(a.Items.Select(Encode).ToArray()),
        ObjectValue o => Value.ForStruct(Encode(o.Properties)),
        SecretValue s => Value.ForStruct(new Struct
        {
            Fields =
            {
                [SignatureKey] = Value.ForString(SecretSignature),
                ["value"] = Encode(s.Inner),
            },
        }),
        UnknownValue => Value.ForString(UnknownSentinel),
        // Only reachable through a provider bug: nothing the provider returns holds assets or references.
        _ => throw new InvalidOperationException($"a {value.GetType().Name} cannot be sent to the engine"),
    };

    private static UnsupportedValue? FindUnsupported(PropertyValue value) => value switch
    {
        UnsupportedValue unsupported => unsupported,
        SecretValue secret => FindUnsupported(secret.Inner),
        ArrayValue array => array.Items.Select(FindUnsupported).FirstOrDefault(found => found is not null),
        ObjectValue obj => obj.Properties.Select(p => FindUnsupported(p.Value)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static PropertyMap DecodeFields(Struct properties) =>
        PropertyMap.From(properties.Fields.Select(f => KeyValuePair.Create(f.Key, Decode(f.Value))));

    private static PropertyValue DecodeObject(Struct obj)
    {
        if (!obj.Fields.TryGetValue(SignatureKey, out var signature) || signature.KindCase != Value.KindOneofCase.StringValue)
        {
            return new ObjectValue(DecodeFields(obj));
        }

        return signature.StringValue switch
        {
            SecretSignature => PropertyValue.Secret(DecodeField(obj, "value")),
            OutputValueSignature => DecodeOutputValue(obj),
            ResourceReferenceSignature => new UnsupportedValue("resource reference"),
            AssetSignature => new UnsupportedValue("asset"),
            ArchiveSignature => new UnsupportedValue("archive"),
            var other => new UnsupportedValue($"special value {other}"),
        };
    }

    // An output value carries its own known-ness and secretness; its dependencies matter only to the engine.
    private static PropertyValue DecodeOutputValue(Struct output)
    {
        var value = output.Fields.ContainsKey("value") ? DecodeField(output, "value") : PropertyValue.Unknown;
        var isSecret = output.Fields.TryGetValue("secret", out var secret) && secret.KindCase == Value.KindOneofCase.BoolValue && secret.BoolValue;
        return isSecret ? PropertyValue.Secret(value) : value;
    }

    private static PropertyValue DecodeField(Struct obj, string key) =>
        obj.Fields.TryGetValue(key, out var value) ? Decode(value) : PropertyValue.Null;
}
