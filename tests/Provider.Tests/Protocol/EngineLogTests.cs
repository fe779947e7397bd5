extern alias harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
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
    public async Task RecordsLoggedDuringACallCarryTheUrnOfItsResourceAndOthersNone()
    {
        const string urn = "urn:pulumi:dev::proj::confluentflink:index:FlinkConnection::c1";
        await using var engine = await EngineStub.StartAsync();
        await using var plugin = await InProcessPlugin.StartAsync(engine.Address);
        plugin.Provider.OnCreate = async (r, _) =>
        {
            await Task.Yield();
            plugin.Provider.Logger.LogWarning("retrying for {Name}", r.Urn.Name);
            return new ConfluentFlink.Provider.Contract.CreateResult("o/e/c1", r.Properties);
        };

        await plugin.Client.CreateAsync(new CreateRequest { Urn = urn, Type = "confluentflink:index:FlinkConnection", Properties = new Struct() });
        await plugin.Client.CancelAsync(new Empty());

        var aboutTheResource = await engine.WaitForLogAsync(l => l.Message.Contains("retrying for c1"), TimeSpan.FromSeconds(10));
        var aboutNoResource = await engine.WaitForLogAsync(l => l.Message.Contains("cancelled"), TimeSpan.FromSeconds(10));
        Assert.That(aboutTheResource.Urn, Is.EqualTo(urn));
        Assert.That(aboutTheResource.Severity, Is.EqualTo(LogSeverity.Warning));
        Assert.That(aboutNoResource.Urn, Is.Empty);
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
