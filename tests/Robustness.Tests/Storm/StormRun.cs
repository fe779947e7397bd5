using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ConfluentFlink.FlinkApiEmulator.Admin;
using ConfluentFlink.FlinkApiEmulator.Faults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests.Storm;

/// <summary>
/// Connection lifecycles (create, read, update, and for two thirds of them delete) driven through the plugin, with
/// the plugin's own account kept as Pulumi would keep it: what it said exists, and what each failed create said.
/// </summary>
public sealed partial class StormRun(ResourceProvider.ResourceProviderClient client, string apiSecret)
{
    private const int Parallelism = 16;

    private readonly ConcurrentDictionary<string, bool> _exists = new();
    private readonly ConcurrentDictionary<string, bool> _createdOk = new();
    private readonly ConcurrentDictionary<string, CreateFailureKind> _failedCreates = new();
    private readonly ConcurrentDictionary<string, bool> _deletesInDoubt = new();
    private readonly ConcurrentBag<string> _secrets = [apiSecret];
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

    public ConcurrentBag<string> Failures { get; } = [];

    /// <summary>Failures that are not clear errors (see <see cref="CallOutcomes.Unclear"/>).</summary>
    public ConcurrentBag<string> Unclear { get; } = [];

    public IEnumerable<string> Secrets => _secrets;

    public int Finished => Volatile.Read(ref _finished);

    public IEnumerable<string> ReportedExisting => _exists.Where(e => e.Value).Select(e => e.Key);

    /// <summary>Names whose create error said they may exist and gave the import command.</summary>
    public IEnumerable<string> NamedMayExist => Named(CreateFailureKind.MayExist);

    /// <summary>The lifecycles of connections storm-0 to storm-(count-1), 16 at a time.</summary>
    public Task LiveAllAsync(int count) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (index, _) =>
            {
                try
                {
                    await LiveAsync(index);
                }
                finally
                {
                    Interlocked.Increment(ref _finished);
                }
            });

    /// <summary>The run's figures against what the backend holds.</summary>
    public StormFigures Figures(string run, int seed, int connections, IEnumerable<StoredConnectionView> stored, string pluginTranscript,
        TimeSpan duration)
    {
        var storedNames = stored.Select(c => c.Name).ToList();
        var adopted = AdoptedName().Matches(pluginTranscript).Select(m => m.Groups[1].Value).Distinct().Count(_createdOk.ContainsKey);
        var failuresByKind = Failures.GroupBy(f => f.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
        return new StormFigures(run, ChaosScale.Factor, seed, connections, _operations,
            Failures.IsEmpty ? "none" : string.Join(", ", failuresByKind),
            adopted, Named(CreateFailureKind.InitFailed).Count(), Named(CreateFailureKind.AbsentAfterLookup).Count(), NamedMayExist.Count(),
            Orphans(storedNames).Count, Phantoms(storedNames).Count, storedNames.Count - storedNames.Distinct().Count(), duration);
    }

    /// <summary>In the backend, while the plugin said the create failed without saying it may exist.</summary>
    public IReadOnlyList<string> Orphans(IEnumerable<string> storedNames) =>
        storedNames.Except(ReportedExisting).Except(NamedMayExist).Order(StringComparer.Ordinal).ToList();

    /// <summary>Reported existing but not in the backend, other than after a delete whose error said it may have happened.</summary>
    public IReadOnlyList<string> Phantoms(IEnumerable<string> storedNames) =>
        ReportedExisting.Except(storedNames).Except(_deletesInDoubt.Keys).Order(StringComparer.Ordinal).ToList();

    private IEnumerable<string> Named(CreateFailureKind kind) => _failedCreates.Where(f => f.Value == kind).Select(f => f.Key);

    private async Task LiveAsync(int index)
    {
        var name = $"storm-{index}";
        var (firstKey, secondKey) = ($"sk-storm-{index}-first", $"sk-storm-{index}-second");
        _secrets.Add(firstKey);
        _secrets.Add(secondKey);
        var id = PluginSession.IdOf(name);

        var created = await CreateAsync(name, id, firstKey);
        _exists[name] = created is not null;
        if (created is not { } resource) return;
        var (outputs, inputs) = resource;

        var read = await AttemptAsync("read", () => Lifecycle.ReadAsync(client, name, id, outputs, inputs));
        if (read.Ok) Assert.That(read.Value.Id, Is.EqualTo(id), $"{name} exists, so Read must not report it gone");

        var updated = await AttemptAsync("update", () =>
            Lifecycle.UpdateAsync(client, name, id, outputs, inputs, Lifecycle.OpenAiInputs(name, secondKey)));
        if (updated.Ok) (outputs, inputs) = updated.Value;

        if (index % 3 == 0) return; // a third stay, so the final comparison covers both outcomes
        var deleted = await AttemptAsync("delete", async () =>
        {
            await Lifecycle.DeleteAsync(client, name, id, outputs, inputs);
            return new Empty();
        });
        if (deleted.Ok) _exists[name] = false;
        else if (deleted.Failure!.Status.Detail.Contains("may or may not have happened", StringComparison.Ordinal))
            _deletesInDoubt[name] = true;
    }

    /// <summary>The created resource's outputs and inputs as Pulumi records them, or null when Pulumi records nothing.</summary>
    private async Task<(Struct Outputs, Struct Inputs)?> CreateAsync(string name, string id, string apiKey)
    {
        Interlocked.Increment(ref _operations);
        try
        {
            var (createdId, outputs, inputs) = await Lifecycle.CreateAsync(client, name, Lifecycle.OpenAiInputs(name, apiKey));
            Assert.That(createdId, Is.EqualTo(id));
            _createdOk[name] = true;
            return (outputs, inputs);
        }
        catch (RpcException failure)
        {
            Record("create", failure);
            var kind = CreateAnswer.Classify(failure, id);
            _failedCreates[name] = kind;
            return kind == CreateFailureKind.InitFailed && CreateAnswer.InitFailure(failure) is { } recorded
                ? (recorded.Properties, recorded.Inputs)
                : null;
        }
    }

    private async Task<Attempt<T>> AttemptAsync<T>(string operation, Func<Task<T>> call)
    {
        Interlocked.Increment(ref _operations);
        try
        {
            return new Attempt<T>(true, await call(), null);
        }
        catch (RpcException failure)
        {
            Record(operation, failure);
            return new Attempt<T>(false, default!, failure);
        }
    }

    /// <summary>A call's result, or the error it ended with.</summary>
    private readonly record struct Attempt<T>(bool Ok, T Value, RpcException? Failure);

    private void Record(string operation, RpcException failure)
    {
        Failures.Add($"{operation} {failure.StatusCode}: {failure.Status.Detail}");
        if (CallOutcomes.Unclear(failure, _secrets) is { } problem) Unclear.Add($"{operation}: {problem}");
    }

    // The client's log line when a lookup found a connection born during its create (see LostAnswerResolver).
    [GeneratedRegex(@"Adopted connection (storm-\d+):")]
    private static partial Regex AdoptedName();
}
