using Google.Rpc;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests.Storm;

public enum CreateFailureKind
{
    /// <summary>ErrorResourceInitFailed with an id: Pulumi records the connection, so it exists as far as the stack knows.</summary>
    InitFailed,

    /// <summary>The answer was lost and a lookup found nothing: not created.</summary>
    AbsentAfterLookup,

    /// <summary>Whether it exists could not be found out; the error names the connection and its import command.</summary>
    MayExist,

    /// <summary>Any other error: not created.</summary>
    Plain,
}

/// <summary>How a failed create reads to Pulumi and to its user.</summary>
public static class CreateAnswer
{
    public static CreateFailureKind Classify(RpcException failure, string id)
    {
        if (InitFailure(failure) is { Id.Length: > 0 }) return CreateFailureKind.InitFailed;
        var message = failure.Status.Detail ?? "";
        if (message.Contains("may exist", StringComparison.Ordinal) && message.Contains(ImportCommand(id), StringComparison.Ordinal))
            return CreateFailureKind.MayExist;
        return message.Contains("A lookup found no connection named", StringComparison.Ordinal)
            ? CreateFailureKind.AbsentAfterLookup
            : CreateFailureKind.Plain;
    }

    /// <summary>The half-created resource the engine records, when the error carries one.</summary>
    public static ErrorResourceInitFailed? InitFailure(RpcException failure) => failure.GetRpcStatus()?.GetDetail<ErrorResourceInitFailed>();

    /// <summary>The command a may-exist error must give. Every resource of these tests is named after its connection.</summary>
    public static string ImportCommand(string id) => $"pulumi import {Lifecycle.Type} {id.Split('/')[^1]} {id}";
}
