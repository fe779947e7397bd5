using System.Runtime.InteropServices;

namespace ConfluentFlink.Bench;

/// <summary>What the figures were measured on, printed with them: timings mean little without the machine.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var memoryGb = memory is null ? "?" : $"{long.Parse(memory.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0:0.0} GB";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        // Other work on the machine slows every figure, the baselines too: say how busy it was.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{Environment.ProcessorCount} cores, {memoryGb} memory, {os ?? RuntimeInformation.OSDescription} " +
               $"({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
               $"load average {load} at the start";
    }
}
