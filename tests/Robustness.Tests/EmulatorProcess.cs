using System.Diagnostics;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The published emulator (<c>make emulator-bin</c>) as a separate process, so a test can kill the backend
/// outright (sockets reset, port closed) the way a crashed or unreachable service looks to the plugin.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EmulatorProcess> StartAsync(string apiSecret)
    {
        var binary = RepoPaths.EmulatorBinary;
        if (!File.Exists(binary)) throw new FileNotFoundException($"{binary} does not exist: run `make emulator-bin` first.", binary);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["FLINK_API_SECRET"] = apiSecret;
        start.Environment["EMULATOR_LOG_LEVEL"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = new OutputCapture(process.StandardOutput);
        _ = new OutputCapture(process.StandardError);
        var firstLine = await stdout.FirstLine.WaitAsync(TimeSpan.FromSeconds(20));
        if (firstLine is null || !Uri.TryCreate(firstLine.Trim() + "/", UriKind.Absolute, out var baseAddress))
        {
            Kill(process);
            throw new InvalidOperationException($"the emulator's first stdout line is not its base URL: '{firstLine}'");
        }
        return new EmulatorProcess(process, baseAddress);
    }

    /// <summary>Ends the backend abruptly: open connections are reset, new ones refused.</summary>
    public async Task KillAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
