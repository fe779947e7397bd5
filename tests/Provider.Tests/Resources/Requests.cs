using System.Collections.Immutable;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>Request records for tests, by named argument, with what the engine would send for the rest.</summary>
internal static class Requests
{
    public const string Token = FlinkConnectionResource.Token;
    public static readonly ResourceUrn Urn = new($"urn:pulumi:dev::flink::{Token}::conn");

    public static CheckRequest Check(PropertyMap newInputs, PropertyMap? oldInputs = null, byte[]? randomSeed = null,
        AutonamingOptions? autonaming = null, string name = "conn") =>
        new(Urn with { Value = $"urn:pulumi:dev::flink::{Token}::{name}" }, Token, name, oldInputs ?? PropertyMap.Empty, newInputs,
            (randomSeed ?? [1, 2, 3]).ToImmutableArray(), autonaming);

    public static DiffRequest Diff(string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, IReadOnlyList<string>? ignoreChanges = null) =>
        new(Urn, Token, id, oldState, oldInputs, newInputs, ignoreChanges ?? []);

    public static CreateRequest Create(PropertyMap properties, bool preview = false, TimeSpan? timeout = null) =>
        new(Urn, Token, properties, timeout, preview);

    public static ReadRequest Read(string id, PropertyMap? properties, PropertyMap? inputs, TimeSpan? timeout = null) =>
        new(Urn, Token, id, properties, inputs, timeout);

    /// <summary>What the engine sends on import: the id alone.</summary>
    public static ReadRequest Import(string id) => new(Urn, Token, id, null, null, null);

    public static UpdateRequest Update(string id, PropertyMap oldState, PropertyMap oldInputs, PropertyMap newInputs, bool preview = false, TimeSpan? timeout = null) =>
        new(Urn, Token, id, oldState, oldInputs, newInputs, timeout, preview, []);

    public static DeleteRequest Delete(string id, PropertyMap properties, PropertyMap oldInputs, TimeSpan? timeout = null) =>
        new(Urn, Token, id, properties, oldInputs, timeout);

    public static InvokeRequest Invoke(PropertyMap args, string token = GetFlinkConnectionFunction.Token) => new(token, args);
}
