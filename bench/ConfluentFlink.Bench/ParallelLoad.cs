using System.Diagnostics;
using ConfluentFlink.FlinkApiEmulator.Faults;
using Google.Protobuf.WellKnownTypes;
using ConfluentFlink.Harness;

namespace ConfluentFlink.Bench;

/// <summary>
/// Many creates, then as many deletes, issued concurrently at a fixed parallelism (the engine's default of
/// 4 × CPUs, and 64): throughput through the plugin against the same requests made directly, and errors.
/// Run twice: against the bare emulator (answers in microseconds, so the run is CPU-bound and the plugin's extra
/// process and gRPC hop show at full weight on a small machine), and with a service latency added by the
/// emulator (as Confluent Cloud answers in tens of milliseconds), where the plugin's overhead is what a user sees.
/// </summary>
public static class ParallelLoad
{
    public const double ThroughputGoal = 0.8;

    public const int ServiceLatencyMs = 20;

    public static async Task MeasureAsync(StackOptions options, int operations, Report report)
    {
        await using var stack = await TestStack.StartAsync(options);
        using var direct = new DirectApi(stack);
        var engine = stack.Engine;
        const string section = "Parallel load";
        foreach (var latencyMs in new[] { 0, ServiceLatencyMs })
        foreach (var parallelism in new[] { 4 * Environment.ProcessorCount, 64 })
        {
            stack.Emulator.Faults.Set(new FaultPlan { DelayMs = latencyMs });
            var setting = latencyMs == 0 ? $"parallelism {parallelism}, bare emulator" : $"parallelism {parallelism}, {latencyMs} ms service latency";
            var names = Enumerable.Range(0, operations).Select(i => $"load-{latencyMs}-{parallelism}-{i}").ToList();
            // The engine's Checks come first, untimed: the phase measures Create and Delete.
            var inputs = new Dictionary<string, Struct>();
            foreach (var name in names) inputs[name] = await DirectApi.CheckAsync(engine, name);
            var outputs = new System.Collections.Concurrent.ConcurrentDictionary<string, Struct>();

            var pluginCreate = await RunAsync(names, parallelism, async name =>
                outputs[name] = (await engine.CreateAsync(name, inputs[name])).Properties);
            var pluginDelete = await RunAsync(names, parallelism, name =>
                engine.DeleteAsync(name, TestStack.IdOf(name), outputs.GetValueOrDefault(name) ?? new Struct(), inputs[name]));
            var directCreate = await RunAsync(names, parallelism, name => direct.CreateAsync($"direct-{name}"));
            var directDelete = await RunAsync(names, parallelism, name => direct.DeleteAsync($"direct-{name}"));
            stack.Emulator.Store.Clear();

            Add(report, section, $"{operations} creates, {setting}", pluginCreate, directCreate);
            Add(report, section, $"{operations} deletes, {setting}", pluginDelete, directDelete);
        }
        stack.Emulator.Faults.Clear();
    }

    private static void Add(Report report, string section, string measure, Phase plugin, Phase direct)
    {
        var ratio = plugin.PerSecond / direct.PerSecond;
        report.Add(section, new Row(measure, $"{plugin.PerSecond:0} ops/s, {plugin.Errors} errors",
            $"direct HTTP {direct.PerSecond:0} ops/s, {direct.Errors} errors", Report.Times(ratio),
            $"≥ {ThroughputGoal:0.0}x, 0 errors", ratio >= ThroughputGoal && plugin.Errors == 0));
    }

    private sealed record Phase(double PerSecond, int Errors);

    private static async Task<Phase> RunAsync(IReadOnlyList<string> names, int parallelism, Func<string, Task> operation)
    {
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, _) =>
        {
            try
            {
                await operation(name);
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
        });
        return new Phase(names.Count / clock.Elapsed.TotalSeconds, errors);
    }
}
