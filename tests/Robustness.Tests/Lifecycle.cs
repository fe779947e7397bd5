using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// The engine's call sequences for one FlinkConnection (Check before Create and Update, the checked inputs
/// passed on), so tests state what they do to a resource rather than how the protocol carries it.
/// </summary>
public static class Lifecycle
{
    public const string Type = "confluentflink:index:FlinkConnection";

    public static string Urn(string name) => $"urn:pulumi:robust::robust::{Type}::{name}";

    /// <summary>An OPENAI connection: the smallest valid input set, with its credential as a secret.</summary>
    public static Struct OpenAiInputs(string name, string apiKey) => Wire.Struct(
        ("displayName", name),
        ("type", "OPENAI"),
        ("endpoint", "https://api.openai.com/v1/chat/completions"),
        ("apiKey", Wire.Secret(apiKey)));

    public static async Task<Struct> CheckAsync(ResourceProvider.ResourceProviderClient client, string name, Struct news,
        Struct? olds = null, CancellationToken cancellationToken = default)
    {
        var checkedInputs = await client.CheckAsync(new CheckRequest
        {
            Urn = Urn(name), Type = Type, Name = name, Olds = olds ?? new Struct(), News = news,
        }, cancellationToken: cancellationToken);
        if (checkedInputs.Failures.Count > 0)
            throw new InvalidOperationException("Check failed: " + string.Join("; ", checkedInputs.Failures.Select(f => $"{f.Property}: {f.Reason}")));
        return checkedInputs.Inputs;
    }

    public static async Task<(string Id, Struct Outputs, Struct Inputs)> CreateAsync(ResourceProvider.ResourceProviderClient client,
        string name, Struct news, CancellationToken cancellationToken = default)
    {
        var inputs = await CheckAsync(client, name, news, cancellationToken: cancellationToken);
        var created = await client.CreateAsync(new CreateRequest
        {
            Urn = Urn(name), Type = Type, Name = name, Properties = inputs, Timeout = 300,
        }, cancellationToken: cancellationToken);
        return (created.Id, created.Properties, inputs);
    }

    public static async Task<ReadResponse> ReadAsync(ResourceProvider.ResourceProviderClient client, string name, string id,
        Struct outputs, Struct inputs, CancellationToken cancellationToken = default) =>
        await client.ReadAsync(new ReadRequest
        {
            Urn = Urn(name), Type = Type, Name = name, Id = id, Properties = outputs, Inputs = inputs,
        }, cancellationToken: cancellationToken);

    public static async Task<(Struct Outputs, Struct Inputs)> UpdateAsync(ResourceProvider.ResourceProviderClient client, string name,
        string id, Struct olds, Struct oldInputs, Struct news, CancellationToken cancellationToken = default)
    {
        var inputs = await CheckAsync(client, name, news, oldInputs, cancellationToken);
        var updated = await client.UpdateAsync(new UpdateRequest
        {
            Urn = Urn(name), Type = Type, Name = name, Id = id, Olds = olds, OldInputs = oldInputs, News = inputs, Timeout = 300,
        }, cancellationToken: cancellationToken);
        return (updated.Properties, inputs);
    }

    public static async Task DeleteAsync(ResourceProvider.ResourceProviderClient client, string name, string id,
        Struct outputs, Struct inputs, CancellationToken cancellationToken = default) =>
        await client.DeleteAsync(new DeleteRequest
        {
            Urn = Urn(name), Type = Type, Name = name, Id = id, Properties = outputs, OldInputs = inputs, Timeout = 300,
        }, cancellationToken: cancellationToken);

    /// <summary>What the engine would show for a failed call: a gRPC status with a message written for users.</summary>
    public static string Describe(RpcException failure) => $"{failure.StatusCode}: {failure.Status.Detail}";
}
