using System.Diagnostics;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Bench;

/// <summary>
/// Process start → port on stdout, and → first answered GetPluginInfo (what the engine waits for), median over many
/// launches, beside the floor program's start → first line. Launches alternate plugin/floor so machine noise hits both alike.
/// </summary>
public static class ColdStart
{
    public const double FirstRpcGoalMs = 150;

    public static async Task MeasureAsync(string pluginBinary, FloorApp floor, int launches, Report report,
        string section = "Cold start", string subject = "")
    {
        await using var engine = await EngineStub.StartAsync();
        var toPort = new Samples();
        var toFirstRpc = new Samples();
        var floorToLine = new Samples();
        for (var i = -1; i < launches; i++) // launch -1 warms the bench's own client code and the disk cache
        {
            var clock = Stopwatch.StartNew();
            await using (var plugin = await PluginProcess.StartAsync(new PluginStartOptions { BinaryPath = pluginBinary, EngineAddress = engine.Address }))
            {
                await plugin.Client.GetPluginInfoAsync(new Empty());
                var firstRpc = clock.Elapsed;
                if (i >= 0)
                {
                    toPort.Add(plugin.StartupTime);
                    toFirstRpc.Add(firstRpc);
                }
            }
            var floorTime = await floor.LaunchAsync();
            if (i >= 0) floorToLine.Add(floorTime);
        }

        report.Add(section, new Row($"{subject}start → port on stdout (median of {launches})", Report.Ms(toPort.Median),
            $"{Report.Ms(floorToLine.Median)} (trivial console program → first line)", Report.Times(toPort.Median / floorToLine.Median), "-", null));
        report.Add(section, new Row($"{subject}start → first answered GetPluginInfo (median of {launches})", Report.Ms(toFirstRpc.Median),
            $"{Report.Ms(floorToLine.Median)} (trivial console program → first line)", Report.Times(toFirstRpc.Median / floorToLine.Median),
            $"≤ {FirstRpcGoalMs} ms", toFirstRpc.Median <= FirstRpcGoalMs));
    }
}
