using Pulumirpc;

namespace ConfluentFlink.Provider.Logging;

/// <summary>
/// Feeds log records of level Information and above to the <see cref="EngineLogForwarder"/>, each with the URN of the
/// innermost <see cref="ResourceLogScope"/> around it (scopes flow with the async call, into the REST client too).
/// </summary>
internal sealed class EngineLoggerProvider(EngineLogForwarder forwarder) : ILoggerProvider, ISupportExternalScope
{
    private readonly EngineLogForwarder _forwarder = forwarder;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new EngineLogger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private string CurrentUrn()
    {
        var urn = "";
        _scopes.ForEachScope((scope, _) =>
        {
            if (scope is ResourceLogScope resource)
                urn = resource.Urn;
        }, (object?)null);
        return urn;
    }

    private sealed class EngineLogger(EngineLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // Only the formatted message: an exception's own message could carry request content.
                owner._forwarder.Post(SeverityOf(logLevel), formatter(state, null), owner.CurrentUrn());
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
