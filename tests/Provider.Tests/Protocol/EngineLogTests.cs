extern alias harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using harness::ConfluentFlink.Harness;
using harness::Pulumirpc;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>Log records forwarded to the engine's Log service, with their severities.</summary>
public class EngineLogTests
{
    [Test]
    public async Task InformationAndErrorsReachTheEngineWithTheirSeverity()
    {
        await using var engine = await EngineStub.StartAsync();
        await using var plugin = await InProcessPlugin.StartAsync(engine.Address);
        plugin.Provider.OnCreate = (_, _) => throw new NullReferenceException();

        Assert.That(async () => await plugin.Client.CreateAsync(new CreateRequest { Type = "t:index:T", Properties = new Struct() }),
            Throws.TypeOf<RpcException>().With.Property(nameof(RpcException.StatusCode)).EqualTo(StatusCode.Internal));
        await plugin.Client.CancelAsync(new Empty());

        var error = await engine.WaitForLogAsync(l => l.Message.Contains(nameof(NullReferenceException)), TimeSpan.FromSeconds(10));
        var info = await engine.WaitForLogAsync(l => l.Message.Contains("cancelled"), TimeSpan.FromSeconds(10));
        Assert.That(error.Severity, Is.EqualTo(LogSeverity.Error));
        Assert.That(info.Severity, Is.EqualTo(LogSeverity.Info));
        Assert.That(engine.Logs.All(l => !l.Ephemeral), Is.True);
    }

    [Test]
    public async Task AnUnreachableEngineNeverFailsACall()
    {
        // A port nothing listens on: forwarding the failed call's Error record fails, later calls do not.
        await using var plugin = await InProcessPlugin.StartAsync("127.0.0.1:9");

        plugin.Provider.OnCreate = (_, _) => throw new NullReferenceException();
        Assert.That(async () => await plugin.Client.CreateAsync(new CreateRequest { Type = "t:index:T" }), Throws.TypeOf<RpcException>());

        var response = await plugin.Client.CheckConfigAsync(new CheckRequest { News = Wire.Struct(("a", "b")) });

        Assert.That(response.Inputs.Fields["a"].StringValue, Is.EqualTo("b"));
    }
}
