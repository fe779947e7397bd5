using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>One generated provider call: what it sends, the secrets in it, and how to replay it.</summary>
public sealed record FuzzCase(int Index, string Method, IMessage Request, IReadOnlyList<string> Secrets)
{
    public Task<IMessage> SendAsync(ResourceProvider.ResourceProviderClient client, CancellationToken token) => Request switch
    {
        CheckRequest r => Cast(client.CheckAsync(r, cancellationToken: token).ResponseAsync),
        DiffRequest r => Cast(client.DiffAsync(r, cancellationToken: token).ResponseAsync),
        CreateRequest r => Cast(client.CreateAsync(r, cancellationToken: token).ResponseAsync),
        ReadRequest r => Cast(client.ReadAsync(r, cancellationToken: token).ResponseAsync),
        UpdateRequest r => Cast(client.UpdateAsync(r, cancellationToken: token).ResponseAsync),
        InvokeRequest r => Cast(client.InvokeAsync(r, cancellationToken: token).ResponseAsync),
        _ => throw new InvalidOperationException($"no fuzz call for {Request.GetType().Name}"),
    };

    /// <summary>The request, shortened, for a failure report (huge strings would drown it).</summary>
    public string Describe()
    {
        // Protobuf's own JSON refuses some of what the fuzzer sends (empty Struct keys), so render it by hand.
        var fields = Request.Descriptor.Fields.InFieldNumberOrder()
            .Select(f => (f.Name, Value: f.Accessor.GetValue(Request)))
            .Where(f => f.Value is not (null or "" or false or 0d or 0) && f.Value is not System.Collections.ICollection { Count: 0 })
            .Select(f => $"{f.Name}={Render(f.Value)}");
        var text = string.Join(" ", fields);
        return $"case {Index} ({Method}): {(text.Length > 2000 ? text[..2000] + "..." : text)}";
    }

    private static string Render(object value) => value switch
    {
        Struct s => "{" + string.Join(", ", s.Fields.Select(f => $"{Short(f.Key)}: {Render(f.Value)}")) + "}",
        Value { KindCase: Value.KindOneofCase.StructValue } v => Render(v.StructValue),
        Value { KindCase: Value.KindOneofCase.ListValue } v => "[" + string.Join(", ", v.ListValue.Values.Select(Render)) + "]",
        Value { KindCase: Value.KindOneofCase.StringValue } v => $"\"{Short(v.StringValue)}\"",
        Value { KindCase: Value.KindOneofCase.NumberValue } v => v.NumberValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Value { KindCase: Value.KindOneofCase.BoolValue } v => v.BoolValue ? "true" : "false",
        Value => "null",
        string s => $"\"{Short(s)}\"",
        IEnumerable<string> items => "[" + string.Join(", ", items.Select(Render)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Short(string text) => text.Length <= 80 ? text : $"{text[..40]}...({text.Length} chars)";

    private static async Task<IMessage> Cast<T>(Task<T> call) where T : IMessage => await call;
}

/// <summary>
/// Makes fuzz case <c>i</c> of a run from <c>(seed, i)</c> alone, so any one case can be replayed without the others
/// and the cases can run in parallel.
/// </summary>
public static class FuzzCaseGenerator
{
    public const string ValidType = "confluentflink:index:FlinkConnection";
    public const string ValidFunction = "confluentflink:index:getFlinkConnection";

    public static readonly string[] Methods = ["Check", "Diff", "Create", "Read", "Update", "Invoke"];

    public static FuzzCase Make(int seed, int index)
    {
        var values = new FuzzValues(new Random(HashCode.Combine(seed, index)));
        var method = Methods[index % Methods.Length];
        var (type, urn) = TypeAndUrn(values);
        IMessage request = method switch
        {
            "Check" => new CheckRequest { Type = type, Urn = urn, Olds = MaybeEmpty(values), News = values.Properties() },
            "Diff" => new DiffRequest
            {
                Type = type, Urn = urn, Id = Id(values), Olds = values.Properties(), OldInputs = values.Properties(), News = values.Properties(),
                IgnoreChanges = { values.Chance(0.2) ? [values.AnyString(), "displayName", "credentials.secret"] : Array.Empty<string>() },
            },
            "Create" => new CreateRequest { Type = type, Urn = urn, Properties = values.Properties(), Preview = values.Chance(0.5), Timeout = values.Next(3) },
            "Read" => Read(values, type, urn),
            "Update" => new UpdateRequest
            {
                Type = type, Urn = urn, Id = Id(values), Olds = values.Properties(), OldInputs = values.Properties(),
                News = values.Properties(), Preview = values.Chance(0.5),
            },
            _ => new InvokeRequest
            {
                Tok = values.Chance(0.8) ? ValidFunction : values.Pick([values.AnyString(), ValidType, "confluentflink:index:getflinkconnection"]),
                Args = values.Chance(0.5) ? values.Properties() : values.RandomStruct(depth: 3, topLevel: true),
                Preview = values.Chance(0.3),
            },
        };
        return new FuzzCase(index, method, request, values.Secrets);
    }

    private static ReadRequest Read(FuzzValues values, string type, string urn)
    {
        var request = new ReadRequest { Type = type, Urn = urn, Id = Id(values) };
        // Import sends neither properties nor inputs; refresh sends both.
        if (values.Chance(0.7)) request.Properties = values.Properties();
        if (values.Chance(0.7)) request.Inputs = values.Properties();
        return request;
    }

    private static (string Type, string Urn) TypeAndUrn(FuzzValues values)
    {
        if (values.Chance(0.8)) return (ValidType, $"urn:pulumi:s::p::{ValidType}::n");
        return values.Next(4) switch
        {
            0 => ("", $"urn:pulumi:s::p::parent$${ValidType}::n"),
            1 => ("", values.AnyString()),
            2 => (values.Pick(["confluentflink:index:flinkConnection", "aws:s3:Bucket", "confluentflink:index:getFlinkConnection", ":::"]), ""),
            _ => (values.AnyString(), values.AnyString()),
        };
    }

    private static string Id(FuzzValues values) => values.Next(4) switch
    {
        0 => PluginSession.IdOf($"fuzz-{values.Next(1000)}"),
        1 => $"{values.AnyString()}/{values.AnyString()}/{values.AnyString()}",
        _ => values.AnyString(),
    };

    private static Struct MaybeEmpty(FuzzValues values) => values.Chance(0.5) ? new Struct() : values.Properties();
}
