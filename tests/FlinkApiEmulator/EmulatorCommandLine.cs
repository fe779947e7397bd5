using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ConfluentFlink.FlinkApiEmulator;

/// <summary>
/// The standalone process's two knobs. Two options do not justify a parser library.
/// Port: <c>--port N</c>, else <c>EMULATOR_PORT</c>, else a free one. Credentials: <c>FLINK_API_KEY</c> /
/// <c>FLINK_API_SECRET</c>, else the documented defaults. <c>EMULATOR_LOG_LEVEL</c> sets the stderr log level.
/// </summary>
public static class EmulatorCommandLine
{
    public const string Usage =
        "usage: ConfluentFlink.FlinkApiEmulator [--port N]   (env: EMULATOR_PORT, FLINK_API_KEY, FLINK_API_SECRET, EMULATOR_LOG_LEVEL)";

    public static EmulatorOptions? Parse(string[] args, Func<string, string?> environment, out string? error)
    {
        error = null;
        var portText = NonEmpty(environment("EMULATOR_PORT"));
        var portSource = "EMULATOR_PORT";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length:
                    portText = args[++i];
                    portSource = "--port";
                    break;
                case var arg when arg.StartsWith("--port=", StringComparison.Ordinal):
                    portText = arg["--port=".Length..];
                    portSource = "--port";
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        var port = 0;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            error = $"{portSource} must be a port number from 0 to 65535, got '{portText}'";
            return null;
        }

        var level = LogLevel.Information;
        if (NonEmpty(environment("EMULATOR_LOG_LEVEL")) is { } levelText && !Enum.TryParse(levelText, ignoreCase: true, out level))
        {
            error = $"EMULATOR_LOG_LEVEL must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}, got '{levelText}'";
            return null;
        }

        return new EmulatorOptions
        {
            Port = port,
            ApiKey = NonEmpty(environment("FLINK_API_KEY")) ?? EmulatorOptions.DefaultApiKey,
            ApiSecret = NonEmpty(environment("FLINK_API_SECRET")) ?? EmulatorOptions.DefaultApiSecret,
            MinimumLogLevel = level,
            LogToStandardError = true,
            HandleProcessSignals = true,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
