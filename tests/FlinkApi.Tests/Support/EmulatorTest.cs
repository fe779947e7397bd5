using ConfluentFlink.FlinkApiEmulator;
using ConfluentFlink.FlinkApiEmulator.Admin;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>
/// One in-process emulator per fixture (started with the test secrets), emptied before each test; its log lines go
/// into the same recording as the client's so the leak scan covers both sides.
/// </summary>
public abstract class EmulatorTest : LeakCheckedTest
{
    private readonly ForwardingLoggerProvider _emulatorLogs = new();
    private protected FlinkApiEmulatorServer Emulator { get; private set; } = null!;
    private protected EmulatorAdminClient Admin { get; private set; } = null!;
    private protected ShiftableClock EmulatorClock { get; } = new();

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        Emulator = await FlinkApiEmulatorServer.StartAsync(new EmulatorOptions
        {
            ApiKey = TestSecrets.ApiKey,
            ApiSecret = TestSecrets.ApiSecret,
            MinimumLogLevel = LogLevel.Trace,
            LoggerProvider = _emulatorLogs,
            Clock = EmulatorClock,
        });
        Admin = Emulator.CreateAdminClient();
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        Admin.Dispose();
        await Emulator.DisposeAsync();
    }

    [SetUp]
    public async Task ResetEmulator()
    {
        _emulatorLogs.Target = Logs;
        EmulatorClock.Offset = TimeSpan.Zero;
        await Admin.ResetAsync();
    }

    private protected IFlinkConnectionsClient Client(int maxRetries = 3, string? secret = null) =>
        Client(Settings(Emulator.BaseAddress, maxRetries, secret));

    private protected IFlinkConnectionsClient Client(FlinkApiSettings settings) => FlinkConnectionsClient.Create(settings, ClientLogger);

    /// <summary>The emulator is built once per fixture but each test records into its own log; this points it there.</summary>
    private sealed class ForwardingLoggerProvider : ILoggerProvider
    {
        public RecordingLoggerProvider? Target { get; set; }

        public ILogger CreateLogger(string categoryName) => new ForwardingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class ForwardingLogger(ForwardingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
                owner.Target?.CreateLogger(category).BeginScope(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                owner.Target?.CreateLogger(category).Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
