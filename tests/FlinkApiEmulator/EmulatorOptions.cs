using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApiEmulator;

/// <summary>How an emulator is started. The defaults suit tests: ephemeral port, default key and secret, quiet logs.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultApiKey = "emulator-key";
    public const string DefaultApiSecret = "emulator-secret";

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }
    public string ApiKey { get; init; } = DefaultApiKey;
    public string ApiSecret { get; init; } = DefaultApiSecret;
    /// <summary>Page size when a list request names none (the API's documented default).</summary>
    public int DefaultPageSize { get; init; } = 10;
    /// <summary>Lowest level written by the loggers below.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
    /// <summary>Write logs to stderr (the process does; stdout stays reserved for the base URL).</summary>
    public bool LogToStandardError { get; init; }
    /// <summary>An extra log sink, e.g. a recording logger in tests.</summary>
    public ILoggerProvider? LoggerProvider { get; init; }
    /// <summary>The clock behind created_at/updated_at; tests set it to make a connection look old.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>Stop on Ctrl-C/SIGTERM. Only the standalone process wants this; in a test host it would steal the signals.</summary>
    public bool HandleProcessSignals { get; init; }

    public override string ToString() => $"EmulatorOptions {{ Port = {Port}, ApiKey = {ApiKey}, ApiSecret = [secret] }}";
}
