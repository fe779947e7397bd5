using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// Random property values for one fuzz case, from one seeded <see cref="Random"/>: wrong types, nulls, deep nesting,
/// huge strings, unknowns and secrets in odd places, Pulumi's other special objects, and near-valid inputs with a
/// few properties broken. Every secret it makes (wrapped, or plain in a credential property) is remembered in
/// <see cref="Secrets"/>, so the caller can check none of them comes back in the open.
/// </summary>
public sealed class FuzzValues(Random random)
{
    private static readonly string[] PropertyNames =
    [
        "displayName", "type", "endpoint", "apiKey", "awsAccessKey", "awsSecretKey", "awsSessionToken", "serviceKey", "username",
        "password", "organization", "environment", "computePool", "principal", "restEndpoint", "credentials", "status", "kind",
        "apiVersion", "__defaults", "version", "", "id", "key", "secret", " displayName",
    ];

    /// <summary>Properties whose value is a secret even when sent in plain.</summary>
    private static readonly HashSet<string> CredentialNames =
        ["apiKey", "awsAccessKey", "awsSecretKey", "awsSessionToken", "serviceKey", "username", "password"];

    private static readonly string[] ConnectionTypes =
    [
        "OPENAI", "AZUREML", "AZUREOPENAI", "BEDROCK", "SAGEMAKER", "GOOGLEAI", "VERTEXAI", "MONGODB", "ELASTIC", "PINECONE",
        "COUCHBASE", "openai", "REST", "MCP_SERVER", "", "OPENAI ", "UNKNOWN",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\t\n", "null", "undefined", "0", "-1", "true", "NaN", "{0}", "%s%n%x", "${jndi:x}", "../../etc/passwd",
        "a/b", "a/b/c", "a/b/c/d", "//", "/a/b/c", "org-robust/env-robust/", "org-robust/env-robust/x", " org/env/name",
        "https://", "http://example.com", "https://api.openai.com/v1", "ftp://a.b", "not a url", "javascript:alert(1)",
        "http://127.0.0.1:1/", "https://[::1]:99999/", "名前", "é\u0301", "\u0000", "\u202Eevil", "\uFFFF", "🔥💥",
        "connection-1", "UPPER", "a.b.c", "-lead", "trail-", new string('x', 101), Wire.UnknownSentinel,
        Wire.UnknownBoolSentinel, Wire.UnknownNumberSentinel, Wire.UnknownArraySentinel, Wire.UnknownObjectSentinel,
        Wire.SignatureKey, Wire.SecretSignature, "04da6b54-80e4-46f7-96ec-b56ff0331ba9 ",
    ];

    private static readonly string[] OtherSignatures =
    [
        "5cf8f73096256a8f31e491e813e4eb8e", "d0e6a833031e9bbcd3f4e8bde6ca49a4", "c44067f5952c0a294b673a41bacd8c17",
        "0def7320c3a5731c473e5ecbe6d01bc7", "ffffffffffffffffffffffffffffffff",
    ];

    /// <summary>
    /// Deepest nesting generated. Protobuf's parser stops at 100 message levels (each level here is 3:
    /// Value, Struct, map entry), and then gRPC answers Unknown before the provider sees the call; see the report.
    /// </summary>
    private const int MaxNesting = 25;

    /// <summary>
    /// Properties that form the resource id (<c>org/env/displayName</c>). Pulumi never keeps an id secret, so a secret
    /// placed there necessarily shows in the id and in the plugin's "Created connection &lt;id&gt;" log: those are not counted.
    /// </summary>
    private static readonly HashSet<string> IdParts = ["displayName", "organization", "environment"];

    private readonly List<string> _secrets = [];
    private bool _recording = true;

    public IReadOnlyList<string> Secrets => _secrets;

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A fresh secret: upper case, so it is never a valid connection name and cannot pass Check by accident.</summary>
    public string NewSecret()
    {
        var secret = $"FZSECRET{random.NextInt64():X16}";
        if (_recording) _secrets.Add(secret);
        return secret;
    }

    /// <summary>A value for top-level property <paramref name="key"/>.</summary>
    private Value ValueFor(string key, int depth)
    {
        if (CredentialNames.Contains(key) && Chance(0.5)) return Value.ForString(NewSecret());
        if (!IdParts.Contains(key)) return AnyValue(depth);
        _recording = false;
        try
        {
            return AnyValue(depth);
        }
        finally
        {
            _recording = true;
        }
    }

    /// <summary>Inputs that are valid or close to it (most properties right, 1-4 broken), or entirely random.</summary>
    public Struct Properties()
    {
        if (Chance(0.15)) return RandomStruct(depth: 3, topLevel: true);
        var properties = ValidInputs();
        for (var mutations = 1 + Next(4); mutations > 0; mutations--) Mutate(properties);
        return properties;
    }

