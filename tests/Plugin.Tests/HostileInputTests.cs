using ConfluentFlink.Provider.Protocol;

namespace ConfluentFlink.Plugin.Tests;

/// <summary>
/// Inputs at the edge of what the wire allows, each answered as the user's error: a message that starts with what is
/// wrong, stays readable, and quotes no value the program marked secret.
/// </summary>
[Category(ChaosScale.Chaos), Parallelizable(ParallelScope.Children)]
public class HostileInputTests
{
    private const string MarkedSecret = "MARKED-SECRET-VALUE";

    /// <summary>A call with hostile inputs (an OPENAI connection's, to change), and how what the user reads of it must start.</summary>
    public static IEnumerable<TestCaseData> Calls =>
    [
        // Quoted whole, the URN would exceed the client's 64 KB trailer limit and arrive as a transport failure.
        Case("a huge URN is quoted readably", "malformed resource URN", (stack, inputs) =>
            Error(stack.Client.CheckAsync(new CheckRequest { Urn = new string('a', 300_000), News = inputs }).ResponseAsync)),
        // Check's inputs must stay encodable: an asset is refused on its property, not sent back.
        Case("an asset is the user's error on its property", "extra holds", (stack, inputs) =>
        {
            inputs.Fields["extra"] = Wire.ToValue(Wire.Struct((StructCodec.SignatureKey, StructCodec.AssetSignature), ("path", "/etc/passwd")));
            return Error(stack.Engine.CheckAsync("hostile", new Struct(), inputs));
        }),
        // Create without Check, as the fuzz does: the error quoting the odd type goes out masked.
        Case("a secret-marked value an error quotes is masked", "type '[secret]' is not supported", (stack, inputs) =>
        {
            inputs.Fields["type"] = Wire.Secret(MarkedSecret);
            return Error(Create(stack, inputs));
        }),
    ];

    [TestCaseSource(nameof(Calls))]
    public async Task IsAnsweredAsTheUsersErrorReadablyAndWithoutASecret(string start, Func<TestStack, Struct, Task<string>> call)
    {
        await using var stack = await PluginStack.StartAsync(new StackOptions { MaxRetries = 0 });
        var secrets = new Secrets(stack.FlinkSecret, MarkedSecret);

        var answer = await call(stack, PluginStack.OpenAi("hostile", secrets.New("sk-hostile")).Inputs);

        Assert.That(answer, Does.StartWith(start).And.Length.LessThan(5000));
        Assert.That(secrets.FoundIn(answer, stack.Transcript), Is.Empty);
    }

    private static TestCaseData Case(string name, string start, Func<TestStack, Struct, Task<string>> call) => new TestCaseData(start, call).SetArgDisplayNames(name);

    private static Task<CreateResponse> Create(TestStack stack, Struct inputs) =>
        stack.Client.CreateAsync(new CreateRequest { Urn = stack.Engine.Urn("hostile"), Type = Tokens.FlinkConnection, Properties = inputs }).ResponseAsync;

    private static string Reasons(IEnumerable<CheckFailure> failures) => string.Join("; ", failures.Select(f => f.Reason));

    /// <summary>The message of the error the call must end with: the user's, so InvalidArgument, and clear.</summary>
    private static async Task<string> Error(Task call)
    {
        var failure = Assert.ThrowsAsync<RpcException>(() => call)!;
        Assert.That(failure.StatusCode, Is.EqualTo(StatusCode.InvalidArgument), failure.Status.Detail);
        Assert.That(CallOutcomes.Unclear(failure, []), Is.Null);
        return failure.Status.Detail;
    }
}
