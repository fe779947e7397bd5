using System.Diagnostics;

namespace ConfluentFlink.Bench;

/// <summary>
/// The runtime's floor: a trivial console program, published here the default way, that prints a number and a
/// newline (as the plugin prints its port) and then waits for stdin to close. Whatever the plugin takes beyond
/// this is the plugin's own start-up cost.
/// </summary>
public sealed class FloorApp : IDisposable
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>floor</AssemblyName>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    private const string Program = """
        Console.Out.Write("12345\n");
        Console.Out.Flush();
        Console.In.ReadToEnd();
        """;

    private readonly string _root;

    private FloorApp(string root, string binary)
    {
        _root = root;
        Binary = binary;
    }

    public string Binary { get; }

    public static async Task<FloorApp> PublishAsync()
    {
        var root = Directory.CreateTempSubdirectory("confluentflink-bench-floor-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "floor.csproj"), Project);
        await File.WriteAllTextAsync(Path.Combine(root, "Program.cs"), Program);
        var publish = new ProcessStartInfo("dotnet", ["publish", "floor.csproj", "-c", "Release", "-o", "out", "-nologo", "-v", "quiet"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        publish.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Directory.Delete(root, recursive: true);
            throw new InvalidOperationException($"publishing the floor program failed:\n{await output}{await errors}");
        }
        return new FloorApp(root, Path.Combine(root, "out", "floor"));
    }

    /// <summary>Starts it, waits for its first line, and returns that time; <paramref name="whileRunning"/> sees its pid.</summary>
    public async Task<TimeSpan> LaunchAsync(Func<int, Task>? whileRunning = null)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var elapsed = clock.Elapsed;
            if (line != "12345") throw new InvalidOperationException($"the floor program printed '{line}'");
            if (whileRunning is not null) await whileRunning(process.Id);
            return elapsed;
        }
        finally
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000)) process.Kill();
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
