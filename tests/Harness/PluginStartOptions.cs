namespace ConfluentFlink.Harness;

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
