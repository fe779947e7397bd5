using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Harness.Lifecycle;

/// <summary>
/// Drives a provider plugin through the calls the Pulumi engine makes for preview, up, refresh, import and destroy
/// (docs/engine-behaviour.md has the facts it follows that matter most here), for programs made of resources of one
/// type, one at a time.
/// It keeps the stack's state in memory. It is a test and demo driver, not an engine: no dependencies, no parallelism.
/// As the engine does, each run draws a fresh random seed per resource and passes it to every Check of that resource
/// in the run, so a provider that generates names names a replacement anew.
/// </summary>
public sealed class MiniEngine(ResourceProvider.ResourceProviderClient provider, string type, string stack = "dev", string project = "demo")
{
    private readonly Dictionary<string, ResourceState> _state = new(StringComparer.Ordinal);

    /// <summary>The note of a refresh step whose resource no longer exists.</summary>
    public const string GoneNote = "deleted outside Pulumi: dropped from state";

    public IReadOnlyDictionary<string, ResourceState> State => _state;

    public string Urn(string name) => $"urn:pulumi:{stack}::{project}::{type}::{name}";

    /// <summary>CheckConfig then Configure, as at the start of every operation. Check failures throw.</summary>
    public async Task ConfigureAsync(Struct config, string package)
    {
        var providerUrn = $"urn:pulumi:{stack}::{project}::pulumi:providers:{package}::default";
        var checkedConfig = await provider.CheckConfigAsync(new CheckRequest { Urn = providerUrn, Olds = new Struct(), News = config });
        if (checkedConfig.Failures.Count > 0)
            throw new InvalidOperationException("provider config rejected: " + Describe(checkedConfig.Failures));
        var request = new ConfigureRequest { Args = checkedConfig.Inputs, AcceptSecrets = true, AcceptResources = true };
        foreach (var (key, value) in config.Fields.Where(f => !Wire.IsSecret(f.Value) && f.Value.KindCase == Value.KindOneofCase.StringValue))
            request.Variables[$"{package}:config:{key}"] = value.StringValue;
        await provider.ConfigureAsync(request);
    }

    public Task<IReadOnlyList<Step>> PreviewAsync(IEnumerable<ResourceGoal> program) => PlanAsync(program, preview: true);

    public Task<IReadOnlyList<Step>> UpAsync(IEnumerable<ResourceGoal> program) => PlanAsync(program, preview: false);

    public async Task<IReadOnlyList<Step>> RefreshAsync()
    {
        var steps = new List<Step>();
        foreach (var resource in _state.Values.ToList())
        {
            steps.Add(await RunStepAsync(StepKind.Refresh, resource.Name, false, async () =>
            {
                var read = await provider.ReadAsync(new ReadRequest
                {
                    Id = resource.Id, Urn = Urn(resource.Name), Name = resource.Name, Type = type,
                    Properties = resource.Outputs, Inputs = resource.Inputs,
                });
                if (read.Id.Length == 0)
                {
                    _state.Remove(resource.Name);
                    return ([], null);
                }
                _state[resource.Name] = resource with { Inputs = read.Inputs, Outputs = read.Properties };
                return (ChangedKeys(resource.Outputs, read.Properties), null);
            }) is var step && !_state.ContainsKey(resource.Name) && step.Succeeded
                ? step with { Note = GoneNote }
                : step);
        }
        return steps;
    }

