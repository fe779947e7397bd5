using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Tests.Protocol;

/// <summary>An <see cref="IProvider"/> whose every method is a settable delegate over the request the protocol layer built.</summary>
internal sealed class FakeProvider : IProvider
{
    public Func<CheckRequest, CheckResult> OnCheckConfig { get; set; } = r => new CheckResult(r.NewInputs, []);
    public Func<DiffRequest, DiffResult> OnDiffConfig { get; set; } = _ => DiffResult.NoChanges;
    public Action<ConfigureRequest> OnConfigure { get; set; } = _ => { };
    public Func<CheckRequest, CheckResult> OnCheck { get; set; } = r => new CheckResult(r.NewInputs, []);
    public Func<DiffRequest, DiffResult> OnDiff { get; set; } = _ => DiffResult.NoChanges;
    public Func<CreateRequest, CancellationToken, Task<CreateResult>> OnCreate { get; set; } =
        (r, _) => Task.FromResult(new CreateResult("id-1", r.Properties));
    public Func<ReadRequest, CancellationToken, Task<ReadResult>> OnRead { get; set; } =
        (r, _) => Task.FromResult(new ReadResult(r.Id, r.Properties ?? PropertyMap.Empty, r.Inputs ?? PropertyMap.Empty));
    public Func<UpdateRequest, CancellationToken, Task<UpdateResult>> OnUpdate { get; set; } =
        (r, _) => Task.FromResult(new UpdateResult(r.NewInputs));
    public Func<DeleteRequest, CancellationToken, Task> OnDelete { get; set; } = (_, _) => Task.CompletedTask;
    public Func<InvokeRequest, CancellationToken, Task<InvokeResult>> OnInvoke { get; set; } =
        (r, _) => Task.FromResult(new InvokeResult(r.Args, []));

    public ProviderCapabilities Capabilities { get; set; } = new(SupportsAutonamingConfiguration: true);
    public CheckResult CheckConfig(CheckRequest request) => OnCheckConfig(request);
    public DiffResult DiffConfig(DiffRequest request) => OnDiffConfig(request);
    public void Configure(ConfigureRequest request) => OnConfigure(request);
    public CheckResult Check(CheckRequest request) => OnCheck(request);
    public DiffResult Diff(DiffRequest request) => OnDiff(request);
    public Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken cancellationToken) => OnCreate(request, cancellationToken);
    public Task<ReadResult> ReadAsync(ReadRequest request, CancellationToken cancellationToken) => OnRead(request, cancellationToken);
    public Task<UpdateResult> UpdateAsync(UpdateRequest request, CancellationToken cancellationToken) => OnUpdate(request, cancellationToken);
    public Task DeleteAsync(DeleteRequest request, CancellationToken cancellationToken) => OnDelete(request, cancellationToken);
    public Task<InvokeResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken) => OnInvoke(request, cancellationToken);

    public IReadOnlyCollection<string> HeldSecrets { get; set; } = [];

    /// <summary>The logger the plugin host hands the resource logic.</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
