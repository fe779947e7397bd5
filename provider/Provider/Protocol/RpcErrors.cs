using ConfluentFlink.Provider.Contract;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// Turns what a provider call threw into the gRPC status the engine shows the user. Only messages written for users
/// cross the wire; anything unexpected becomes a generic Internal error and its type and stack go to the plugin log,
/// never its message (it could hold input).
/// </summary>
internal static class RpcErrors
{
    public const string InternalMessage = "internal error in the confluentflink provider (details in the plugin log)";

    /// <summary>
    /// Longest message sent: the status travels in an HTTP/2 trailer, and clients refuse header blocks past 64 KB, which
    /// would turn a message that quotes a huge input into an unreadable transport error.
    /// </summary>
    private const int MaxMessageLength = 4096;

    public static RpcException From(Exception exception, ILogger logger) => exception switch
    {
        RpcException rpc => rpc,
        ProviderException failure => new RpcException(new Status(StatusFor(failure.Kind), Bounded(failure.Message))),
        ResourceInitFailedException initFailed => InitFailed(initFailed),
        OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "the operation was cancelled")),
        _ => Internal(exception, logger),
    };

    private static StatusCode StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        ErrorKind.Unauthenticated => StatusCode.Unauthenticated,
        ErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        ErrorKind.NotFound => StatusCode.NotFound,
        ErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        ErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        ErrorKind.Unavailable => StatusCode.Unavailable,
        ErrorKind.Cancelled => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };

    // Pulumi's Go SDK answers an InitError with code Unknown and the ErrorResourceInitFailed detail in a google.rpc.Status
    // (trailer grpc-status-details-bin); the engine reads the detail to record the resource.
    private static RpcException InitFailed(ResourceInitFailedException failure)
    {
        var detail = new ErrorResourceInitFailed
        {
            Id = failure.Id,
            Properties = StructCodec.Encode(failure.Outputs),
            Inputs = StructCodec.Encode(failure.Inputs),
            Reasons = { Bounded(failure.Message) },
        };
        return new Google.Rpc.Status { Code = (int)StatusCode.Unknown, Message = Bounded(failure.Message), Details = { Any.Pack(detail) } }.ToRpcException();
    }

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + $"... ({message.Length - MaxMessageLength} more characters)";

    private static RpcException Internal(Exception exception, ILogger logger)
    {
        logger.LogError("Unexpected {ExceptionType} in the provider:{NewLine}{StackTrace}", exception.GetType().FullName, Environment.NewLine, exception.StackTrace);
        return new RpcException(new Status(StatusCode.Internal, InternalMessage));
    }
}
