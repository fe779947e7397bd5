using System.Security.Cryptography;
using ConfluentFlink.Schema;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Harness;

/// <summary>
/// Drives the plugin through the calls the Pulumi engine makes for preview, up, refresh, import and destroy
/// (docs/engine-behaviour.md has the facts it follows), for programs of <c>FlinkConnection</c>s, one resource at a time.
/// It keeps the stack's state in memory, and records a resource whose create or update failed with
/// <c>ErrorResourceInitFailed</c>, as the engine does. As the engine does, each run draws a fresh random seed per
/// resource and passes it to every Check of that resource in the run, so a generated name is generated anew for a
/// replacement. A test and demo driver, not an engine: no dependencies, no parallelism within one instance.
/// </summary>
public sealed class MiniEngine(ResourceProvider.ResourceProviderClient provider, string stack = "dev", string project = "demo")
{
    public const string Package = "confluentflink";
    private const string Type = Tokens.FlinkConnection;

    private readonly Dictionary<string, ResourceState> _state = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ResourceState> State => _state;

    public ResourceProvider.ResourceProviderClient Provider => provider;

    public string Urn(string name) => $"urn:pulumi:{stack}::{project}::{Type}::{name}";

    /// <summary>CheckConfig then Configure, as at the start of every operation; the checked config's failures are returned, and none means configured.</summary>
    public async Task<IReadOnlyList<Pulumirpc.CheckFailure>> ConfigureAsync(Struct config)
    {
        var checkedConfig = await provider.CheckConfigAsync(new CheckRequest
        {
            Urn = $"urn:pulumi:{stack}::{project}::pulumi:providers:{Package}::default", Olds = new Struct(), News = config,
        });
        if (checkedConfig.Failures.Count > 0)
            return checkedConfig.Failures;
        var request = new ConfigureRequest { Args = checkedConfig.Inputs, AcceptSecrets = true, AcceptResources = true };
        foreach (var (key, value) in config.Fields.Where(f => !Wire.IsSecret(f.Value) && f.Value.KindCase == Value.KindOneofCase.StringValue))
            request.Variables[$"{Package}:config:{key}"] = value.StringValue;
        await provider.ConfigureAsync(request);
        return [];
    }

    public Task<IReadOnlyList<Step>> PreviewAsync(params ResourceGoal[] program) => PlanAsync(program, preview: true);

    public Task<IReadOnlyList<Step>> UpAsync(params ResourceGoal[] program) => PlanAsync(program, preview: false);

    public async Task<IReadOnlyList<Step>> RefreshAsync()
    {
        var steps = new List<Step>();
        foreach (var resource in _state.Values.ToList())
            steps.Add(await RunStepAsync(StepKind.Refresh, resource.Name, false, async () =>
            {
                var read = await ReadAsync(resource.Name, resource.Id, resource.Outputs, resource.Inputs);
                if (read.Id.Length == 0)
                {
                    _state.Remove(resource.Name);
                    return ([], GoneNote);
                }
                _state[resource.Name] = resource with { Inputs = read.Inputs, Outputs = read.Properties };
                return (resource.Outputs.Fields.Keys.Union(read.Properties.Fields.Keys)
                    .Where(k => !Equals(resource.Outputs.Fields.GetValueOrDefault(k), read.Properties.Fields.GetValueOrDefault(k)))
                    .Order(StringComparer.Ordinal).Select(k => $"{k} (drifted)").ToList(), null);
            }));
        return steps;
    }

    /// <summary>The note of a refresh step whose resource no longer exists.</summary>
    public const string GoneNote = "deleted outside Pulumi: dropped from state";

