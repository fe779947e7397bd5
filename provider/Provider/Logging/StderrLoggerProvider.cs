namespace ConfluentFlink.Provider.Logging;

/// <summary>
/// One line per record on stderr (stdout belongs to the engine handshake). Written here rather than taken
/// from Microsoft.Extensions.Logging.Console because that one's options machinery costs a noticeable part of
/// the plugin's start-up, which every Pulumi command pays.
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class StderrLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            // The exception's type only: its message could carry request content.
            var suffix = exception is null ? "" : $" ({exception.GetType().FullName})";
            // Console.Error is synchronized, so concurrent calls never interleave within a line.
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {Level(logLevel)} {category}: {formatter(state, null)}{suffix}");
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
