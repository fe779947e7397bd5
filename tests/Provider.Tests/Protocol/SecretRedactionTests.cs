using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Pulumirpc;
using CreateRequest = Pulumirpc.CreateRequest;

namespace ConfluentFlink.Provider.Tests.Protocol;

public class SecretRedactionTests
{
    private const string Secret = "echoed-secret-Wq7";

    private static CreateRequest RequestWithSecret() => new()
    {
        Properties = StructCodec.Encode(PropertyMap.Empty.With("apiKey", PropertyValue.Secret(PropertyValue.Of(Secret)))),
    };

    [Test]
    public void APlainErrorQuotingARequestSecretIsMasked()
    {
        var failure = new RpcException(new Status(StatusCode.InvalidArgument, $"the API said: bad value {Secret}"));
        var redacted = SecretRedaction.Redacted(failure, SecretRedaction.SecretsOf(RequestWithSecret()));
        Assert.That(redacted!.Status.Detail, Is.EqualTo("the API said: bad value [secret]"));
        Assert.That(redacted.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public void TheInitFailedDetailTheEngineReadsIsMaskedToo()
    {
        var initFailed = new ResourceInitFailedException("org/env/c1", PropertyMap.Empty, PropertyMap.Empty, [$"read-back failed: {Secret}"]);
        var failure = RpcErrors.From(initFailed, NullLogger.Instance);

        var redacted = SecretRedaction.Redacted(failure, SecretRedaction.SecretsOf(RequestWithSecret()))!;
        var status = redacted.GetRpcStatus()!;
        Assert.That(status.Message, Does.Not.Contain(Secret));
        Assert.That(status.Details.Single().TryUnpack<ErrorResourceInitFailed>(out var detail), Is.True);
        Assert.That(detail.Id, Is.EqualTo("org/env/c1"));
        Assert.That(detail.Reasons, Is.EqualTo(new[] { "read-back failed: [secret]" }));
    }

    [Test]
    public void SecretsTheProviderHoldsAreMaskedThoughNoRequestCarriesThem()
    {
        var failure = new RpcException(new Status(StatusCode.Unauthenticated, "rejected key held-flink-secret-9"));
        var redacted = SecretRedaction.Redacted(failure, SecretRedaction.SecretsOf(new CreateRequest(), ["held-flink-secret-9"]));
        Assert.That(redacted!.Status.Detail, Is.EqualTo("rejected key [secret]"));
    }

    [Test]
    public void AnErrorWithoutSecretsIsLeftAlone()
    {
        var failure = new RpcException(new Status(StatusCode.NotFound, "no such connection"));
        Assert.That(SecretRedaction.Redacted(failure, SecretRedaction.SecretsOf(RequestWithSecret())), Is.Null);
        Assert.That(SecretRedaction.SecretsOf(new CreateRequest { Properties = new Struct() }), Is.Empty);
    }
}
