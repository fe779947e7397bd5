using ConfluentFlink.Harness;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>Inputs at the edge of what the wire allows, each answered clearly and without echoing a secret.</summary>
[TestFixture]
public class HostileInputTests
{
    private PluginSession _session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _session = await PluginSession.StartAsync(maxRetries: 0);

    [OneTimeTearDown]
    public async Task StopAsync() => await _session.DisposeAsync();

    [Test]
    public void AnErrorQuotingAHugeInputStaysReadable()
    {
        // An error quoting it whole would exceed the client's 64 KB trailer limit and arrive as a transport failure.
        var failure = Assert.ThrowsAsync<RpcException>(async () => await _session.Client.CheckAsync(new CheckRequest
        {
            Urn = new string('a', 300_000),
            News = Lifecycle.OpenAiInputs("huge-urn", "sk-huge"),
        }))!;

        Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Status.Detail, Does.StartWith("malformed resource URN").And.Length.LessThan(5000));
    }

    [Test]
    public void AnAssetInTheInputsIsTheUsersErrorOnItsProperty()
    {
        // Check's inputs must still be encodable: an asset is refused on its property, not sent back.
        var inputs = Lifecycle.OpenAiInputs("with-asset", "sk-asset");
        inputs.Fields["extra"] = Wire.ToValue(Wire.Struct((Wire.SignatureKey, "c44067f5952c0a294b673a41bacd8c17"), ("path", "/etc/passwd")));

        var failure = Assert.ThrowsAsync<RpcException>(async () => await Lifecycle.CheckAsync(_session.Client, "with-asset", inputs))!;

        Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Status.Detail, Does.StartWith("extra holds"));
    }

    [Test]
    public async Task ASettingMarkedSecretStaysSecretInThePreviewOutputs()
    {
        // Resolving a setting unwraps it; the mark must be put back.
        var inputs = Lifecycle.OpenAiInputs("secret-pool", "sk-pool");
        inputs.Fields["computePool"] = Wire.ToValue(Wire.Struct(("id", Wire.Secret("lfcp-secret-pool"))));

        var preview = await _session.Client.CreateAsync(new CreateRequest
        {
            Urn = Lifecycle.Urn("secret-pool"), Type = Lifecycle.Type, Properties = inputs, Preview = true,
        });

        Assert.That(Wire.IsSecret(preview.Properties.Fields["computePool"]), Is.True, preview.Properties.ToString());
    }

    [Test]
    public void ANameMarkedSecretIsNotEchoedWhenTheLookupFindsNothing()
    {
        var failure = Assert.ThrowsAsync<RpcException>(async () => await _session.Client.InvokeAsync(new InvokeRequest
        {
            Tok = "confluentflink:index:getFlinkConnection",
            Args = Wire.Struct(("displayName", Wire.Secret("secret-name-123"))),
        }))!;

        Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Status.Detail, Does.Not.Contain("secret-name-123").And.Contain("no Flink connection"));
    }

    [Test]
    public void AValueMarkedSecretIsMaskedWhenTheApiEchoesItInAnError()
    {
        // Create skips Check here (the fuzzer does), so the API sees the odd type and quotes it in its 422.
        var inputs = Lifecycle.OpenAiInputs("echoed-type", "sk-echo");
        inputs.Fields["type"] = Wire.Secret("SECRET-TYPE-VALUE");

        var failure = Assert.ThrowsAsync<RpcException>(async () => await _session.Client.CreateAsync(new CreateRequest
        {
            Urn = Lifecycle.Urn("echoed-type"), Type = Lifecycle.Type, Properties = inputs,
        }))!;

        Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(failure.Status.Detail, Does.Not.Contain("SECRET-TYPE-VALUE"));
    }
}
