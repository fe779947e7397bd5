using ConfluentFlink.Bench;
using ConfluentFlink.Harness;

// `make bench`: measures the published plugin and writes bench/results.md. Options (for trying publish candidates):
//   --plugin PATH      the plugin binary (default: bin/pulumi-resource-confluentflink from `make provider`)
//   --sections LIST    any of cold,overhead,load,memory (default: all four), or release (the archives of `make dist`)
//   --out PATH         where to write the markdown (default: bench/results.md, whose sections this run does not
//                      measure are kept; "-" writes nothing)
//   --launches N       cold-start launches (default 20)
var plugin = RepoPaths.PluginBinary;
string[] pluginSections = ["cold", "overhead", "load", "memory"];
var sections = pluginSections.ToHashSet();
var output = Path.Combine(RepoPaths.RepoRoot, "bench", "results.md");
var launches = 20;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--plugin": plugin = Path.GetFullPath(args[i + 1]); break;
        case "--sections": sections = args[i + 1].Split(',').ToHashSet(); break;
        case "--out": output = args[i + 1]; break;
        case "--launches": launches = int.Parse(args[i + 1]); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}
if (sections.Overlaps(pluginSections) && !File.Exists(plugin))
{
    Console.Error.WriteLine($"{plugin} does not exist: run `make provider` first.");
    return 2;
}

var machine = Machine.Describe();
Console.WriteLine($"Benchmarking {(sections.Overlaps(pluginSections) ? plugin : "the release archives in dist/")}\n{machine}");
var report = new Report();
using (var floor = await FloorApp.PublishAsync())
{
    // Every measurement starts the plugin as the tests do: the published process, configured against an emulator.
    var stack = new StackOptions { Hosting = PluginHosting.Process, PluginBinary = plugin, MaxRetries = ConfluentFlink.Provider.Configuration.ProviderConfig.DefaultMaxRetries };
    if (sections.Contains("cold")) await ColdStart.MeasureAsync(plugin, floor, launches, report);
    if (sections.Contains("overhead")) await CallOverhead.MeasureAsync(stack, localCalls: 2000, apiCalls: 300, report);
    if (sections.Contains("load")) await ParallelLoad.MeasureAsync(stack, operations: 500, report);
    if (sections.Contains("memory")) await MemoryUse.MeasureAsync(stack, floor, operations: 5000, report);
    if (sections.Contains("release")) await ReleaseArchives.MeasureAsync(floor, launches, report);
}

if (output != "-")
{
    // Sections measured elsewhere (publish candidates, the fault storms of `make storm`) are kept from their own files.
    var notes = new[] { "publish-options.md", "reliability.md" }
        .Select(name => Path.Combine(RepoPaths.RepoRoot, "bench", name)).Where(File.Exists).Select(File.ReadAllText).ToList();
    await File.WriteAllTextAsync(output, report.Markdown(machine, Path.GetRelativePath(RepoPaths.RepoRoot, plugin),
        notes, File.Exists(output) ? await File.ReadAllTextAsync(output) : null));
    Console.WriteLine($"Wrote {output}");
}
// Missed goals are findings to read in the table, not a failed run: the exit code is for the bench breaking.
var missed = report.Rows.Where(r => r.Met == false).Select(r => r.Measure).ToList();
Console.WriteLine(missed.Count == 0 ? "Every goal met." : $"Goals missed: {string.Join("; ", missed)}");
return 0;
