using CheckRequest = Pulumirpc.CheckRequest;
using DiffRequest = Pulumirpc.DiffRequest;
using CreateRequest = Pulumirpc.CreateRequest;
using ReadRequest = Pulumirpc.ReadRequest;
using UpdateRequest = Pulumirpc.UpdateRequest;
using DeleteRequest = Pulumirpc.DeleteRequest;
using InvokeRequest = Pulumirpc.InvokeRequest;
using ConfigureRequest = Pulumirpc.ConfigureRequest;
using ConfluentFlink.Provider.Values;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Pulumirpc;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// The last guard on error messages: any value the request marked secret is replaced by <c>[secret]</c> in the
/// status the engine receives. Messages are written not to quote inputs, but some quote what the Flink API answered,
/// and the API may echo a value back (a secret-marked type or name sent to it); this catches every such path at once.
/// </summary>
internal sealed class SecretRedaction : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException failure) when (request is IMessage message && Redacted(failure, SecretsOf(message)) is { } redacted)
        {
            throw redacted;
        }
    }

    /// <summary>
    /// The failure with every secret masked, or null when it quotes none. A failure carrying a google.rpc.Status
    /// (ErrorResourceInitFailed) repeats its message and reasons there, where the engine reads them: mask both copies.
    /// </summary>
    private static RpcException? Redacted(RpcException failure, IReadOnlySet<string> secrets)
    {
        if (secrets.Count == 0)
            return null;
        if (failure.GetRpcStatus() is not { } rich)
        {
            var detail = Mask(failure.Status.Detail, secrets);
            return detail == failure.Status.Detail ? null : new RpcException(new Status(failure.StatusCode, detail), failure.Trailers);
        }

        var masked = rich.Clone();
        masked.Message = Mask(rich.Message, secrets);
        for (var i = 0; i < masked.Details.Count; i++)
        {
            if (!masked.Details[i].TryUnpack<ErrorResourceInitFailed>(out var initFailed))
                continue;
            var reasons = initFailed.Reasons.Select(r => Mask(r, secrets)).ToList();
            initFailed.Reasons.Clear();
            initFailed.Reasons.AddRange(reasons);
            masked.Details[i] = Any.Pack(initFailed);
        }
        return masked.Equals(rich) ? null : masked.ToRpcException();
    }

    /// <summary>Every secret-marked string of the request.</summary>
    private static IReadOnlySet<string> SecretsOf(IMessage request)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var properties in PropertiesOf(request).OfType<Struct>()) Collect(properties, insideSecret: false, secrets);
        return secrets;
    }

    private static string Mask(string text, IReadOnlySet<string> secrets) => SecretMask.Apply(text, secrets);

    /// <summary>The property Structs of the requests that carry any (listed by type: no reflection, so AOT-safe).</summary>
    private static IEnumerable<Struct?> PropertiesOf(IMessage request) => request switch
    {
        CheckRequest r => [r.Olds, r.News],
        DiffRequest r => [r.Olds, r.OldInputs, r.News],
        CreateRequest r => [r.Properties],
        ReadRequest r => [r.Properties, r.Inputs],
        UpdateRequest r => [r.Olds, r.OldInputs, r.News],
        DeleteRequest r => [r.Properties, r.OldInputs],
        InvokeRequest r => [r.Args],
        ConfigureRequest r => [r.Args],
        _ => [],
    };

    private static void Collect(Struct properties, bool insideSecret, HashSet<string> secrets)
    {
        foreach (var value in properties.Fields.Values) Collect(value, insideSecret, secrets);
    }

    private static void Collect(Value value, bool insideSecret, HashSet<string> secrets)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue when insideSecret:
                secrets.Add(value.StringValue);
                break;
            case Value.KindOneofCase.ListValue:
                foreach (var item in value.ListValue.Values) Collect(item, insideSecret, secrets);
                break;
            case Value.KindOneofCase.StructValue:
                Collect(value.StructValue, insideSecret || IsSecret(value.StructValue), secrets);
                break;
        }
    }

    /// <summary>A secret wrapper, or an output value marked secret (the codec reads both as secrets).</summary>
    private static bool IsSecret(Struct special) =>
        special.Fields.TryGetValue(StructCodec.SignatureKey, out var signature) &&
        (signature.StringValue == StructCodec.SecretSignature ||
         signature.StringValue == StructCodec.OutputValueSignature &&
         special.Fields.TryGetValue("secret", out var secret) && secret.KindCase == Value.KindOneofCase.BoolValue && secret.BoolValue);
}
