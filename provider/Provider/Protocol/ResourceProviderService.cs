using ConfluentFlink.FlinkApi;
using System.Reflection;
using ConfluentFlink.Provider.Logging;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Schema;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// pulumirpc.ResourceProvider over <see cref="IProvider"/>: decodes requests, calls the resource logic with a
/// token that the caller's deadline/disconnect and the engine's Cancel both trip, and maps results and
/// errors back. Methods not overridden answer UNIMPLEMENTED (generated base class). One instance per call;
/// all shared state is in the injected singletons.
/// </summary>
internal sealed class ResourceProviderService(
    IProvider provider,
    ProviderCancellation cancellation,
    EngineLogForwarder engineLog,
    ILogger<ResourceProviderService> logger) : ResourceProvider.ResourceProviderBase
{
    // The engine requires semver.
    private static readonly string Version = FlinkConnectionsClient.ProviderVersion();

    private static readonly TimeSpan AnswerAfterCancelGrace = TimeSpan.FromMilliseconds(250);

    public override Task<ProviderHandshakeResponse> Handshake(ProviderHandshakeRequest request, ServerCallContext context)
    {
        engineLog.Connect(request.EngineAddress);
        return Task.FromResult(new ProviderHandshakeResponse
        {
            AcceptSecrets = true,
            AcceptResources = true,
            AcceptOutputs = false,
        });
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = Version });

    public override Task<GetSchemaResponse> GetSchema(GetSchemaRequest request, ServerCallContext context) =>
        Serve(context, _ => new GetSchemaResponse { Schema = EmbeddedSchema.Json });

    public override Task<CheckResponse> CheckConfig(CheckRequest request, ServerCallContext context) =>
        Serve(context, _ => provider.CheckConfig(StructCodec.Decode(request.Olds), StructCodec.Decode(request.News)).ToResponse());

    public override Task<DiffResponse> DiffConfig(DiffRequest request, ServerCallContext context) =>
        Serve(context, _ => provider.DiffConfig(
            StructCodec.Decode(request.OldInputs), StructCodec.Decode(request.Olds), StructCodec.Decode(request.News)).ToResponse());

    public override Task<ConfigureResponse> Configure(ConfigureRequest request, ServerCallContext context) =>
        Serve(context, _ =>
        {
            provider.Configure(request.Args is null ? ConfigFromVariables(request.Variables) : StructCodec.Decode(request.Args));
            return new ConfigureResponse
            {
                AcceptSecrets = true,
                SupportsPreview = true,
                AcceptResources = true,
                AcceptOutputs = false,
            };
        });

    public override Task<CheckResponse> Check(CheckRequest request, ServerCallContext context) =>
        Serve(context, _ => provider.Check(
            ResourceType(request.Type, request.Urn), StructCodec.Decode(request.Olds), StructCodec.Decode(request.News)).ToResponse());

    public override Task<DiffResponse> Diff(DiffRequest request, ServerCallContext context) =>
        Serve(context, _ => provider.Diff(
            ResourceType(request.Type, request.Urn), request.Id, StructCodec.Decode(request.Olds),
            StructCodec.Decode(request.OldInputs), StructCodec.Decode(request.News), request.IgnoreChanges).ToResponse());

    public override Task<CreateResponse> Create(CreateRequest request, ServerCallContext context) =>
        ServeAsync(context, async token =>
        {
            var result = await provider.CreateAsync(
                ResourceType(request.Type, request.Urn), StructCodec.Decode(request.Properties), request.Preview, token);
            return new CreateResponse { Id = result.Id, Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<ReadResponse> Read(ReadRequest request, ServerCallContext context) =>
        ServeAsync(context, async token =>
        {
            var result = await provider.ReadAsync(
                ResourceType(request.Type, request.Urn), request.Id,
                StructCodec.DecodeOptional(request.Properties), StructCodec.DecodeOptional(request.Inputs), token);
            return result.ToResponse();
        });

    public override Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context) =>
        ServeAsync(context, async token =>
        {
            var result = await provider.UpdateAsync(
                ResourceType(request.Type, request.Urn), request.Id, StructCodec.Decode(request.Olds),
                StructCodec.Decode(request.OldInputs), StructCodec.Decode(request.News), request.Preview, token);
            return new UpdateResponse { Properties = StructCodec.Encode(result.Outputs) };
        });

    public override Task<Empty> Delete(DeleteRequest request, ServerCallContext context) =>
        ServeAsync(context, async token =>
        {
            await provider.DeleteAsync(
                ResourceType(request.Type, request.Urn), request.Id, StructCodec.Decode(request.Properties),
                StructCodec.Decode(request.OldInputs), token);
            return new Empty();
        });

    public override Task<InvokeResponse> Invoke(InvokeRequest request, ServerCallContext context) =>
        ServeAsync(context, async token =>
            (await provider.InvokeAsync(request.Tok, StructCodec.Decode(request.Args), token)).ToResponse());

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

    private Task<T> Serve<T>(ServerCallContext context, Func<CancellationToken, T> handler) =>
        ServeAsync(context, token => Task.FromResult(handler(token)));

    private async Task<T> ServeAsync<T>(ServerCallContext context, Func<CancellationToken, Task<T>> handler)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, cancellation.Token);
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

    /// <summary>Recent engines send the type; older ones only the URN (<c>urn:pulumi:stack::project::[parent$]type::name</c>).</summary>
    internal static string ResourceType(string type, string urn)
    {
        if (type.Length > 0)
        {
            return type;
        }
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            throw new ProviderUserException($"malformed resource URN '{urn}'");
        }
        var qualifiedType = parts[2];
        return qualifiedType[(qualifiedType.LastIndexOf('$') + 1)..];
    }

    /// <summary>
    /// Engines that predate Configure.args send only variables (<c>confluentflink:config:key</c> to a string,
    /// without the secret ones): keys are shortened to the property names.
    /// </summary>
    private static Values.PropertyMap ConfigFromVariables(IDictionary<string, string> variables) =>
        Values.PropertyMap.From(variables.Select(v =>
            KeyValuePair.Create(v.Key[(v.Key.LastIndexOf(':') + 1)..], Values.PropertyValue.Of(v.Value))));

}
