using System.Collections.Immutable;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Logging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using Values = ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// pulumirpc.ResourceProvider over <see cref="IProvider"/>: decodes each request into its operation's record, calls the
/// provider with a token that the caller's deadline/disconnect and the engine's Cancel both trip, and encodes results and
/// errors back. Everything logged during a call about one resource carries that resource's URN. Methods not overridden
/// answer UNIMPLEMENTED (generated base class).
/// </summary>
internal sealed class ResourceProviderService(
    IProvider provider,
    PluginIdentity identity,
    ProviderCancellation cancellation,
    EngineLogForwarder engineLog,
    ILogger<ResourceProviderService> logger) : ResourceProvider.ResourceProviderBase
{
    // The provider's answer to a cancel normally comes within milliseconds; the bound only matters on a loaded machine,
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
        Task.FromResult(new PluginInfo { Version = identity.Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Task.FromResult(new GetSchemaResponse { Schema = identity.Schema });

    // The provider's own URN may be empty or of another form: its type is never needed.
    public override Task<CheckResponse> CheckConfig(Pulumirpc.CheckRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token => Encode(await provider.CheckConfigAsync(Decode(request, new ResourceUrn(request.Urn).Type), token)));

    public override Task<DiffResponse> DiffConfig(Pulumirpc.DiffRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token => Encode(await provider.DiffConfigAsync(Decode(request, new ResourceUrn(request.Urn).Type), token)));

    public override Task<ConfigureResponse> Configure(Pulumirpc.ConfigureRequest request, ServerCallContext context) =>
        Serve(context, "", async token =>
        {
            await provider.ConfigureAsync(new Contract.ConfigureRequest(request.Args is null ? ConfigFromVariables(request.Variables) : StructCodec.Decode(request.Args)), token);
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
        Serve(context, request.Urn, async token => Encode(await provider.CheckAsync(Decode(request, TypeOf(request.Type, request.Urn)), token)));

    public override Task<DiffResponse> Diff(Pulumirpc.DiffRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token => Encode(await provider.DiffAsync(Decode(request, TypeOf(request.Type, request.Urn)), token)));

    public override Task<CreateResponse> Create(Pulumirpc.CreateRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token =>
        {
            var result = await provider.CreateAsync(new Contract.CreateRequest(new ResourceUrn(request.Urn), TypeOf(request.Type, request.Urn),
                Properties: StructCodec.Decode(request.Properties), Timeout: Timeout(request.Timeout), Preview: request.Preview), token);
            return new CreateResponse { Id = result.Id, Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<ReadResponse> Read(Pulumirpc.ReadRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token =>
        {
            var result = await provider.ReadAsync(new Contract.ReadRequest(new ResourceUrn(request.Urn), TypeOf(request.Type, request.Urn), request.Id,
                Properties: StructCodec.DecodeOptional(request.Properties), Inputs: StructCodec.DecodeOptional(request.Inputs),
                Timeout: Timeout(request.Timeout)), token);
            // An empty id tells the engine the resource is gone: it then expects no properties.
            return result is null
                ? new ReadResponse()
                : new ReadResponse { Id = result.Id, Properties = StructCodec.Encode(result.Outputs), Inputs = StructCodec.Encode(result.Inputs) };
        });

    public override Task<UpdateResponse> Update(Pulumirpc.UpdateRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token =>
        {
            var result = await provider.UpdateAsync(new Contract.UpdateRequest(new ResourceUrn(request.Urn), TypeOf(request.Type, request.Urn), request.Id,
                OldState: StructCodec.Decode(request.Olds), OldInputs: StructCodec.Decode(request.OldInputs),
                NewInputs: StructCodec.Decode(request.News), Timeout: Timeout(request.Timeout), Preview: request.Preview,
                IgnoreChanges: request.IgnoreChanges.ToList()), token);
            return new UpdateResponse { Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<Empty> Delete(Pulumirpc.DeleteRequest request, ServerCallContext context) =>
        Serve(context, request.Urn, async token =>
        {
            await provider.DeleteAsync(new Contract.DeleteRequest(new ResourceUrn(request.Urn), TypeOf(request.Type, request.Urn), request.Id,
                Properties: StructCodec.Decode(request.Properties), OldInputs: StructCodec.Decode(request.OldInputs),
                Timeout: Timeout(request.Timeout)), token);
            return new Empty();
        });

    public override Task<InvokeResponse> Invoke(Pulumirpc.InvokeRequest request, ServerCallContext context) =>
        Serve(context, "", async token =>
        {
            var result = await provider.InvokeAsync(new Contract.InvokeRequest(request.Tok, StructCodec.Decode(request.Args)), token);
            return new InvokeResponse { Return = StructCodec.Encode(result.Return), Failures = { result.Failures.Select(Encode) } };
        });

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
        var autonaming = request.Autonaming is { } options
            ? new AutonamingOptions(options.ProposedName, options.Mode switch
            {
                Pulumirpc.CheckRequest.Types.AutonamingOptions.Types.Mode.Enforce => AutonamingMode.Enforce,
                Pulumirpc.CheckRequest.Types.AutonamingOptions.Types.Mode.Disable => AutonamingMode.Disable,
                _ => AutonamingMode.Propose,
            })
            : null;
        return new Contract.CheckRequest(new ResourceUrn(request.Urn), type, request.Name, OldInputs: StructCodec.Decode(request.Olds),
            NewInputs: StructCodec.Decode(request.News), RandomSeed: request.RandomSeed.ToByteArray().ToImmutableArray(), Autonaming: autonaming);
    }

    private static Contract.DiffRequest Decode(Pulumirpc.DiffRequest request, string type) =>
        new(new ResourceUrn(request.Urn), type, request.Id, OldState: StructCodec.Decode(request.Olds),
            OldInputs: StructCodec.Decode(request.OldInputs), NewInputs: StructCodec.Decode(request.News), IgnoreChanges: request.IgnoreChanges.ToList());

    /// <summary>
    /// The engine prints a failure on a property together with that property's value, secrets included (its Go value has
    /// no String method). A failure whose property holds a secret is therefore sent without a property, the property
    /// named in its reason instead.
    /// </summary>
    private static CheckResponse Encode(Contract.CheckResult result) => new()
    {
        Inputs = StructCodec.Encode(result.Inputs),
        Failures =
        {
            result.Failures.Select(f => f.Property.Length > 0 && Values.PropertyPaths.IsSecretAt(result.Inputs, f.Property)
                ? new Contract.CheckFailure("", f.Reason.StartsWith(f.Property, StringComparison.Ordinal) ? f.Reason : $"{f.Property}: {f.Reason}")
                : f).Select(Encode),
        },
    };

    private static Pulumirpc.CheckFailure Encode(Contract.CheckFailure failure) => new() { Property = failure.Property, Reason = failure.Reason };

    private static DiffResponse Encode(DiffResult result)
    {
        var response = new DiffResponse
        {
            Changes = result.HasChanges ? DiffResponse.Types.DiffChanges.DiffSome : DiffResponse.Types.DiffChanges.DiffNone,
            Replaces = { result.Replaces },
            Diffs = { result.ChangedKeys },
            DeleteBeforeReplace = result.DeleteBeforeReplace,
            HasDetailedDiff = true,
        };
        foreach (var (path, kind) in result.DetailedDiff)
            response.DetailedDiff[path] = new Pulumirpc.PropertyDiff { Kind = (Pulumirpc.PropertyDiff.Types.Kind)kind, InputDiff = true };
        return response;
    }

    /// <summary>Recent engines send the type; older ones only the URN.</summary>
    private static string TypeOf(string type, string urn) =>
        type.Length > 0 ? type
        : new ResourceUrn(urn).Type is { Length: > 0 } fromUrn ? fromUrn
        : throw ProviderException.Invalid($"malformed resource URN '{urn}'");

    /// <summary>The engine sends customTimeouts in seconds, 0 when the program set none.</summary>
    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private async Task<T> Serve<T>(ServerCallContext context, string urn, Func<CancellationToken, Task<T>> handler)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, cancellation.Token);
        using var scope = logger.BeginScope(new ResourceLogScope(urn));
        Task<T>? work = null;
        try
        {
            call.Token.ThrowIfCancellationRequested();
            work = handler(call.Token);
            // WaitAsync returns as soon as the call is cancelled, even if the provider is slow to notice.
            return await work.WaitAsync(call.Token);
        }
        catch (OperationCanceledException cancelled) when (work is not null)
        {
            // The provider's own answer to the cancel says more than "cancelled" (a create that may have succeeded names
            // the connection and its import command; one that just finished has an id to record), so it gets a moment.
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
    /// Engines that predate Configure.args send only variables (<c>confluentflink:config:key</c> to a string, without the
    /// secret ones): keys are shortened to the property names.
    /// </summary>
    private static Values.PropertyMap ConfigFromVariables(IDictionary<string, string> variables) =>
        Values.PropertyMap.From(variables.Select(v => KeyValuePair.Create(v.Key[(v.Key.LastIndexOf(':') + 1)..], Values.PropertyValue.Of(v.Value))));
}

/// <summary>What the plugin says of itself: its version (semver, from the entry point) and its package schema.</summary>
public sealed record PluginIdentity(string Version, string Schema);
