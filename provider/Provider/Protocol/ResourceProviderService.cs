using System.Collections.Immutable;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Logging;
using ConfluentFlink.Provider.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using Values = ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// pulumirpc.ResourceProvider over <see cref="IProvider"/>: decodes each request into its operation's record, calls
/// the resource logic with a token that the caller's deadline/disconnect and the engine's Cancel both trip, and maps
/// results and errors back. Everything logged during a call about one resource carries that resource's URN. Methods
/// not overridden answer UNIMPLEMENTED (generated base class). One instance per call; shared state is in the injected
/// singletons.
/// </summary>
internal sealed class ResourceProviderService(
    IProvider provider,
    ProviderCancellation cancellation,
    EngineLogForwarder engineLog,
    ILogger<ResourceProviderService> logger) : ResourceProvider.ResourceProviderBase
{
    // The engine requires semver.
    private static readonly string Version = FlinkConnectionsClient.ProviderVersion();

    // The logic's answer to a cancel normally comes within milliseconds; the bound only matters on a loaded machine,
    // where losing the "may exist" answer would cost the user more than a few seconds' wait.
    private static readonly TimeSpan AnswerAfterCancelGrace = TimeSpan.FromSeconds(5);

    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        engineLog.Connect(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse
        {
            AcceptSecrets = true,
            AcceptResources = true,
            AcceptOutputs = false,
            SupportsAutonamingConfiguration = provider.Capabilities.SupportsAutonamingConfiguration,
        });
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Serve(context, "", _ => new GetSchemaResponse { Schema = EmbeddedSchema.Json });

    // The provider's own URN may be empty or of another form: its type is never needed.
    public override Task<CheckResponse> CheckConfig(Pulumirpc.CheckRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, _ => provider.CheckConfig(Decode(request, new ResourceUrn(request.Urn).Type)).ToResponse());

    public override Task<DiffResponse> DiffConfig(Pulumirpc.DiffRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, _ => provider.DiffConfig(Decode(request, new ResourceUrn(request.Urn).Type)).ToResponse());

    public override Task<ConfigureResponse> Configure(Pulumirpc.ConfigureRequest request, ServerCallContext context) =>
        Serve(context, "", _ =>
        {
            provider.Configure(new Contract.ConfigureRequest(request.Args is null ? ConfigFromVariables(request.Variables) : StructCodec.Decode(request.Args)));
            return new ConfigureResponse
            {
                AcceptSecrets = true,
                SupportsPreview = true,
                AcceptResources = true,
                AcceptOutputs = false,
                SupportsAutonamingConfiguration = provider.Capabilities.SupportsAutonamingConfiguration,
            };
        });

    public override Task<CheckResponse> Check(Pulumirpc.CheckRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, _ => provider.Check(Decode(request, TypeOf(request.Type, new ResourceUrn(request.Urn)))).ToResponse());

    public override Task<DiffResponse> Diff(Pulumirpc.DiffRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, _ => provider.Diff(Decode(request, TypeOf(request.Type, new ResourceUrn(request.Urn)))).ToResponse());

    public override Task<CreateResponse> Create(Pulumirpc.CreateRequest request, ServerCallContext context) =>
        ServeAsync(context, request.Urn, async token =>
        {
            var urn = new ResourceUrn(request.Urn);
            var result = await provider.CreateAsync(new Contract.CreateRequest(urn, TypeOf(request.Type, urn),
                Properties: StructCodec.Decode(request.Properties), Timeout: Timeout(request.Timeout), Preview: request.Preview), token);
            return new CreateResponse { Id = result.Id, Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<ReadResponse> Read(Pulumirpc.ReadRequest request, ServerCallContext context) =>
        ServeAsync(context, request.Urn, async token =>
        {
            var urn = new ResourceUrn(request.Urn);
            var result = await provider.ReadAsync(new Contract.ReadRequest(urn, TypeOf(request.Type, urn), request.Id,
                Properties: StructCodec.DecodeOptional(request.Properties), Inputs: StructCodec.DecodeOptional(request.Inputs),
                Timeout: Timeout(request.Timeout)), token);
            return result.ToResponse();
        });

    public override Task<UpdateResponse> Update(Pulumirpc.UpdateRequest request, ServerCallContext context) =>
        ServeAsync(context, request.Urn, async token =>
        {
            var urn = new ResourceUrn(request.Urn);
            var result = await provider.UpdateAsync(new Contract.UpdateRequest(urn, TypeOf(request.Type, urn), request.Id,
                OldState: StructCodec.Decode(request.Olds), OldInputs: StructCodec.Decode(request.OldInputs),
                NewInputs: StructCodec.Decode(request.News), Timeout: Timeout(request.Timeout), Preview: request.Preview,
                IgnoreChanges: request.IgnoreChanges.ToList()), token);
            return new UpdateResponse { Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<Empty> Delete(Pulumirpc.DeleteRequest request, ServerCallContext context) =>
        ServeAsync(context, request.Urn, async token =>
        {
            var urn = new ResourceUrn(request.Urn);
            await provider.DeleteAsync(new Contract.DeleteRequest(urn, TypeOf(request.Type, urn), request.Id,
                Properties: StructCodec.Decode(request.Properties), OldInputs: StructCodec.Decode(request.OldInputs),
                Timeout: Timeout(request.Timeout)), token);
            return new Empty();
        });

    public override Task<InvokeResponse> Invoke(Pulumirpc.InvokeRequest request, ServerCallContext context) =>
        ServeAsync(context, "", async token =>
            (await provider.InvokeAsync(new Contract.InvokeRequest(request.Tok, StructCodec.Decode(request.Args)), token)).ToResponse());

    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        logger.LogInformation("The engine cancelled the operation; aborting calls in flight");
        cancellation.Cancel();
        return Task.FromResult(new Empty());
    }

    /// <summary>The engine attaches to an already running plugin (debugging): it only tells us its address.</summary>
    public override Task<Empty> Attach(PluginAttach request, ServerCallContext context)
    {
        engineLog.Connect(request.Address);
        return Task.FromResult(new Empty());
    }

    private static Contract.CheckRequest Decode(Pulumirpc.CheckRequest request, string type)
    {
        var urn = new ResourceUrn(request.Urn);
        var autonaming = request.Autonaming is { } options
            ? new AutonamingOptions(options.ProposedName, options.Mode switch
            {
                Pulumirpc.CheckRequest.Types.AutonamingOptions.Types.Mode.Enforce => AutonamingMode.Enforce,
                Pulumirpc.CheckRequest.Types.AutonamingOptions.Types.Mode.Disable => AutonamingMode.Disable,
                _ => AutonamingMode.Propose,
            })
            : null;
        return new Contract.CheckRequest(urn, type, request.Name, OldInputs: StructCodec.Decode(request.Olds),
            NewInputs: StructCodec.Decode(request.News), RandomSeed: request.RandomSeed.ToByteArray().ToImmutableArray(), Autonaming: autonaming);
    }

    private static Contract.DiffRequest Decode(Pulumirpc.DiffRequest request, string type)
    {
        var urn = new ResourceUrn(request.Urn);
        return new Contract.DiffRequest(urn, type, request.Id, OldState: StructCodec.Decode(request.Olds),
            OldInputs: StructCodec.Decode(request.OldInputs), NewInputs: StructCodec.Decode(request.News),
            IgnoreChanges: request.IgnoreChanges.ToList());
    }

    /// <summary>Recent engines send the type; older ones only the URN.</summary>
    internal static string TypeOf(string type, ResourceUrn urn) =>
        type.Length > 0 ? type
        : urn.Type.Length > 0 ? urn.Type
        : throw new ProviderUserException($"malformed resource URN '{urn.Value}'");

    /// <summary>The engine sends customTimeouts in seconds, 0 when the program set none.</summary>
    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private Task<T> Serve<T>(ServerCallContext context, string urn, Func<CancellationToken, T> handler) =>
        ServeAsync(context, urn, token => Task.FromResult(handler(token)));

    private async Task<T> ServeAsync<T>(ServerCallContext context, string urn, Func<CancellationToken, Task<T>> handler)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, cancellation.Token);
        using var scope = logger.BeginScope(new ResourceLogScope(urn));
        Task<T>? work = null;
        try
        {
            call.Token.ThrowIfCancellationRequested();
            work = handler(call.Token);
            // WaitAsync returns as soon as the call is cancelled, even if the resource logic is slow to notice.
            return await work.WaitAsync(call.Token);
        }
        catch (OperationCanceledException cancelled) when (work is not null)
        {
            // The resource logic's own answer to the cancel says more than "cancelled" (a create that may have
            // succeeded names the connection and its import command; one that just finished has an id to record),
            // so it gets a moment to give it.
            await Task.WhenAny(work, Task.Delay(AnswerAfterCancelGrace));
            if (work.IsCompletedSuccessfully) return work.Result;
            throw RpcErrors.From(work.Exception?.InnerException ?? cancelled, logger);
        }
        catch (Exception exception)
        {
            throw RpcErrors.From(exception, logger);
        }
    }

    /// <summary>
    /// Engines that predate Configure.args send only variables (<c>confluentflink:config:key</c> to a string,
    /// without the secret ones): keys are shortened to the property names.
    /// </summary>
    private static Values.PropertyMap ConfigFromVariables(IDictionary<string, string> variables) =>
        Values.PropertyMap.From(variables.Select(v =>
            KeyValuePair.Create(v.Key[(v.Key.LastIndexOf(':') + 1)..], Values.PropertyValue.Of(v.Value))));
}
