using ConfluentFlink.Provider.Protocol;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// Random property values for one fuzz case, from one seeded <see cref="Random"/>: wrong types, nulls, deep nesting, huge
/// strings, unknowns and secrets in odd places, Pulumi's other special objects, and near-valid inputs with a few properties
/// broken. Every secret it makes (wrapped, or plain in a credential property) is kept in <see cref="Secrets"/>.
/// </summary>
public sealed class FuzzValues(Random random)
{
    private static readonly string[] PropertyNames =
    [
        "displayName", "type", "endpoint", "apiKey", "awsAccessKey", "awsSecretKey", "serviceKey", "username", "password", "bearerToken", "oauth",
        "organization", "environment", "computePool", "principal", "restEndpoint", "credentials", "status", "kind", "__defaults", "", "id", " displayName",
    ];

    /// <summary>Properties whose value is a secret even when sent in plain.</summary>
    private static readonly HashSet<string> CredentialNames = ["apiKey", "awsAccessKey", "awsSecretKey", "serviceKey", "username", "password", "bearerToken"];

    /// <summary>
    /// The properties that form the id (<c>org/env/displayName</c>): Pulumi never keeps an id secret, so a secret placed there
    /// necessarily shows in the id and in the "Created connection &lt;id&gt;" log. Those are not counted.
    /// </summary>
    private static readonly HashSet<string> IdParts = ["displayName", "organization", "environment"];

    private static readonly string[] ConnectionTypes = ["OPENAI", "BEDROCK", "VERTEXAI", "MONGODB", "REST", "MCP_SERVER", "openai", "", "OPENAI ", "UNKNOWN"];

    private static readonly string[] OddStrings =
    [
        "", " ", "\t\n", "null", "0", "-1", "true", "NaN", "{0}", "%s%n%x", "${jndi:x}", "../../etc/passwd", "a/b", "a/b/c", "a/b/c/d", "//",
        $"{TestStack.Organization}/{TestStack.Environment}/", TestStack.IdOf("x"), "org-1/env-1/x", "https://", "http://example.com", "ftp://a.b",
        "not a url", "javascript:alert(1)", "http://127.0.0.1:1/", "https://[::1]:99999/", "名前", "é\u0301", "\u0000", "\u202Eevil", "\uFFFF",
        "🔥💥", "UPPER", "a.b.c", "-lead", new string('x', 101), StructCodec.UnknownSentinel, "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        StructCodec.SignatureKey, StructCodec.SecretSignature,
    ];

    private static readonly string[] OtherSignatures =
        [StructCodec.ResourceReferenceSignature, StructCodec.OutputValueSignature, StructCodec.AssetSignature, StructCodec.ArchiveSignature, "ffff"];

    // Protobuf's parser stops at 100 message levels (3 per level here: Value, Struct, map entry); past that gRPC itself
    // answers Unknown before the provider sees the call.
    private const int MaxNesting = 25;

    private readonly List<string> _secrets = [];
    private bool _recording = true;

