namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// The command line the engine starts a plugin with: optional flags, then the engine's gRPC address as the
/// last positional argument (absent when the plugin is started by hand).
/// </summary>
public sealed record PluginArguments(string? EngineAddress)
{
    public static PluginArguments Parse(IReadOnlyList<string> args)
    {
        string? engineAddress = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--tracing" or "-tracing")
            {
                i++; // its value is the next argument
            }
            else if (!arg.StartsWith('-'))
            {
                engineAddress = arg;
            }
            // Other flags (--logtostderr, -v=N, --tracing=url) carry no setting this plugin uses.
        }
        return new PluginArguments(engineAddress);
    }
}