    /// <summary>
    /// <c>pulumi import</c>: Read with only the id, Check the inputs it returns, then Diff against the program's
    /// resource, which must show no change for the import to be accepted.
    /// </summary>
    public Task<Step> ImportAsync(ResourceGoal goal, string id) => RunStepAsync(StepKind.Import, goal.Name, false, async () =>
    {
        var read = await provider.ReadAsync(new ReadRequest { Id = id, Urn = Urn(goal.Name), Name = goal.Name, Type = type });
        if (read.Properties is null || read.Properties.Fields.Count == 0)
            return ([], $"resource '{id}' does not exist");
        if (read.Inputs is null)
            return ([], "the provider does not support importing");
        var importedCheck = await CheckAsync(goal.Name, new Struct(), read.Inputs);
        if (importedCheck.Failures.Count > 0)
            return ([], "provider bug: the imported inputs fail Check: " + Describe(importedCheck.Failures));
        var programCheck = await CheckAsync(goal.Name, read.Inputs, goal.Inputs);
        if (programCheck.Failures.Count > 0)
            return ([], Describe(programCheck.Failures));
        var diff = await DiffAsync(read.Id, goal, read.Properties, read.Inputs, programCheck.Inputs);
        if (diff.Changes == DiffResponse.Types.DiffChanges.DiffSome)
            return (Describe(diff), "the program differs from the imported resource");
        _state[goal.Name] = new ResourceState(goal.Name, read.Id, programCheck.Inputs, read.Properties);
        return ([], null);
    });

    public async Task<IReadOnlyList<Step>> DestroyAsync()
    {
        var steps = new List<Step>();
        foreach (var resource in _state.Values.ToList())
            steps.Add(await RunStepAsync(StepKind.Delete, resource.Name, false, async () =>
            {
                await DeleteAsync(resource);
                return ([], null);
            }));
        return steps;
    }

    private async Task<IReadOnlyList<Step>> PlanAsync(IEnumerable<ResourceGoal> program, bool preview)
    {
        var goals = program.ToList();
        var steps = new List<Step>();
        foreach (var goal in goals)
            steps.Add(await PlanOneAsync(goal, preview));
        foreach (var orphan in _state.Values.Where(r => goals.All(g => g.Name != r.Name)).ToList())
            steps.Add(await RunStepAsync(StepKind.Delete, orphan.Name, preview, async () =>
            {
                if (!preview) await DeleteAsync(orphan);
                return ([], null);
            }));
        return steps;
    }

