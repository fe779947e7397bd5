using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Pulumirpc;

namespace ConfluentFlink.Harness;

/// <summary>
/// The plugin executable launched the way the Pulumi engine launches it: flags and the engine address as
/// arguments, the port read from the first stdout line, an h2c gRPC channel to 127.0.0.1:port.
/// Everything the process writes to stdout and stderr is kept (<see cref="Transcript"/>) for secret scans.
/// Disposing kills the process tree.
/// </summary>
public sealed class PluginProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputCapture _stdout;
    private readonly OutputCapture _stderr;

    private PluginProcess(Process process, OutputCapture stdout, OutputCapture stderr, int port, TimeSpan startupTime)
    {
        _process = process;
        _stdout = stdout;
        _stderr = stderr;
        Port = port;
        StartupTime = startupTime;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new ResourceProvider.ResourceProviderClient(Channel);
    }

    public int Port { get; }

    /// <summary>From process start to the port line on stdout.</summary>
    public TimeSpan StartupTime { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The provider's gRPC API, as the engine calls it.</summary>
    public ResourceProvider.ResourceProviderClient Client { get; }

    /// <summary>Everything written to stdout so far, the port line included (it should be nothing else).</summary>
    public string StandardOutput => _stdout.Text;

    public string StandardError => _stderr.Text;

    /// <summary>stdout and stderr together, for searching.</summary>
    public string Transcript => StandardOutput + StandardError;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the plugin and waits for its port. Throws if the binary is missing (run <c>make provider</c>),
    /// if the process exits first, or if the first stdout line is not just a port.
    /// </summary>
    public static async Task<PluginProcess> StartAsync(PluginStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PluginStartOptions();
        var binary = options.BinaryPath ?? RepoPaths.PluginBinary;
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"The plugin binary {binary} does not exist: run `make provider` first.", binary);
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Path.GetTempPath(),
        };
        foreach (var flag in options.Flags)
        {
            start.ArgumentList.Add(flag);
        }
        if (options.EngineAddress is not null)
        {
            start.ArgumentList.Add(options.EngineAddress);
        }
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = new OutputCapture(process.StandardOutput);
        var stderr = new OutputCapture(process.StandardError);
        try
        {
            var firstLine = await stdout.FirstLine.WaitAsync(options.StartTimeout, cancellationToken);
            var startupTime = clock.Elapsed;
            if (firstLine is null)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"the plugin exited with code {process.ExitCode} before printing its port; stderr:\n{stderr.Text}");
            }
            if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new InvalidDataException($"the plugin's first stdout line is not a port: '{firstLine}'");
            }
            return new PluginProcess(process, stdout, stderr, port, startupTime);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Kill(_process);
        await _process.WaitForExitAsync();
        // The pipes close with the process; wait so the transcript is complete.
        await Task.WhenAll(_stdout.Completion, _stderr.Completion).WaitAsync(TimeSpan.FromSeconds(5));
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
            // Already exited.
        }
    }
}

/// <summary>How <see cref="PluginProcess"/> launches the plugin; the defaults launch it as the engine does.</summary>
public sealed record PluginStartOptions
{
    /// <summary>The engine's gRPC address (host:port), passed as the last argument; null starts the plugin without one.</summary>
    public string? EngineAddress { get; init; }

    /// <summary>Arguments before the address, e.g. the engine's <c>--logtostderr</c>, <c>-v=9</c>, <c>--tracing url</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Variables set for the plugin on top of the inherited environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The plugin executable; defaults to <see cref="RepoPaths.PluginBinary"/>.</summary>
    public string? BinaryPath { get; init; }

    /// <summary>The working directory; defaults to the temp folder, as the engine starts plugins outside their own folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long to wait for the port line (the engine waits 10 s).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
