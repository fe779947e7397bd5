using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ConfluentFlink.Plugin.Tests.Storm;

/// <summary>
/// How a failed create reads: <c>InitFailed</c> carries an id, so Pulumi records the connection; <c>AbsentAfterLookup</c>
/// lost its answer and a lookup found nothing; <c>MayExist</c> could not find out, and names the connection and its import
/// command; <c>Plain</c> is any other error. Only an InitFailed connection exists as far as the stack knows.
/// </summary>
public enum CreateFailureKind { InitFailed, AbsentAfterLookup, MayExist, Plain }

/// <summary>
/// Connection lifecycles (create, refresh, update, and for two thirds of them destroy), each driven by its own
/// <see cref="MiniEngine"/> over the plugin's one client, 16 at a time. The account is Pulumi's: what each stack holds
/// after its steps, and what each failed create and delete said.
/// </summary>
internal sealed partial class StormRun(ResourceProvider.ResourceProviderClient client, Secrets secrets)
{
    private const int Parallelism = 16;

    private readonly ConcurrentDictionary<string, MiniEngine> _stacks = new();
    private readonly ConcurrentDictionary<string, CreateFailureKind> _failedCreates = new();
    private readonly ConcurrentDictionary<string, bool> _deletesInDoubt = new();
    private int _operations;
    private int _finished;

    /// <summary>The faults of every storm: 503, 429 with Retry-After, drops and slow answers, and writes that commit but lose their answer.</summary>
    public static FaultPlan Faults(int seed, int connections) => new()
    {
        RetryAfterSeconds = 1,
        // Some healthy-looking writes commit and then answer 503: the retry meets 409 (create) or a stale version (update).
        CommitThenFailNext = connections / 5,
        CommitThenFailStatus = 503,
        Storm = new StormPlan { Seed = seed, P503 = 0.20, P429 = 0.10, PDrop = 0.05, PSlow = 0.10, SlowMs = 150 },
    };

    /// <summary>Every failed step as "kind status: message".</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>Wrong answers: an error that is not clear (see <see cref="CallOutcomes.Unclear"/>), or a refresh that lost a connection.</summary>
    public ConcurrentBag<string> Problems { get; } = [];

    public int Finished => Volatile.Read(ref _finished);

    /// <summary>The Flink secret and every key the lifecycles used.</summary>
    public Secrets Secrets => secrets;

    /// <summary>The connections the stacks hold.</summary>
    public IEnumerable<string> ReportedExisting => _stacks.Where(s => s.Value.State.ContainsKey(s.Key)).Select(s => s.Key);

    /// <summary>Names whose create error said they may exist and gave the import command.</summary>
    public IEnumerable<string> NamedMayExist => Named(CreateFailureKind.MayExist);

    /// <summary>The lifecycles of connections storm-0 to storm-(count-1).</summary>
    public Task LiveAllAsync(int count) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, _) =>
        {
            try
            {
                await LiveAsync($"storm-{index}", keep: index % 3 == 0);
            }
            finally
            {
                Interlocked.Increment(ref _finished);
            }
        });

    /// <summary>In the backend, while the plugin said the create failed without saying it may exist.</summary>
    public IReadOnlyList<string> Orphans(IEnumerable<string> storedNames) => storedNames.Except(ReportedExisting).Except(NamedMayExist).Order().ToList();

    /// <summary>Held by a stack but not in the backend, other than after a delete whose error said it may have happened.</summary>
    public IReadOnlyList<string> Phantoms(IEnumerable<string> storedNames) => ReportedExisting.Except(storedNames).Except(_deletesInDoubt.Keys).Order().ToList();

    /// <summary>The run's figures against what the backend holds.</summary>
    public StormFigures Figures(string run, int seed, IReadOnlyList<string> storedNames, string pluginTranscript, TimeSpan duration)
    {
        var adopted = AdoptedName().Matches(pluginTranscript).Select(m => m.Groups[1].Value).Distinct().Count(n => !_failedCreates.ContainsKey(n));
        var failuresByKind = Failures.GroupBy(f => f.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
        return new StormFigures(run, ChaosScale.Factor, seed, _stacks.Count, _operations, Failures.IsEmpty ? "none" : string.Join(", ", failuresByKind),
            adopted, Named(CreateFailureKind.InitFailed).Count(), Named(CreateFailureKind.AbsentAfterLookup).Count(), NamedMayExist.Count(),
            Orphans(storedNames).Count, Phantoms(storedNames).Count, storedNames.Count - storedNames.Distinct().Count(), duration);
    }

    private IEnumerable<string> Named(CreateFailureKind kind) => _failedCreates.Where(f => f.Value == kind).Select(f => f.Key);

    private async Task LiveAsync(string name, bool keep)
    {
        var stack = _stacks[name] = new MiniEngine(client);
        var create = await StepAsync(stack.UpAsync(PluginStack.OpenAi(name, secrets.New($"sk-{name}"))));
        if (!create.Succeeded) _failedCreates[name] = Classify(create);
        if (!stack.State.ContainsKey(name)) return;

        if ((await StepAsync(stack.RefreshAsync())).Note == MiniEngine.GoneNote) Problems.Add($"a refresh dropped {name}, which exists");
        await StepAsync(stack.UpAsync(PluginStack.OpenAi(name, secrets.New($"sk-{name}-rotated"))));
        if (keep) return; // a third stay, so the final comparison covers both outcomes
        if ((await StepAsync(stack.DestroyAsync())).Error?.Contains("may or may not have happened", StringComparison.Ordinal) == true)
            _deletesInDoubt[name] = true;
    }

    private async Task<Step> StepAsync(Task<IReadOnlyList<Step>> steps)
    {
        Interlocked.Increment(ref _operations);
        var step = (await steps).Single();
        if (step.Succeeded) return step;
        Failures.Add($"{step.Kind.ToString().ToLowerInvariant()} {step.Status}: {step.Failure?.Status.Detail ?? step.Error}");
        if ((step.Failure is null ? step.Error : CallOutcomes.Unclear(step.Failure, secrets.All)) is { } problem)
            Problems.Add($"{step.Kind} of {step.Resource}: {problem}");
        return step;
    }

    /// <summary>How a failed create reads to Pulumi and to its user.</summary>
    private static CreateFailureKind Classify(Step create) =>
        create.Failure is { } failure && MiniEngine.InitFailure(failure) is { Id.Length: > 0 } ? CreateFailureKind.InitFailed
        : create.Error!.Contains("may exist", StringComparison.Ordinal) && create.Error.Contains(PluginStack.ImportCommand(create.Resource), StringComparison.Ordinal)
            ? CreateFailureKind.MayExist
        : create.Error.Contains("A lookup found no connection named", StringComparison.Ordinal) ? CreateFailureKind.AbsentAfterLookup
        : CreateFailureKind.Plain;

    // The client's log line when a lookup found a connection born during its create.
    [GeneratedRegex(@"Adopted connection (storm-\d+):")]
    private static partial Regex AdoptedName();
}
