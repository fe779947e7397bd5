namespace ConfluentFlink.Harness;

/// <summary>
/// The published Flink API emulator (<c>make emulator-bin</c>) as a child process: its first stdout line is
/// its base URL. Credentials default to emulator-key / emulator-secret unless FLINK_API_KEY / FLINK_API_SECRET
/// are given in the environment. Disposing kills it.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    public const string DefaultApiKey = "emulator-key";
    public const string DefaultApiSecret = "emulator-secret";

    private readonly System.Diagnostics.Process _process;
    private readonly OutputCapture _stdout;
    private readonly OutputCapture _stderr;

    private EmulatorProcess(System.Diagnostics.Process process, OutputCapture stdout, OutputCapture stderr, Uri baseUrl)
    {
        _process = process;
        _stdout = stdout;
        _stderr = stderr;
        BaseUrl = baseUrl;
    }

    /// <summary>The REST endpoint to give the provider (config <c>flinkRestEndpoint</c> or FLINK_REST_ENDPOINT).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Everything the emulator wrote, for secret scans.</summary>
    public string Transcript => _stdout.Text + _stderr.Text;

    public static async Task<EmulatorProcess> StartAsync(IReadOnlyDictionary<string, string?>? environment = null, string? binaryPath = null)
    {
        var binary = binaryPath ?? RepoPaths.EmulatorBinary;
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"The emulator binary {binary} does not exist: run `make emulator-bin` first.", binary);
        }
        var start = new System.Diagnostics.ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = new OutputCapture(process.StandardOutput);
        var stderr = new OutputCapture(process.StandardError);
        try
        {
            var line = await stdout.FirstLine.WaitAsync(TimeSpan.FromSeconds(15))
                ?? throw new InvalidOperationException($"the emulator exited before printing its URL; stderr:\n{stderr.Text}");
            return new EmulatorProcess(process, stdout, stderr, new Uri(line.Trim()));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await _process.WaitForExitAsync();
        await Task.WhenAll(_stdout.Completion, _stderr.Completion).WaitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