    public IReadOnlyList<string> Secrets => _secrets;

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Inputs that are valid or close to it (most properties right, 1-4 broken), or entirely random.</summary>
    public Struct Properties()
    {
        if (Chance(0.15)) return RandomStruct(depth: 3, topLevel: true);
        var name = $"fuzz-{random.Next(1_000_000)}";
        // Credentials wrapped as secrets, and plain ones the provider must make secret (a top-level one, one in an object).
        var properties = Next(3) switch
        {
            0 => Wire.Struct(("displayName", name), ("type", "OPENAI"), ("endpoint", "https://api.openai.com/v1"), ("apiKey", Wire.Secret(NewSecret()))),
            1 => Wire.Struct(("displayName", name), ("type", "BEDROCK"), ("endpoint", "https://bedrock.us-east-1.amazonaws.com"),
                ("awsAccessKey", Wire.Secret(NewSecret())), ("awsSecretKey", NewSecret())),
            _ => Wire.Struct(("displayName", name), ("type", "REST"), ("endpoint", "https://hooks.example.com"), ("oauth", Wire.Struct(
                ("tokenEndpoint", "https://login.example.com/token"), ("clientId", "c"), ("clientSecret", NewSecret()), ("scope", "s")))),
        };
        if (Chance(0.3)) properties.Fields["credentials"] = Wire.ToValue(Wire.Struct(("key", "k"), ("secret", Wire.Secret(NewSecret()))));
        for (var mutations = 1 + Next(4); mutations > 0; mutations--)
        {
            var key = Pick(PropertyNames);
            if (Chance(0.2)) properties.Fields.Remove(key);
            else properties.Fields[key] = Next(4) switch
            {
                0 when properties.Fields.TryGetValue(key, out var existing) => Wire.Secret(existing),
                1 => Wire.Unknown,
                2 when key == "type" => Value.ForString(Pick(ConnectionTypes)),
                _ => ValueFor(key, depth: 3),
            };
        }
        return properties;
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

    public string AnyString() => Next(12) switch
    {
        0 => new string(Pick(['a', 'Z', '/', '\u00e9', '0']), Pick([1_000, 70_000, 300_000])),
        1 => $"fuzz-{random.Next(1000)}",
        _ => Pick(OddStrings),
    };

    private Value ValueFor(string key, int depth)
    {
        if (CredentialNames.Contains(key) && Chance(0.5)) return Value.ForString(NewSecret());
        _recording = !IdParts.Contains(key);
        var value = AnyValue(depth);
        _recording = true;
        return value;
    }

    private Value AnyValue(int depth) => Next(depth > 0 ? 14 : 8) switch
    {
        0 => Value.ForNull(),
        1 => Value.ForBool(Chance(0.5)),
        2 => Value.ForNumber(Pick([0, -1, 1.5, 1e308, double.NaN, double.PositiveInfinity, 4294967296d])),
        3 or 4 => Value.ForString(AnyString()),
        5 => Wire.Secret(NewSecret()),
        6 => Wire.Unknown,
        7 => Value.ForString(Pick(ConnectionTypes)),
        8 => Wire.Secret(AnyValue(depth - 1)),
        9 => Value.ForList(Enumerable.Range(0, Next(4)).Select(_ => AnyValue(depth - 1)).ToArray()),
        10 => Value.ForStruct(RandomStruct(depth - 1)),
        11 => Special(depth - 1),
        // Objects and arrays nested up to MaxNesting deep, ending in a secret.
        12 => Enumerable.Range(0, 1 + Next(MaxNesting)).Aggregate(Wire.Secret(NewSecret()), (inner, _) => Chance(0.5) ? Value.ForStruct(Wire.Struct(("id", inner))) : Value.ForList(inner)),
        _ => Value.ForStruct(Wire.Struct(("id", Chance(0.5) ? AnyValue(depth - 1) : Value.ForString(AnyString())))),
    };

    /// <summary>Pulumi's other special objects, and signature objects that are broken.</summary>
    private Value Special(int depth) => Next(5) switch
    {
        0 => Value.ForStruct(Wire.Struct((StructCodec.SignatureKey, StructCodec.SecretSignature))),
        1 => Value.ForStruct(Wire.Struct((StructCodec.SignatureKey, Pick(OtherSignatures)), ("value", AnyValue(depth)), ("secret", Chance(0.5)),
            ("urn", "urn:pulumi:a::b::c::d"), ("path", "/etc/passwd"))),
        // A signature that is not a string makes a plain object, so its value is no secret.
        2 => Value.ForStruct(Wire.Struct((StructCodec.SignatureKey, 42), ("value", AnyString()))),
        3 => Value.ForStruct(Wire.Struct((StructCodec.SignatureKey, StructCodec.OutputValueSignature), ("value", NewSecret()), ("secret", true))),
        _ => Wire.Secret(Wire.Secret(NewSecret())),
    };

    /// <summary>A fresh secret: upper case, so it is never a valid connection name and cannot pass Check by accident.</summary>
    private string NewSecret()
    {
        var secret = $"FZSECRET{random.NextInt64():X16}";
        if (_recording) _secrets.Add(secret);
        return secret;
    }
}