    /// <summary>
    /// <c>pulumi import</c>: Read with only the id, Check the inputs it returns, then Diff against the program's resource,
    /// which must show no change for the import to be accepted.
    /// </summary>
    public Task<Step> ImportAsync(ResourceGoal goal, string id) => RunStepAsync(StepKind.Import, goal.Name, false, async () =>
    {
        var read = await ReadAsync(goal.Name, id);
        if (read.Properties is null || read.Properties.Fields.Count == 0)
            throw new RpcException(new Status(StatusCode.NotFound, $"resource '{id}' does not exist"));
        var importedCheck = await CheckAsync(goal.Name, new Struct(), read.Inputs);
        if (importedCheck.Failures.Count > 0)
            throw new RpcException(new Status(StatusCode.Internal, "the imported inputs fail Check: " + Describe(importedCheck.Failures)));
        var programCheck = await CheckAsync(goal.Name, read.Inputs, goal.Inputs);
        if (programCheck.Failures.Count > 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Describe(programCheck.Failures)));
        var diff = await DiffAsync(goal.Name, read.Id, read.Properties, read.Inputs, programCheck.Inputs, goal.IgnoreChanges);
        if (diff.Changes == DiffResponse.Types.DiffChanges.DiffSome)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "the program differs from the imported resource: " + string.Join(", ", Describe(diff))));
        _state[goal.Name] = new ResourceState(goal.Name, read.Id, programCheck.Inputs, read.Properties);
        return ([], null);
    });

    public async Task<IReadOnlyList<Step>> DestroyAsync()
    {
        var steps = new List<Step>();
        foreach (var resource in _state.Values.ToList())
            steps.Add(await RunStepAsync(StepKind.Delete, resource.Name, false, async () =>
            {
                await RemoveAsync(resource, 0);
                return ([], null);
            }));
        return steps;
    }

    public Task<InvokeResponse> InvokeAsync(string token, Struct args) => provider.InvokeAsync(new InvokeRequest { Tok = token, Args = args }).ResponseAsync;

    /// <summary>One Check as the engine sends it for a resource of the program.</summary>
    public async Task<CheckResponse> CheckAsync(string name, Struct olds, Struct news, ByteString? seed = null, CheckRequest.Types.AutonamingOptions? autonaming = null)
    {
        var request = new CheckRequest
        {
            Urn = Urn(name), Name = name, Type = Type, Olds = olds, News = news, RandomSeed = seed ?? ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32)),
        };
        if (autonaming is not null) request.Autonaming = autonaming;
        return await provider.CheckAsync(request);
    }

    /// <summary>Autonaming options the engine sends with every Check of the run (the stack's <c>pulumi:autonaming</c>); null for none.</summary>
    public CheckRequest.Types.AutonamingOptions? Autonaming { get; set; }

    private async Task<IReadOnlyList<Step>> PlanAsync(IEnumerable<ResourceGoal> program, bool preview)
    {
        var goals = program.ToList();
        var steps = new List<Step>();
        foreach (var goal in goals)
            steps.Add(await PlanOneAsync(goal, preview));
        foreach (var orphan in _state.Values.Where(r => goals.All(g => g.Name != r.Name)).ToList())
            steps.Add(await RunStepAsync(StepKind.Delete, orphan.Name, preview, async () =>
            {
                if (!preview) await RemoveAsync(orphan, 0);
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
            check = await CheckAsync(goal.Name, old?.Inputs ?? new Struct(), goal.Inputs, seed, Autonaming);
        }
        catch (RpcException e)
        {
            return new Step(StepKind.Check, goal.Name, preview, [], $"{e.StatusCode}: {e.Status.Detail}") { Status = e.StatusCode };
        }
        if (check.Failures.Count > 0)
            return new Step(StepKind.Check, goal.Name, preview, check.Failures.Select(f => f.Property).ToList(), Describe(check.Failures))
                { Status = StatusCode.InvalidArgument, Failures = check.Failures };

        if (old is null)
            return await RunStepAsync(StepKind.Create, goal.Name, preview, async () =>
            {
                await RecordCreateAsync(goal, check.Inputs, preview);
                return ([], null);
            });

        DiffResponse diff;
        try
        {
            diff = await DiffAsync(goal.Name, old.Id, old.Outputs, old.Inputs, check.Inputs, goal.IgnoreChanges);
        }
        catch (RpcException e)
        {
            return new Step(StepKind.Update, goal.Name, preview, [], $"{e.StatusCode}: {e.Status.Detail}") { Status = e.StatusCode };
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
                return (changes, diff.DeleteBeforeReplace ? "delete before replace" : "create before delete");
            });

        return await RunStepAsync(StepKind.Update, goal.Name, preview, async () =>
        {
            try
            {
                var updated = await provider.UpdateAsync(new UpdateRequest
                {
                    Id = old.Id, Urn = Urn(goal.Name), Name = goal.Name, Type = Type, Olds = old.Outputs, OldInputs = old.Inputs,
                    News = check.Inputs, Preview = preview, Timeout = goal.CustomTimeoutSeconds,
                });
                if (!preview) _state[goal.Name] = old with { Inputs = check.Inputs, Outputs = updated.Properties };
            }
            catch (RpcException e) when (InitFailure(e) is { } recorded)
            {
                _state[goal.Name] = old with { Inputs = recorded.Inputs, Outputs = recorded.Properties };
                throw;
            }
            return (changes, null);
        });
    }

    private async Task ReplaceAsync(ResourceGoal goal, ResourceState old, bool deleteFirst, bool preview, ByteString seed)
    {
        // A replacement is checked as a new resource: no olds.
        var check = await CheckAsync(goal.Name, new Struct(), goal.Inputs, seed, Autonaming);
        if (check.Failures.Count > 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Describe(check.Failures)));
        if (preview)
        {
            await RecordCreateAsync(goal, check.Inputs, preview: true);
            return;
        }
        if (deleteFirst)
        {
            await RemoveAsync(old, goal.CustomTimeoutSeconds);
            await RecordCreateAsync(goal, check.Inputs, preview: false);
        }
        else
        {
            await RecordCreateAsync(goal, check.Inputs, preview: false);
            await DeleteAsync(old.Name, old.Id, old.Outputs, old.Inputs, goal.CustomTimeoutSeconds);
        }
    }

    private async Task RecordCreateAsync(ResourceGoal goal, Struct inputs, bool preview)
    {
        try
        {
            var created = await CreateAsync(goal.Name, inputs, preview, goal.CustomTimeoutSeconds);
            if (!preview)
                _state[goal.Name] = new ResourceState(goal.Name, created.Id, inputs, created.Properties);
        }
        catch (RpcException e) when (InitFailure(e) is { Id.Length: > 0 } recorded)
        {
            _state[goal.Name] = new ResourceState(goal.Name, recorded.Id, recorded.Inputs, recorded.Properties);
            throw;
        }
    }

    private async Task RemoveAsync(ResourceState resource, double timeoutSeconds)
    {
        await DeleteAsync(resource.Name, resource.Id, resource.Outputs, resource.Inputs, timeoutSeconds);
        _state.Remove(resource.Name);
    }

    // The single calls the steps are made of, as the engine sends them; the bench times them one by one.

    public async Task<CreateResponse> CreateAsync(string name, Struct checkedInputs, bool preview = false, double timeoutSeconds = 0) =>
        await provider.CreateAsync(new CreateRequest
        {
            Urn = Urn(name), Name = name, Type = Type, Properties = checkedInputs, Preview = preview, Timeout = timeoutSeconds,
        });

    /// <summary>A refresh's Read; without <paramref name="outputs"/>, an import's.</summary>
    public async Task<ReadResponse> ReadAsync(string name, string id, Struct? outputs = null, Struct? inputs = null)
    {
        var request = new ReadRequest { Id = id, Urn = Urn(name), Name = name, Type = Type };
        if (outputs is not null) (request.Properties, request.Inputs) = (outputs, inputs);
        return await provider.ReadAsync(request);
    }

    public async Task<DiffResponse> DiffAsync(string name, string id, Struct olds, Struct oldInputs, Struct news, IReadOnlyList<string>? ignoreChanges = null)
    {
        var request = new DiffRequest { Id = id, Urn = Urn(name), Name = name, Type = Type, Olds = olds, OldInputs = oldInputs, News = news };
        request.IgnoreChanges.AddRange(ignoreChanges ?? []);
        return await provider.DiffAsync(request);
    }

    public async Task DeleteAsync(string name, string id, Struct outputs, Struct inputs, double timeoutSeconds = 0) =>
        await provider.DeleteAsync(new DeleteRequest
        {
            Id = id, Urn = Urn(name), Name = name, Type = Type, Properties = outputs, OldInputs = inputs, Timeout = timeoutSeconds,
        });

    /// <summary>The half-created resource the engine records, when an error carries one.</summary>
    public static ErrorResourceInitFailed? InitFailure(RpcException failure) => failure.GetRpcStatus()?.GetDetail<ErrorResourceInitFailed>();

    private static async Task<Step> RunStepAsync(StepKind kind, string name, bool preview, Func<Task<(IReadOnlyList<string> Changes, string? Note)>> body)
    {
        try
        {
            var (changes, note) = await body();
            return new Step(kind, name, preview, changes) { Note = note };
        }
        catch (RpcException e)
        {
            // The engine shows a half-created resource's reasons beside the message.
            var reasons = InitFailure(e) is { } initFailed ? $" ({string.Join("; ", initFailed.Reasons)})" : "";
            return new Step(kind, name, preview, [], $"{e.StatusCode}: {e.Status.Detail}{reasons}") { Status = e.StatusCode, Failure = e };
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

    private static string Describe(IEnumerable<Pulumirpc.CheckFailure> failures) => string.Join("; ", failures.Select(f => $"{f.Property}: {f.Reason}"));
}

/// <summary>
/// One resource of a program: its name, the inputs the program gives it, and its options (<c>ignoreChanges</c>, and
/// <c>customTimeouts</c> in seconds as the engine sends them).
/// </summary>
public sealed record ResourceGoal(string Name, Struct Inputs, IReadOnlyList<string>? IgnoreChanges = null, double CustomTimeoutSeconds = 0);

/// <summary>What the stack remembers of a resource after a step: its id, last inputs and outputs.</summary>
public sealed record ResourceState(string Name, string Id, Struct Inputs, Struct Outputs);

public enum StepKind { Create, Update, Replace, Same, Delete, Refresh, Import, Check }

/// <summary>
/// One step as <c>pulumi preview/up</c> would print it. <see cref="Changes"/> are property paths with their diff kind
/// (never values); <see cref="Error"/> is the provider's message when the step failed, <see cref="Status"/> its code.
/// </summary>
public sealed record Step(StepKind Kind, string Resource, bool Preview, IReadOnlyList<string> Changes, string? Error = null)
{
    public bool Succeeded => Error is null;
    public string? Note { get; init; }
    public StatusCode? Status { get; init; }
    /// <summary>Check's failures, by property, when the step is a failed Check.</summary>
    public IReadOnlyList<Pulumirpc.CheckFailure> Failures { get; init; } = [];
    /// <summary>The error the provider answered with, for its details.</summary>
    public RpcException? Failure { get; init; }
}
