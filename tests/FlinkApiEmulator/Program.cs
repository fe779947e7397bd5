using ConfluentFlink.FlinkApiEmulator;

// The standalone emulator: `dotnet ConfluentFlink.FlinkApiEmulator.dll [--port N]`.
// Its first stdout line is the base URL and nothing precedes it; every log line goes to stderr.
var options = EmulatorCommandLine.Parse(args, Environment.GetEnvironmentVariable, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

await using var server = await FlinkApiEmulatorServer.StartAsync(options);
Console.Out.WriteLine(server.BaseAddress.GetLeftPart(UriPartial.Authority));
Console.Out.Flush();
await server.WaitForShutdownAsync();
return 0;
