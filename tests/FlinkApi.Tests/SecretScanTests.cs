using System.Net;
using System.Net.Sockets;
using ConfluentFlink.FlinkApi.Models;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Faults;
using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>
/// No secret in ToString, logs or exception text. Every test in this project is also scanned after it runs
/// (see <see cref="LeakCheckedTest"/>); these tests make sure the scan has something to look at and can see a leak.
/// </summary>
public sealed class SecretScanTests : EmulatorTest
{
    [Test]
    public void TheScanFindsEachFormOfASecret()
    {
        string[] texts =
        [
            "clean line",
            $"Authorization: Basic {TestSecrets.BasicParameter}",
            $"payload {TestSecrets.CredentialJson}",
            $"secret={TestSecrets.ApiSecret}",
        ];

        Assert.That(TestSecrets.Leaks(texts), Is.EqualTo(texts.Skip(1)));
    }

    [Test]
    public void ToStringOfEveryTypeHoldingASecretMasksIt()
    {
        var texts = new object[]
        {
            Settings(new Uri("https://flink.example"), secret: TestSecrets.ApiSecret),
            Request("c1"),
            new AuthData { Data = TestSecrets.CredentialJson },
            new StoredConnection(new ConnectionKey("o", "e", "c1"), "OPENAI", "https://x", "PlaintextProvider", TestSecrets.CredentialJson,
                "uid", "rv1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            new EmulatorOptions { ApiKey = TestSecrets.ApiKey, ApiSecret = TestSecrets.ApiSecret },
        }.Select(o => o.ToString()!).ToList();

        Assert.That(TestSecrets.Leaks(texts), Is.Empty);
        Assert.That(texts, Has.All.Contains("[secret]"));
    }

    [Test]
    public async Task ABusyFailingSessionLogsPlentyAndLeaksNothing()
    {
        var client = Client(maxRetries: 2);
        await Admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 503, CommitThenFailNext = 1 });
        var created = await client.CreateAsync(Scope, Request("scanned"), CancellationToken.None);
        await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("scanned"), CancellationToken.None));
        await Expect<FlinkApiException>(() => client.CreateAsync(Scope, Request("Bad Name"), CancellationToken.None));
        await Expect<FlinkApiException>(() => Client(secret: "wrong-secret").ListAsync(Scope, null, CancellationToken.None));
        await Expect<FlinkApiException>(() => client.UpdateAsync(Scope, ForUpdate(new Connection
        {
            Name = "scanned",
            Metadata = new ObjectMeta { ResourceVersion = "stale" },
            Spec = new ConnectionSpec(),
        }, TestSecrets.CredentialJson), CancellationToken.None));
        await Expect<FlinkApiException>(() => UnreachableClient().GetAsync(Scope, "scanned", CancellationToken.None));

        Assert.That(created.Kind, Is.EqualTo(CreateOutcomeKind.AdoptedAfterLostAnswer));
        Assert.That(Logs.Lines.Count(l => l.Contains("FlinkApiClient")), Is.GreaterThan(5), "the client logged its work");
        Assert.That(Logs.Lines.Count(l => l.Contains("FlinkApiEmulator")), Is.GreaterThan(5), "the emulator logged its work");
        // The per-test teardown scans these lines and every exception recorded above.
    }

    private IFlinkConnectionsClient UnreachableClient()
    {
        // A port that was free a moment ago: connections are refused, so the transport-failure path runs.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Client(Settings(new Uri($"http://127.0.0.1:{port}"), maxRetries: 1));
    }
}