    public Struct ValidInputs()
    {
        var name = $"fuzz-{random.Next(1_000_000)}";
        var properties = Pick(new Func<Struct>[]
        {
            () => Wire.Struct(("displayName", name), ("type", "OPENAI"), ("endpoint", "https://api.openai.com/v1"), ("apiKey", Wire.Secret(NewSecret()))),
            () => Wire.Struct(("displayName", name), ("type", "BEDROCK"), ("endpoint", "https://bedrock.us-east-1.amazonaws.com"),
                ("awsAccessKey", Wire.Secret(NewSecret())), ("awsSecretKey", Wire.Secret(NewSecret()))),
            () => Wire.Struct(("displayName", name), ("type", "MONGODB"), ("endpoint", "https://mongo.example.com"),
                ("username", NewSecret()), ("password", Wire.Secret(NewSecret()))),
        })();
        if (Chance(0.3))
            properties.Fields["credentials"] = Wire.ToValue(Wire.Struct(("key", "k"), ("secret", Wire.Secret(NewSecret()))));
        return properties;
    }

    private void Mutate(Struct properties)
    {
        var key = Pick(PropertyNames);
        switch (Next(6))
        {
            case 0:
                properties.Fields.Remove(key);
                break;
            case 1 when properties.Fields.TryGetValue(key, out var existing):
                properties.Fields[key] = Wire.Secret(existing);
                break;
            case 2:
                properties.Fields[key] = Wire.Unknown;
                break;
            case 3 when key == "type":
                properties.Fields[key] = Value.ForString(Pick(ConnectionTypes));
                break;
            default:
                properties.Fields[key] = ValueFor(key, depth: 3);
                break;
        }
    }

    /// <param name="topLevel">Resource properties, where a credential name makes a plain value secret; deeper, names mean nothing.</param>
    public Struct RandomStruct(int depth, bool topLevel = false)
    {
        var result = new Struct();
        for (var count = Next(5); count > 0; count--)
        {
            var key = Chance(0.7) ? Pick(PropertyNames) : AnyString();
            result.Fields[key] = topLevel ? ValueFor(key, depth) : AnyValue(depth);
        }
        return result;
    }

    public Value AnyValue(int depth)
    {
        var choice = Next(depth > 0 ? 14 : 8);
        return choice switch
        {
            0 => Value.ForNull(),
            1 => Value.ForBool(Chance(0.5)),
            2 => Value.ForNumber(Pick([0, -1, 1.5, 1e308, -1e-308, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4294967296d])),
            3 or 4 => Value.ForString(AnyString()),
            5 => Wire.Secret(NewSecret()),
            6 => Wire.Unknown,
            7 => Value.ForString(Pick(ConnectionTypes)),
            8 => Wire.Secret(AnyValue(depth - 1)),
            9 => Value.ForList(Enumerable.Range(0, Next(4)).Select(_ => AnyValue(depth - 1)).ToArray()),
            10 => Value.ForStruct(RandomStruct(depth - 1)),
            11 => Special(depth - 1),
            12 => Deep(1 + Next(MaxNesting)),
            _ => Value.ForStruct(Wire.Struct(("id", Chance(0.5) ? AnyValue(depth - 1) : Value.ForString(AnyString())))),
        };
    }

    public string AnyString() => Next(12) switch
    {
        0 => new string(Pick(['a', 'Z', '/', '\u00e9', '0']), Pick([1_000, 70_000, 300_000])),
        1 => $"fuzz-{random.Next(1000)}",
        _ => Pick(OddStrings),
    };

    /// <summary>Pulumi's other special objects, and signature objects that are broken.</summary>
    private Value Special(int depth) => Next(5) switch
    {
        0 => Value.ForStruct(Wire.Struct((Wire.SignatureKey, Wire.SecretSignature))),
        1 => Value.ForStruct(Wire.Struct((Wire.SignatureKey, Pick(OtherSignatures)), ("value", AnyValue(depth)),
            ("secret", Chance(0.5)), ("urn", "urn:pulumi:a::b::c::d"), ("path", "/etc/passwd"))),
        // A signature that is not a string makes a plain object, so its value is no secret.
        2 => Value.ForStruct(Wire.Struct((Wire.SignatureKey, 42), ("value", AnyString()))),
        3 => Value.ForStruct(Wire.Struct((Wire.SignatureKey, "d0e6a833031e9bbcd3f4e8bde6ca49a4"), ("value", NewSecret()), ("secret", true))),
        _ => Wire.Secret(Wire.Secret(NewSecret())),
    };

    /// <summary>Objects and arrays nested <paramref name="levels"/> deep, ending in a secret.</summary>
    private Value Deep(int levels)
    {
        var value = Wire.Secret(NewSecret());
        for (var i = 0; i < levels; i++)
            value = Chance(0.5) ? Value.ForStruct(Wire.Struct(("id", value))) : Value.ForList(value);
        return value;
    }
}
