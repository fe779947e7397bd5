using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Bench;

/// <summary>
/// Resident memory of a fresh plugin when idle after start, and after thousands of operations (Check, Create,
/// Read, Delete at the engine's parallelism): growth that stays put across the load is a leak. The floor program's
/// idle RSS is the baseline: what any .NET process costs.
/// </summary>
public static class MemoryUse
{
    public const double IdleGoalMb = 80;
    public const double GrowthGoalMb = 20;

    public static async Task MeasureAsync(StackOptions options, FloorApp floor, int operations, Report report)
    {
        double floorIdle = 0;
        await floor.LaunchAsync(async pid =>
        {
            await Task.Delay(1000);
            floorIdle = ProcessMemory.ResidentMegabytes(pid);
        });

        await using var stack = await TestStack.StartAsync(options);
        var pid = ProcessMemory.FindChild(options.PluginBinary!);
        await stack.Client.GetPluginInfoAsync(new Empty());
        await Task.Delay(1000);
        var idle = ProcessMemory.ResidentMegabytes(pid);

        await RunLoadAsync(stack.Engine, operations, "first");
        var after = ProcessMemory.ResidentMegabytes(pid);
        // A second, identical load: memory the first one reserved (pools, threads, GC budget) is reused, so only a
        // leak keeps growing here.
        await RunLoadAsync(stack.Engine, operations, "second");
        var afterSecond = ProcessMemory.ResidentMegabytes(pid);

        const string section = "Memory (VmRSS)";
        report.Add(section, new Row("idle after start and Configure", $"{idle:0.0} MB", $"{floorIdle:0.0} MB (trivial console program, idle)",
            Report.Times(idle / floorIdle), $"≤ {IdleGoalMb:0} MB", idle <= IdleGoalMb));
        report.Add(section, new Row($"after {operations} operations", $"{after:0.0} MB (+{after - idle:0.0} MB)", $"{idle:0.0} MB (idle, same process)",
            Report.Times(after / idle), $"growth ≤ {GrowthGoalMb:0} MB", after - idle <= GrowthGoalMb));
        report.Add(section, new Row($"after {operations} more operations (leak check)", $"{afterSecond:0.0} MB ({afterSecond - after:+0.0;-0.0} MB)",
            $"{after:0.0} MB (after the first {operations})", Report.Times(afterSecond / after), $"growth ≤ {GrowthGoalMb:0} MB",
            afterSecond - after <= GrowthGoalMb));
    }

    private static async Task RunLoadAsync(MiniEngine engine, int operations, string batch)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, operations / 4), new ParallelOptions { MaxDegreeOfParallelism = 4 * Environment.ProcessorCount },
            async (i, _) =>
            {
                var name = $"memory-{batch}-{i}";
                var inputs = await DirectApi.CheckAsync(engine, name);
                var outputs = (await engine.CreateAsync(name, inputs)).Properties;
                await engine.ReadAsync(name, TestStack.IdOf(name), outputs, inputs);
                await engine.DeleteAsync(name, TestStack.IdOf(name), outputs, inputs);
            });
        await Task.Delay(2000);
    }
}
