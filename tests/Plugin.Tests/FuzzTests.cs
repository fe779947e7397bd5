using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// Thousands of generated malformed calls to Check, Diff, Create, Read, Update and Invoke against the published plugin,
/// configured against a healthy emulator so that well-formed enough calls really reach the API. Every call ends in a
/// result or a clear error, and no secret of its inputs shows in an error, a plain value of the answer, or the plugin's
/// stdout/stderr. CHAOS_SEED picks the run; a failure names its case, which depends on (seed, index) alone.
/// </summary>
[Category(ChaosScale.Chaos)]
public class FuzzTests
{
    [Test]
    public async Task MalformedCallsAreAnsweredClearlyAndNeverLeakASecret()
    {
        var (seed, count) = (ChaosScale.Seeds[0], ChaosScale.Scaled(3000));
        await using var stack = await PluginStack.StartAsync(new StackOptions { MaxRetries = 0 });
        var secrets = new Secrets(stack.FlinkSecret);
        var problems = new ConcurrentBag<(int Index, string Problem)>();
        var outcomes = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (index, _) =>
        {
            var values = new FuzzValues(new Random(unchecked(seed * 7919 + index)));
            var request = Request(index, values);
            secrets.Add(values.Secrets);
            var (outcome, problem) = await SendAsync(stack.Client, request, values.Secrets);
            outcomes.AddOrUpdate($"{request.Descriptor.Name} {outcome}", 1, (_, n) => n + 1);
            if (problem is not null) problems.Add((index, $"case {index} ({request.Descriptor.Name}): {problem}"));
        });

        TestContext.Out.WriteLine($"fuzz seed {seed}, {count} cases: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}"))}");
        var report = string.Join("\n", problems.OrderBy(p => p.Index).Take(15).Select(p => p.Problem));
        Assert.Multiple(async () =>
        {
            Assert.That(problems, Is.Empty, $"seed {seed} (set CHAOS_SEED={seed} to repeat); {problems.Count} bad answers, first ones:\n{report}");
            Assert.That((await stack.Client.GetPluginInfoAsync(new Empty())).Version, Is.Not.Empty, "the plugin still answers");
            Assert.That(secrets.FoundIn(stack.Process!.Transcript), Is.Empty, $"seed {seed}: secrets in the plugin's stdout/stderr");
            Assert.That(stack.Process.StandardOutput, Is.EqualTo($"{stack.Process.Port}\n"), "stdout carries only the port");
        });
    }

    /// <summary>The answer's status, and what is wrong with it: null for a result or a clear error that leaks nothing.</summary>
    private static async Task<(string Outcome, string? Problem)> SendAsync(ResourceProvider.ResourceProviderClient client, IMessage request,
        IReadOnlyList<string> secrets)
    {
        // Well beyond any honest answer: a case that needs this long is a hang.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            IMessage answer = request switch
            {
                CheckRequest r => await client.CheckAsync(r, cancellationToken: deadline.Token),
                DiffRequest r => await client.DiffAsync(r, cancellationToken: deadline.Token),
                CreateRequest r => await client.CreateAsync(r, cancellationToken: deadline.Token),
                ReadRequest r => await client.ReadAsync(r, cancellationToken: deadline.Token),
                UpdateRequest r => await client.UpdateAsync(r, cancellationToken: deadline.Token),
                _ => await client.InvokeAsync((InvokeRequest)request, cancellationToken: deadline.Token),
            };
            return ("OK", SecretScan.FindLeaks(secrets, PlainText(answer).ToArray()).Count > 0 ? "a secret is in a plain value of the answer" : null);
        }
        catch (RpcException) when (deadline.IsCancellationRequested)
        {
            return ("no answer", "no answer within 60 s");
        }
        catch (RpcException failure)
        {
            // Unavailable is right for an input that points restEndpoint somewhere dead (a create whose request may have got
            // there quotes that failure); from the transport it means the plugin died.
            return (failure.StatusCode.ToString(), failure.StatusCode == StatusCode.Unavailable && !failure.Status.Detail.Contains("Confluent API unreachable")
                ? $"Unavailable ({failure.Status.Detail}): the plugin itself failed"
                : CallOutcomes.Unclear(failure, secrets));
        }
    }

    /// <summary>Every string of an answer outside secret wrappers: what the engine would store or show in plain.</summary>
    private static IEnumerable<string> PlainText(object? value) => value switch
    {
        Struct properties => Wire.PlainStrings(properties),
        string text => [text],
        IMessage message => message.Descriptor.Fields.InDeclarationOrder().SelectMany(f => PlainText(f.Accessor.GetValue(message))),
        IDictionary map => map.Keys.Cast<object>().Concat(map.Values.Cast<object>()).SelectMany(PlainText),
        IEnumerable items => items.Cast<object>().SelectMany(PlainText),
        _ => [],
    };

    /// <summary>Case <paramref name="index"/>, a call of each method in turn: mostly with the right type and URN, sometimes not.</summary>
    private static IMessage Request(int index, FuzzValues values)
    {
        var (type, urn) = values.Chance(0.8) ? (Tokens.FlinkConnection, $"urn:pulumi:s::p::{Tokens.FlinkConnection}::n") : values.Next(4) switch
        {
            0 => ("", $"urn:pulumi:s::p::parent$${Tokens.FlinkConnection}::n"),
            1 => ("", values.AnyString()),
            2 => (values.Pick(["confluentflink:index:flinkConnection", "aws:s3:Bucket", Tokens.GetFlinkConnection, ":::"]), ""),
            _ => (values.AnyString(), values.AnyString()),
        };
        var id = values.Next(4) switch
        {
            0 => TestStack.IdOf($"fuzz-{values.Next(1000)}"),
            1 => $"{values.AnyString()}/{values.AnyString()}/{values.AnyString()}",
            _ => values.AnyString(),
        };
        return (index % 6) switch
        {
            0 => new CheckRequest { Type = type, Urn = urn, Olds = values.Chance(0.5) ? new Struct() : values.Properties(), News = values.Properties() },
            1 => new DiffRequest
            {
                Type = type, Urn = urn, Id = id, Olds = values.Properties(), OldInputs = values.Properties(), News = values.Properties(),
                IgnoreChanges = { values.Chance(0.2) ? [values.AnyString(), "displayName", "credentials.secret"] : Array.Empty<string>() },
            },
            2 => new CreateRequest { Type = type, Urn = urn, Properties = values.Properties(), Preview = values.Chance(0.5), Timeout = values.Next(3) },
            // Import sends neither properties nor inputs; refresh sends both.
            3 => new ReadRequest
                { Type = type, Urn = urn, Id = id, Properties = values.Chance(0.7) ? values.Properties() : null, Inputs = values.Chance(0.7) ? values.Properties() : null },
            4 => new UpdateRequest
                { Type = type, Urn = urn, Id = id, Olds = values.Properties(), OldInputs = values.Properties(), News = values.Properties(), Preview = values.Chance(0.5) },
            _ => new InvokeRequest
            {
                Tok = values.Chance(0.8) ? values.Pick([Tokens.GetFlinkConnection, Tokens.GetFlinkConnections])
                    : values.Pick([values.AnyString(), Tokens.FlinkConnection, "confluentflink:index:getflinkconnection"]),
                Args = values.Chance(0.5) ? values.Properties() : values.RandomStruct(depth: 3, topLevel: true),
                Preview = values.Chance(0.3),
            },
        };
    }
}
