using System.Reflection;
using ConfluentFlink.Provider;
using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Schema;

// The engine reads stdout up to the first newline as the port: nothing else may ever be written there.
await using var host = await Plugin.StartAsync(PluginArguments.Parse(args).EngineAddress, Environment.GetEnvironmentVariable);
await Console.Out.WriteAsync($"{host.Port}\n");
await Console.Out.FlushAsync();
await host.WaitForShutdownAsync();

namespace ConfluentFlink.Provider
{
    /// <summary>The plugin put together: the gRPC host over the confluentflink provider, as the engine starts it.</summary>
    public static class Plugin
    {
        /// <summary>
        /// The product's version (one for every assembly of the plugin, from schema.json through Directory.Build.props) as
        /// semver, without the "+commit" build metadata the engine would refuse.
        /// </summary>
        public static string Version { get; } = typeof(Plugin).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?
            .InformationalVersion.Split('+')[0] ?? "0.0.0";

        /// <param name="engineAddress">Where the engine's Log service listens; null when the plugin is started by hand.</param>
        /// <param name="environment">Reads an environment variable: the settings' fallbacks and import's credentials.</param>
        public static Task<PluginHost> StartAsync(string? engineAddress, Func<string, string?> environment) =>
            PluginHost.StartAsync(new PluginIdentity(Version, PackageSpec.EmbeddedJson), engineAddress,
                logger => new FlinkProvider(Version, environment, logger));
    }
}
