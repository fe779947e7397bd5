extern alias harness;
using System.Collections.Immutable;
using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using harness::ConfluentFlink.Harness;
using StringValue = ConfluentFlink.Provider.Values.StringValue;

namespace ConfluentFlink.Provider.Tests.Protocol;

public class StructCodecTests
{
    [Test]
    public void PlainValuesRoundTrip()
    {
        var map = PropertyMap.From(new Dictionary<string, PropertyValue>
        {
            ["name"] = PropertyValue.Of("c1"),
            ["count"] = PropertyValue.Of(4),
            ["enabled"] = PropertyValue.Of(true),
            ["nothing"] = PropertyValue.Null,
            ["list"] = new ArrayValue([PropertyValue.Of("a"), PropertyValue.Of(1.5)]),
            ["nested"] = new ObjectValue(PropertyMap.Empty.With("id", PropertyValue.Of("org-1"))),
        });

        Assert.That(StructCodec.Decode(StructCodec.Encode(map)), Is.EqualTo(map));
    }

    [Test]
    public void SecretsRoundTripAtAnyDepth()
    {
        var map = PropertyMap.Empty
            .With("apiKey", PropertyValue.Secret(PropertyValue.Of("k")))
            .With("credentials", new ObjectValue(PropertyMap.Empty
                .With("key", PropertyValue.Of("id"))
                .With("secret", PropertyValue.Secret(PropertyValue.Of("s")))))
            .With("wholeObject", PropertyValue.Secret(new ObjectValue(PropertyMap.Empty.With("a", PropertyValue.Of("b")))));

        var wire = StructCodec.Encode(map);

        Assert.That(Wire.IsSecret(wire.Fields["apiKey"]), Is.True);
        Assert.That(Wire.Reveal(wire.Fields["apiKey"]).StringValue, Is.EqualTo("k"));
        Assert.That(Wire.IsSecret(wire.Fields["credentials"].StructValue.Fields["secret"]), Is.True);
        Assert.That(StructCodec.Decode(wire), Is.EqualTo(map));
    }

    [Test]
    public void DecodesTheEnginesSecretWrapper()
    {
        var wire = Wire.Struct(("password", Wire.Secret("p4ss")));

        Assert.That(StructCodec.Decode(wire).Get("password"), Is.EqualTo(PropertyValue.Secret(PropertyValue.Of("p4ss"))));
    }

    [TestCase(Wire.UnknownSentinel)]
    [TestCase(Wire.UnknownBoolSentinel)]
    [TestCase(Wire.UnknownNumberSentinel)]
    [TestCase(Wire.UnknownArraySentinel)]
    [TestCase(Wire.UnknownObjectSentinel)]
    public void EveryUnknownSentinelDecodesToUnknown(string sentinel)
    {
        var decoded = StructCodec.Decode(Wire.Struct(("endpoint", sentinel), ("nested", Wire.Struct(("id", sentinel)))));

        Assert.That(decoded.Get("endpoint"), Is.EqualTo(PropertyValue.Unknown));
        Assert.That(decoded.GetPath("nested.id"), Is.EqualTo(PropertyValue.Unknown));
    }

    [Test]
    public void UnknownEncodesToThePlainSentinel()
    {
        var wire = StructCodec.Encode(PropertyMap.Empty.With("id", PropertyValue.Unknown).With("s", PropertyValue.Secret(PropertyValue.Unknown)));

        Assert.That(wire.Fields["id"].StringValue, Is.EqualTo("04da6b54-80e4-46f7-96ec-b56ff0331ba9"));
        Assert.That(Wire.IsUnknown(Wire.Reveal(wire.Fields["s"])), Is.True);
    }

    [Test]
    public void OutputValuesDecodeTheirValueKnownnessAndSecretness()
    {
        static Value Output(params (string, object?)[] fields) =>
            Value.ForStruct(Wire.Struct([(Wire.SignatureKey, StructCodec.OutputValueSignature), .. fields]));

        var decoded = StructCodec.Decode(Wire.Struct(
            ("known", Output(("value", "v"))),
            ("unknown", Output()),
            ("secret", Output(("value", "s"), ("secret", true))),
            ("unknownSecret", Output(("secret", true)))));

        Assert.That(decoded.Get("known"), Is.EqualTo(PropertyValue.Of("v")));
        Assert.That(decoded.Get("unknown"), Is.EqualTo(PropertyValue.Unknown));
        Assert.That(decoded.Get("secret"), Is.EqualTo(PropertyValue.Secret(PropertyValue.Of("s"))));
        Assert.That(decoded.Get("unknownSecret"), Is.EqualTo(PropertyValue.Secret(PropertyValue.Unknown)));
    }

    [TestCase(StructCodec.ResourceReferenceSignature, "resource reference")]
    [TestCase(StructCodec.AssetSignature, "asset")]
    [TestCase(StructCodec.ArchiveSignature, "archive")]
    public void KindsWithoutAPropertyDecodeToUnsupported(string signature, string kind)
    {
        var decoded = StructCodec.Decode(Wire.Struct(("x", Wire.Struct((Wire.SignatureKey, signature), ("urn", "urn:x")))));

        Assert.That(decoded.Get("x"), Is.EqualTo(new UnsupportedValue(kind)));
    }

    [Test]
    public void AbsentStructsAreEmptyOrNullAsAsked()
    {
        Assert.That(StructCodec.Decode((Struct?)null), Is.EqualTo(PropertyMap.Empty));
        Assert.That(StructCodec.DecodeOptional(null), Is.Null);
        Assert.That(StructCodec.DecodeOptional(new Struct()), Is.EqualTo(PropertyMap.Empty));
    }

    [Test]
    public void UnsupportedValuesAreNeverSentBack()
    {
        Assert.That(() => StructCodec.Encode(new UnsupportedValue("asset")), Throws.InvalidOperationException);
    }

    [Test]
    public void StringsThatOnlyLookSpecialStayStrings()
    {
        var decoded = StructCodec.Decode(Wire.Struct(("a", "04da6b54"), ("b", Wire.Struct((Wire.SignatureKey, 42)))));

        Assert.That(decoded.Get("a"), Is.EqualTo(new StringValue("04da6b54")));
        Assert.That(decoded.Get("b"), Is.EqualTo(new ObjectValue(PropertyMap.Empty.With(Wire.SignatureKey, PropertyValue.Of(42)))));
    }

    [Test]
    public void ArraysKeepOrder()
    {
        var array = new ArrayValue(ImmutableArray.Create(PropertyValue.Of("b"), PropertyValue.Of("a"), PropertyValue.Secret(PropertyValue.Of("c"))));

        Assert.That(StructCodec.Decode(StructCodec.Encode(array)), Is.EqualTo(array));
    }
}