    private async Task<Step> PlanOneAsync(ResourceGoal goal, bool preview)
    {
        _state.TryGetValue(goal.Name, out var old);
        var seed = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32));
        CheckResponse check;
        try
        {
            check = await CheckAsync(goal.Name, old?.Inputs ?? new Struct(), goal.Inputs, seed);
        }
        catch (RpcException e)
        {
            return new Step(StepKind.Check, goal.Name, preview, [], e.Status.Detail);
        }
        if (check.Failures.Count > 0)
            return new Step(StepKind.Check, goal.Name, preview, check.Failures.Select(f => f.Property).ToList(), Describe(check.Failures));

        if (old is null)
            return await RunStepAsync(StepKind.Create, goal.Name, preview, async () =>
            {
                await CreateAsync(goal, check.Inputs, preview);
                return ([], null);
            });

        DiffResponse diff;
        try
        {
            diff = await DiffAsync(old.Id, goal, old.Outputs, old.Inputs, check.Inputs);
        }
        catch (RpcException e)
        {
            return new Step(StepKind.Update, goal.Name, preview, [], e.Status.Detail);
        }
        var changes = Describe(diff);
        if (diff.Changes == DiffResponse.Types.DiffChanges.DiffNone)
        {
            if (!preview) _state[goal.Name] = old with { Inputs = check.Inputs };
            return new Step(StepKind.Same, goal.Name, preview, []);
        }
        if (diff.Replaces.Count > 0)
            return await RunStepAsync(StepKind.Replace, goal.Name, preview, async () =>
            {
                await ReplaceAsync(goal, old, diff.DeleteBeforeReplace, preview, seed);
                return (changes, null);
            }) with { Note = diff.DeleteBeforeReplace ? "delete before replace" : "create before delete" };

        return await RunStepAsync(StepKind.Update, goal.Name, preview, async () =>
        {
            var updated = await provider.UpdateAsync(new UpdateRequest
            {
                Id = old.Id, Urn = Urn(goal.Name), Name = goal.Name, Type = type, Olds = old.Outputs, OldInputs = old.Inputs,
                News = check.Inputs, Preview = preview, Timeout = goal.CustomTimeoutSeconds,
            });
            if (!preview) _state[goal.Name] = old with { Inputs = check.Inputs, Outputs = updated.Properties };
            return (changes, null);
        });
    }

    private async Task ReplaceAsync(ResourceGoal goal, ResourceState old, bool deleteFirst, bool preview, ByteString seed)
    {
        // A replacement is checked as a new resource: no olds.
        var check = await CheckAsync(goal.Name, new Struct(), goal.Inputs, seed);
        if (check.Failures.Count > 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Describe(check.Failures)));
        if (preview)
        {
            await CreateAsync(goal, check.Inputs, preview: true);
            return;
        }
        if (deleteFirst)
        {
            await DeleteAsync(old, goal.CustomTimeoutSeconds);
            await CreateAsync(goal, check.Inputs, preview: false);
        }
        else
        {
            await CreateAsync(goal, check.Inputs, preview: false);
            await provider.DeleteAsync(new DeleteRequest
            {
                Id = old.Id, Urn = Urn(old.Name), Name = old.Name, Type = type, Properties = old.Outputs, OldInputs = old.Inputs,
                Timeout = goal.CustomTimeoutSeconds,
            });
        }
    }

    private async Task CreateAsync(ResourceGoal goal, Struct inputs, bool preview)
    {
        var created = await provider.CreateAsync(new CreateRequest
        {
            Urn = Urn(goal.Name), Name = goal.Name, Type = type, Properties = inputs, Preview = preview, Timeout = goal.CustomTimeoutSeconds,
        });
        if (!preview)
            _state[goal.Name] = new ResourceState(goal.Name, created.Id, inputs, created.Properties);
    }

    private async Task DeleteAsync(ResourceState resource, double timeoutSeconds = 0)
    {
        await provider.DeleteAsync(new DeleteRequest
        {
            Id = resource.Id, Urn = Urn(resource.Name), Name = resource.Name, Type = type, Properties = resource.Outputs, OldInputs = resource.Inputs,
            Timeout = timeoutSeconds,
        });
        _state.Remove(resource.Name);
    }

    private async Task<CheckResponse> CheckAsync(string name, Struct olds, Struct news, ByteString? seed = null) =>
        await provider.CheckAsync(new CheckRequest
        {
            Urn = Urn(name), Name = name, Type = type, Olds = olds, News = news,
            RandomSeed = seed ?? ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32)),
        });

    private async Task<DiffResponse> DiffAsync(string id, ResourceGoal goal, Struct olds, Struct oldInputs, Struct news)
    {
        var request = new DiffRequest { Id = id, Urn = Urn(goal.Name), Name = goal.Name, Type = type, Olds = olds, OldInputs = oldInputs, News = news };
        request.IgnoreChanges.AddRange(goal.IgnoreChanges ?? []);
        return await provider.DiffAsync(request);
    }

    private static async Task<Step> RunStepAsync(StepKind kind, string name, bool preview, Func<Task<(IReadOnlyList<string> Changes, string? Error)>> body)
    {
        try
        {
            var (changes, error) = await body();
            return new Step(kind, name, preview, changes, error);
        }
        catch (RpcException e)
        {
            return new Step(kind, name, preview, [], $"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    private static IReadOnlyList<string> Describe(DiffResponse diff) =>
        diff.DetailedDiff.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} ({KindName(d.Value.Kind)})").ToList();

    private static string KindName(PropertyDiff.Types.Kind kind) => kind switch
    {
        PropertyDiff.Types.Kind.Add => "add",
        PropertyDiff.Types.Kind.AddReplace => "add, replaces",
        PropertyDiff.Types.Kind.Delete => "delete",
        PropertyDiff.Types.Kind.DeleteReplace => "delete, replaces",
        PropertyDiff.Types.Kind.Update => "update",
        _ => "update, replaces",
    };

    private static string Describe(IEnumerable<CheckFailure> failures) => string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}"));

    private static IReadOnlyList<string> ChangedKeys(Struct before, Struct after) =>
        before.Fields.Keys.Union(after.Fields.Keys).Where(k => !Equals(before.Fields.GetValueOrDefault(k), after.Fields.GetValueOrDefault(k)))
            .Order(StringComparer.Ordinal).Select(k => $"{k} (drifted)").ToList();
}
