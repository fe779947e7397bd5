using System.Collections.Concurrent;
using ConfluentFlink.Harness;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// Thousands of generated malformed calls to Check, Diff, Create, Read, Update and Invoke against the published
/// plugin (configured against a healthy emulator, so well-formed enough calls really reach the API). Proves that
/// bad input never crashes the plugin or leaks: every call ends in a result or a clear error, and no secret from
/// the inputs shows up in an error, a plain output value, or the plugin's stdout/stderr.
/// Reproducible: CHAOS_SEED picks the run, and each failure names its case, which depends on (seed, index) only.
/// </summary>
[TestFixture]
public class FuzzTests
{
    private const int Parallelism = 4;

    [Test]
    public async Task MalformedCallsAreAnsweredClearlyAndNeverLeakASecret()
    {
        var seed = ChaosScale.Seed;
        var count = ChaosScale.Scaled(3000);
        await using var session = await PluginSession.StartAsync(maxRetries: 0);
        var problems = new ConcurrentBag<(int Index, string Problem)>();
        var secrets = new ConcurrentBag<string>([session.ApiSecret]);
        var outcomes = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, _) =>
        {
            var fuzzCase = FuzzCaseGenerator.Make(seed, index);
            foreach (var secret in fuzzCase.Secrets) secrets.Add(secret);
            var problem = await RunAsync(session.Client, fuzzCase, outcomes);
            if (problem is not null) problems.Add((index, $"{problem}\n    {fuzzCase.Describe()}"));
        });

        var stillUp = !session.Plugin.HasExited;
        var info = stillUp ? await session.Client.GetPluginInfoAsync(new Empty()) : null;
        var transcriptLeaks = SecretScan.FindLeaks(secrets, session.Plugin.Transcript);
        TestContext.Out.WriteLine($"fuzz seed {seed}, {count} cases: " +
                                  string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}")));

        var report = string.Join("\n", problems.OrderBy(p => p.Index).Take(15).Select(p => p.Problem));
        Assert.Multiple(() =>
        {
            Assert.That(stillUp && info is not null, Is.True, $"the plugin process died (seed {seed})");
            Assert.That(problems, Is.Empty, $"seed {seed} (set CHAOS_SEED={seed} to repeat); {problems.Count} bad answers, first ones:\n{report}");
            Assert.That(transcriptLeaks, Is.Empty, $"seed {seed}: secrets in the plugin's stdout/stderr:\n" + string.Join("\n",
                transcriptLeaks.Select(leak => session.Plugin.Transcript.Split('\n').First(line => line.Contains(leak, StringComparison.Ordinal)))
                    .Select(line => line.Length > 400 ? line[..400] : line)));
            Assert.That(session.Plugin.StandardOutput, Is.EqualTo($"{session.Plugin.Port}\n"), "stdout carries only the port");
        });
    }

    /// <summary>Null when the plugin's answer to the case is acceptable, else what is wrong with it.</summary>
    private static async Task<string?> RunAsync(ResourceProvider.ResourceProviderClient client, FuzzCase fuzzCase,
        ConcurrentDictionary<string, int> outcomes)
    {
        // Well beyond any honest answer: a case that needs this long is a hang.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var response = await fuzzCase.SendAsync(client, deadline.Token);
            outcomes.AddOrUpdate($"{fuzzCase.Method} OK", 1, (_, n) => n + 1);
            var leaks = SecretScan.FindLeaks(fuzzCase.Secrets, PlainText(response).ToArray());
            return leaks.Count > 0 ? $"a secret is in a plain output value of {fuzzCase.Method}" : null;
        }
        catch (RpcException failure) when (!deadline.IsCancellationRequested)
        {
            outcomes.AddOrUpdate($"{fuzzCase.Method} {failure.StatusCode}", 1, (_, n) => n + 1);
            // Unavailable is right for an input that points restEndpoint somewhere dead (a create whose request may have got
            // there quotes that failure in its may-exist error); from the transport it means the plugin died.
            return failure.StatusCode == StatusCode.Unavailable && !failure.Status.Detail.Contains("Confluent API unreachable", StringComparison.Ordinal)
                ? $"Unavailable ({failure.Status.Detail}): the plugin itself failed"
                : CallOutcomes.Unclear(failure, fuzzCase.Secrets);
        }
        catch (RpcException) when (deadline.IsCancellationRequested)
        {
            return "no answer within 60 s";
        }
    }

    /// <summary>Every string of a response outside secret wrappers: what the engine would store or show in plain.</summary>
    private static IEnumerable<string> PlainText(IMessage response) => response switch
    {
        CheckResponse r => Strings(r.Inputs).Concat(r.Failures.SelectMany(f => new[] { f.Property, f.Reason })),
        DiffResponse r => r.Replaces.Concat(r.Stables).Concat(r.Diffs).Concat(r.DetailedDiff.Keys),
        CreateResponse r => Strings(r.Properties),
        ReadResponse r => Strings(r.Properties).Concat(Strings(r.Inputs)).Append(r.Id),
        UpdateResponse r => Strings(r.Properties),
        InvokeResponse r => Strings(r.Return).Concat(r.Failures.SelectMany(f => new[] { f.Property, f.Reason })),
        _ => [],
    };

    private static IEnumerable<string> Strings(Struct? properties) =>
        properties is null ? [] : properties.Fields.SelectMany(f => Strings(f.Value).Prepend(f.Key));

    private static IEnumerable<string> Strings(Value value) => value.KindCase switch
    {
        _ when Wire.IsSecret(value) => [],
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.ListValue => value.ListValue.Values.SelectMany(Strings),
        Value.KindOneofCase.StructValue => Strings(value.StructValue),
        _ => [],
    };
}
