using ConfluentFlink.Harness;
using System.Diagnostics;
using System.Reflection;
using ConfluentFlink.FlinkApi.Tests.Support;
using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.FlinkApiEmulator.Faults;

namespace ConfluentFlink.FlinkApi.Tests;

/// <summary>The emulator as a separate process, the way `make emulator`, the benchmark and the demo run it.</summary>
public sealed class EmulatorProcessTests : LeakCheckedTest
{
    [Test]
    public async Task PrintsItsBaseUrlFirstServesTheApiAndStopsOnSigterm()
    {
        using var process = Start(new Dictionary<string, string?>
        {
            ["FLINK_API_KEY"] = TestSecrets.ApiKey,
            ["FLINK_API_SECRET"] = TestSecrets.ApiSecret,
            ["EMULATOR_PORT"] = null,
        });
        // Drain stderr as it comes so a chatty emulator can never block on a full pipe.
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) stderr.Enqueue(line.Data); };
        process.BeginErrorReadLine();
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(firstLine, Does.Match(@"^http://127\.0\.0\.1:\d+$"));
            var baseAddress = new Uri(firstLine!);

            using var admin = new EmulatorAdminClient(baseAddress);
            Assert.That(await admin.IsHealthyAsync(), Is.True);
            await admin.SetFaultsAsync(new FaultPlan { FailNext = 1, FailStatus = 503 });
            var client = FlinkConnectionsClient.Create(Settings(baseAddress), ClientLogger);
            await client.CreateAsync(Scope, Request("from-outside"), CancellationToken.None);

            var stored = await admin.ListConnectionsAsync();
            Assert.That(stored.Select(c => (c.Name, c.Credential)), Is.EqualTo(new[] { ("from-outside", "present") }));
            Assert.That((await admin.GetStatsAsync()).Method("POST"), Is.EqualTo(2));

            Signal(process, "TERM");
            Assert.That(process.WaitForExit(TimeSpan.FromSeconds(20)), Is.True, "exits on SIGTERM");
            Assert.That(process.ExitCode, Is.EqualTo(0));
            Assert.That(stderr, Has.Some.Contains("POST /sql/v1/organizations/"), "request log lines go to stderr");
            Assert.That(TestSecrets.Leaks(stderr), Is.Empty);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Test]
    public async Task UsesTheDocumentedDefaultCredentialsAndThePortItIsGiven()
    {
        var port = FreePort();
        using var process = Start(new Dictionary<string, string?> { ["FLINK_API_KEY"] = null, ["FLINK_API_SECRET"] = null }, "--port", port.ToString());
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(firstLine, Is.EqualTo($"http://127.0.0.1:{port}"));
            var client = FlinkConnectionsClient.Create(new FlinkApiSettings
            {
                RestEndpoint = new Uri(firstLine!),
                ApiKey = EmulatorOptions.DefaultApiKey,
                ApiSecret = EmulatorOptions.DefaultApiSecret,
                MaxRetries = 0,
            }, ClientLogger);
            Assert.That(await client.ListAsync(Scope, null, CancellationToken.None), Is.Empty);
        }
        finally
        {
            process.Kill();
        }
    }

    [Test]
    public async Task ABadPortIsRefusedWithUsageAndExitCode2()
    {
        using var process = Start(new Dictionary<string, string?>(), "--port", "not-a-port");

        Assert.That(process.WaitForExit(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(await process.StandardOutput.ReadToEndAsync(), Is.Empty);
        Assert.That(await process.StandardError.ReadToEndAsync(), Does.Contain("--port must be a port number"));
    }

    private static Process Start(Dictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(EmulatorAssembly());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>The emulator's own build output (next to its runtimeconfig), same configuration as this test assembly.</summary>
    private static string EmulatorAssembly()
    {
        var configuration = typeof(EmulatorProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepoPaths.RepoRoot, "tests", "FlinkApiEmulator", "bin", configuration, "net10.0", "ConfluentFlink.FlinkApiEmulator.dll");
        Assert.That(File.Exists(path), Is.True, $"emulator build output missing: {path}");
        return path;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()]);
        kill.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
