using Pulumirpc;

namespace ConfluentFlink.Provider.Logging;

/// <summary>Feeds log records of level Information and above to the <see cref="EngineLogForwarder"/>.</summary>
internal sealed class EngineLoggerProvider(EngineLogForwarder forwarder) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new EngineLogger(forwarder);

    public void Dispose()
    {
    }

    private sealed class EngineLogger(EngineLogForwarder forwarder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // Only the formatted message: an exception's own message could carry request content.
                forwarder.Post(SeverityOf(logLevel), formatter(state, null));
            }
        }

        private static LogSeverity SeverityOf(LogLevel level) => level switch
        {
            LogLevel.Information => LogSeverity.Info,
            LogLevel.Warning => LogSeverity.Warning,
            _ => LogSeverity.Error,
        };
    }
}
