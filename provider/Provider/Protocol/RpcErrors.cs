using System.Net;
using ConfluentFlink.FlinkApi;
using ConfluentFlink.Provider.Contract;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Provider.Protocol;

/// <summary>
/// Turns what a provider call threw into the gRPC status the engine shows the user. Only messages written
/// for users (ours, or the Flink API's server text) cross the wire; anything unexpected becomes a generic
/// Internal error and its type and stack go to the plugin log, never its message (it could hold input).
/// </summary>
public static class RpcErrors
{
    public const string InternalMessage = "internal error in the confluentflink provider (details in the plugin log)";

    /// <summary>
    /// Longest message sent: the status travels in an HTTP/2 trailer, and clients refuse header blocks past 64 KB,
    /// which would turn a message that quotes a huge input into an unreadable transport error.
    /// </summary>
    public const int MaxMessageLength = 4096;

    public static RpcException From(Exception exception, ILogger logger) => exception switch
    {
        RpcException rpc => rpc,
        ProviderUserException user => new RpcException(new Status(StatusCode.InvalidArgument, Bounded(user.Message))),
        ResourceInitFailedException initFailed => InitFailed(initFailed),
        CreateOutcomeUnknownException unknown => new RpcException(new Status(
            unknown.Reason == CreateUnresolvedReason.Cancelled ? StatusCode.Cancelled : StatusCode.Unavailable, Bounded(unknown.Message))),
        FlinkApiException api => new RpcException(new Status(StatusFor(api.StatusCode), Bounded(api.Message))),
        OperationCanceledException => new RpcException(new Status(StatusCode.Cancelled, "the operation was cancelled")),
        _ => Internal(exception, logger),
    };

    /// <summary>The gRPC code that fits a Flink API failure; a null HTTP status is a transport failure or timeout.</summary>
    public static StatusCode StatusFor(HttpStatusCode? httpStatus) => httpStatus switch
    {
        null => StatusCode.Unavailable,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => StatusCode.InvalidArgument,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.NotFound,
        HttpStatusCode.Conflict => StatusCode.AlreadyExists,
        HttpStatusCode.TooManyRequests => StatusCode.ResourceExhausted,
        >= HttpStatusCode.InternalServerError => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    // Pulumi's Go SDK answers an InitError with code Unknown and the ErrorResourceInitFailed detail in a
    // google.rpc.Status (trailer grpc-status-details-bin); the engine reads the detail to record the resource.
    private static RpcException InitFailed(ResourceInitFailedException failure)
    {
        var detail = new ErrorResourceInitFailed
        {
            Id = failure.Id,
            Properties = StructCodec.Encode(failure.Outputs),
            Inputs = StructCodec.Encode(failure.Inputs),
            Reasons = { failure.Reasons },
        };
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.Unknown,
            Message = Bounded(failure.Message),
            Details = { Any.Pack(detail) },
        };
        return status.ToRpcException();
    }

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + $"... ({message.Length - MaxMessageLength} more characters)";

    private static RpcException Internal(Exception exception, ILogger logger)
    {
        logger.LogError("Unexpected {ExceptionType} in the provider:{NewLine}{StackTrace}",
            exception.GetType().FullName, Environment.NewLine, exception.StackTrace);
        return new RpcException(new Status(StatusCode.Internal, InternalMessage));
    }
}
