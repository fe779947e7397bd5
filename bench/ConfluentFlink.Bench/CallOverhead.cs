using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Bench;

/// <summary>
/// Latency of single calls, one at a time. Check and Diff need no network: their baseline is GetPluginInfo, the
/// bare gRPC round trip. Create and Read are timed against the same request sent directly with HttpClient,
/// interleaved call by call so drift in the machine's load affects both equally.
/// </summary>
public static class CallOverhead
{
    public const double AddedCreateGoalMs = 1;

    public static async Task MeasureAsync(StackOptions options, int localCalls, int apiCalls, Report report)
    {
        await using var stack = await TestStack.StartAsync(options);
        using var direct = new DirectApi(stack);
        var engine = stack.Engine;
        var inputs = await DirectApi.CheckAsync(engine, "overhead-probe");

        var rpc = await Samples.TimeAsync(localCalls, localCalls / 10, async _ => await stack.Client.GetPluginInfoAsync(new Empty()));
        var check = await Samples.TimeAsync(localCalls, localCalls / 10, async _ =>
            await engine.CheckAsync("overhead-probe", new Struct(), DirectApi.Inputs("overhead-probe")));
        var diff = await Samples.TimeAsync(localCalls, localCalls / 10, async _ =>
            await engine.DiffAsync("overhead-probe", TestStack.IdOf("overhead-probe"), inputs, inputs, inputs));

        var (pluginCreate, directCreate, pluginRead, directRead) = await CreateAndReadAsync(engine, direct, apiCalls);

        const string section = "Per-call overhead (sequential)";
        var baseline = $"GetPluginInfo {Report.Ms(rpc.Median)} / {Report.Ms(rpc.Percentile(99))}";
        report.Add(section, new Row($"Check p50 / p99 ({localCalls} calls)", $"{Report.Ms(check.Median)} / {Report.Ms(check.Percentile(99))}",
            baseline, $"{Report.Times(check.Median / rpc.Median)} at p50", "-", null));
        report.Add(section, new Row($"Diff p50 / p99 ({localCalls} calls)", $"{Report.Ms(diff.Median)} / {Report.Ms(diff.Percentile(99))}",
            baseline, $"{Report.Times(diff.Median / rpc.Median)} at p50", "-", null));
        var added = pluginCreate.Median - directCreate.Median;
        report.Add(section, new Row($"Create p50 / p99 ({apiCalls} calls)", $"{Report.Ms(pluginCreate.Median)} / {Report.Ms(pluginCreate.Percentile(99))}",
            $"direct POST {Report.Ms(directCreate.Median)} / {Report.Ms(directCreate.Percentile(99))}", $"+{Report.Ms(added)} at p50",
            $"≤ +{AddedCreateGoalMs} ms at p50", added <= AddedCreateGoalMs));
        report.Add(section, new Row($"Read p50 / p99 ({apiCalls} calls)", $"{Report.Ms(pluginRead.Median)} / {Report.Ms(pluginRead.Percentile(99))}",
            $"direct GET {Report.Ms(directRead.Median)} / {Report.Ms(directRead.Percentile(99))}",
            $"+{Report.Ms(pluginRead.Median - directRead.Median)} at p50", "-", null));
    }

    private static async Task<(Samples, Samples, Samples, Samples)> CreateAndReadAsync(MiniEngine engine, DirectApi direct, int calls)
    {
        var pluginCreate = new Samples();
        var directCreate = new Samples();
        var created = new List<(string Name, Struct Outputs, Struct Inputs)>();
        for (var i = -calls / 10; i < calls; i++) // negative indexes warm up both paths
        {
            var name = $"overhead-{i + calls}";
            var inputs = await DirectApi.CheckAsync(engine, name); // the engine's Check, not part of Create's time
            var clock = Stopwatch.StartNew();
            var response = await engine.CreateAsync(name, inputs);
            if (i >= 0) pluginCreate.Add(clock.Elapsed);
            created.Add((name, response.Properties, inputs));

            clock.Restart();
            await direct.CreateAsync($"direct-{name}");
            if (i >= 0) directCreate.Add(clock.Elapsed);
        }

        var pluginRead = new Samples();
        var directRead = new Samples();
        foreach (var (name, outputs, inputs) in created.Skip(calls / 10))
        {
            var clock = Stopwatch.StartNew();
            await engine.ReadAsync(name, TestStack.IdOf(name), outputs, inputs);
            pluginRead.Add(clock.Elapsed);

            clock.Restart();
            await direct.ReadAsync($"direct-{name}");
            directRead.Add(clock.Elapsed);
        }
        return (pluginCreate, directCreate, pluginRead, directRead);
    }
}
