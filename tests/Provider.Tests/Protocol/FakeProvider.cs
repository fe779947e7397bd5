using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>An <see cref="IProvider"/> whose every method is a settable delegate, recording what the protocol layer passed.</summary>
internal sealed class FakeProvider : IProvider
{
    public Func<PropertyMap, PropertyMap, CheckResult> OnCheckConfig { get; set; } = (_, news) => new CheckResult(news, []);
    public Func<PropertyMap, PropertyMap, PropertyMap, DiffResult> OnDiffConfig { get; set; } = (_, _, _) => DiffResult.NoChanges;
    public Action<PropertyMap> OnConfigure { get; set; } = _ => { };
    public Func<string, PropertyMap, PropertyMap, CheckResult> OnCheck { get; set; } = (_, _, news) => new CheckResult(news, []);
    public Func<string, string, PropertyMap, PropertyMap, PropertyMap, IReadOnlyList<string>, DiffResult> OnDiff { get; set; } =
        (_, _, _, _, _, _) => DiffResult.NoChanges;
    public Func<string, PropertyMap, bool, CancellationToken, Task<CreateResult>> OnCreate { get; set; } =
        (_, news, _, _) => Task.FromResult(new CreateResult("id-1", news));
    public Func<string, string, PropertyMap?, PropertyMap?, CancellationToken, Task<ReadResult>> OnRead { get; set; } =
        (_, id, state, inputs, _) => Task.FromResult(new ReadResult(id, state ?? PropertyMap.Empty, inputs ?? PropertyMap.Empty));
    public Func<string, string, PropertyMap, PropertyMap, PropertyMap, bool, CancellationToken, Task<UpdateResult>> OnUpdate { get; set; } =
        (_, _, _, _, news, _, _) => Task.FromResult(new UpdateResult(news));
    public Func<string, string, PropertyMap, PropertyMap, CancellationToken, Task> OnDelete { get; set; } = (_, _, _, _, _) => Task.CompletedTask;
    public Func<string, PropertyMap, CancellationToken, Task<InvokeResult>> OnInvoke { get; set; } =
        (_, args, _) => Task.FromResult(new InvokeResult(args, []));

    public CheckResult CheckConfig(PropertyMap olds, PropertyMap news) => OnCheckConfig(olds, news);
    public DiffResult DiffConfig(PropertyMap oldInputs, PropertyMap olds, PropertyMap news) => OnDiffConfig(oldInputs, olds, news);
    public void Configure(PropertyMap args) => OnConfigure(args);
    public CheckResult Check(string type, PropertyMap olds, PropertyMap news) => OnCheck(type, olds, news);

    public DiffResult Diff(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, IReadOnlyList<string> ignoreChanges) =>
        OnDiff(type, id, olds, oldInputs, news, ignoreChanges);

    public Task<CreateResult> CreateAsync(string type, PropertyMap news, bool preview, CancellationToken cancellationToken) =>
        OnCreate(type, news, preview, cancellationToken);

    public Task<ReadResult> ReadAsync(string type, string id, PropertyMap? state, PropertyMap? inputs, CancellationToken cancellationToken) =>
        OnRead(type, id, state, inputs, cancellationToken);

    public Task<UpdateResult> UpdateAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, PropertyMap news, bool preview,
        CancellationToken cancellationToken) => OnUpdate(type, id, olds, oldInputs, news, preview, cancellationToken);

    public Task DeleteAsync(string type, string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        OnDelete(type, id, olds, oldInputs, cancellationToken);

    public Task<InvokeResult> InvokeAsync(string token, PropertyMap args, CancellationToken cancellationToken) =>
        OnInvoke(token, args, cancellationToken);

    public IReadOnlyCollection<string> HeldSecrets { get; set; } = [];
}
