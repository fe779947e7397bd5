using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Protocol;
using ConfluentFlink.Provider.Resources;

// The engine reads stdout up to the first newline as the port: nothing else may ever be written there.
var arguments = PluginArguments.Parse(args);
await using var host = await PluginHost.StartAsync(arguments, logger =>
    new FlinkProvider(settings => FlinkConnectionsClient.Create(settings, logger), Environment.GetEnvironmentVariable, logger));
await Console.Out.WriteAsync($"{host.Port}\n");
await Console.Out.FlushAsync();
await host.WaitForShutdownAsync();
