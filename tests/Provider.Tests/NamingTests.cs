using System.Text.RegularExpressions;
using ConfluentFlink.Harness;
using Google.Protobuf;
using Pulumirpc;
using AutonamingMode = Pulumirpc.CheckRequest.Types.AutonamingOptions.Types.Mode;

namespace ConfluentFlink.Provider.Tests;

/// <summary>Connections without a name: generated as a native provider's are, kept, and replaced create-first.</summary>
public sealed partial class NamingTests : ProviderTest
{
    private static ResourceGoal Unnamed(string resource = "summarizer", string endpoint = OpenAiEndpoint) =>
        new(resource, Wire.Struct(("type", "OPENAI"), ("endpoint", endpoint), ("apiKey", Wire.Secret(OpenAiKey))));

    private static string? NameIn(CheckResponse check) => Wire.Text(check.Inputs, "displayName");

    [Test]
    public async Task AGeneratedNameIsTheResourceNameAndSevenCharactersOfTheSeedAndIsRecordedAsGenerated()
    {
        var seed = ByteString.CopyFromUtf8("a seed");
        var first = await Engine.CheckAsync("My_Summarizer", new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs, seed);
        var again = await Engine.CheckAsync("My_Summarizer", new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs, seed);

        Assert.That(NameIn(first), Does.Match("^my-summarizer-[a-z0-9]{7}$"));
        Assert.That(NameIn(again), Is.EqualTo(NameIn(first)), "the same seed gives the same name");
        Assert.That(first.Inputs.Fields["__defaults"].ListValue.Values.Select(v => v.StringValue), Is.EqualTo(new[] { "displayName" }));
    }

    /// <summary>A prefix longer than the limit leaves room for "-" and the seven characters; one of 92 just fits.</summary>
    [TestCase(92)]
    [TestCase(93)]
    [TestCase(150)]
    public async Task ALongResourceNameIsCutSoTheNameStaysValid(int length)
    {
        var check = await Engine.CheckAsync(new string('x', length), new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs);
        Assert.That(NameIn(check), Does.Match($"^x{{{Catalog.Name.MaxLength - 8}}}-[a-z0-9]{{7}}$"));
        Assert.That(check.Failures, Is.Empty);
    }

    [Test]
    public async Task AGeneratedNameIsKeptByLaterUpdatesAndReplacedCreateFirst()
    {
        await Engine.UpAsync(Unnamed());
        var first = Wire.Text(Engine.State["summarizer"].Outputs, "displayName")!;
        Assert.That((await Engine.UpAsync(Unnamed())).Single().Kind, Is.EqualTo(StepKind.Same));

        Assert.That(Engine.State["summarizer"].Outputs.Fields.ContainsKey("__defaults"), Is.False, "the marker stays in the inputs");
        await Engine.RefreshAsync();
        Assert.That(Engine.State["summarizer"].Inputs.Fields["__defaults"].ListValue.Values.Single().StringValue, Is.EqualTo("displayName"), "kept by refresh");

        var replace = (await Engine.UpAsync(Unnamed(endpoint: "https://api.openai.com/v1/responses"))).Single();

        var second = Wire.Text(Engine.State["summarizer"].Outputs, "displayName")!;
        Assert.That((replace.Kind, replace.Note), Is.EqualTo((StepKind.Replace, "create before delete")));
        Assert.That(second, Is.Not.EqualTo(first).And.Match("^summarizer-[a-z0-9]{7}$"));
        Assert.That((Stack.Stored(second) is not null, Stack.Stored(first) is null), Is.EqualTo((true, true)));
    }

    /// <summary>(the stack's autonaming mode, the name it proposes, the name used or the failure's phrase).</summary>
    [TestCase(AutonamingMode.Propose, "team-chat-prod", "team-chat-prod")]
    [TestCase(AutonamingMode.Propose, "Team_Chat", "team-chat")]
    [TestCase(AutonamingMode.Enforce, "team.chat", "team.chat")]
    [TestCase(AutonamingMode.Enforce, "Team_Chat", "the stack's autonaming configuration proposes the name 'Team_Chat', which is not a valid connection name")]
    [TestCase(AutonamingMode.Disable, "", "displayName is required: the stack's autonaming configuration disables generated names")]
    public async Task TheStacksAutonamingConfigurationIsHonoured(AutonamingMode mode, string proposed, string expected)
    {
        var check = await Engine.CheckAsync("chat", new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs,
            autonaming: new CheckRequest.Types.AutonamingOptions { Mode = mode, ProposedName = proposed });

        Assert.That(check.Failures.Count == 0 ? NameIn(check) : check.Failures.Single().Reason, Does.StartWith(expected));
    }

    [Test]
    public async Task AProposedNameWithNothingValidLeftIsGeneratedFromTheSeed()
    {
        var check = await Engine.CheckAsync("chat", new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs,
            autonaming: new CheckRequest.Types.AutonamingOptions { Mode = AutonamingMode.Propose, ProposedName = "___" });
        Assert.That(NameIn(check), Does.Match("^[a-z0-9]{7}$"));
    }

    [Test]
    public async Task TheProviderDeclaresItHonoursAutonaming()
    {
        var handshake = await Stack.Client.HandshakeAsync(new ProviderHandshakeRequest());
        Assert.That(handshake.SupportsAutonamingConfiguration, Is.True);
    }

    /// <summary>(the resource's name, or the stack's proposal, and the name used: its characters made valid, then cut to the limit).</summary>
    [TestCase("My.Svc_0", null, "^my-svc-0-[a-z0-9]{7}$")]
    [TestCase("---", null, "^[a-z0-9]{7}$")]
    [TestCase("chat", "Team.Chat_2", @"^team\.chat-2$")]
    [TestCase("chat", ".a.b-", @"^a\.b$")]
    public async Task ANameIsMadeValidFromWhatTheProgramOrTheStackGives(string resource, string? proposed, string pattern)
    {
        var check = await Engine.CheckAsync(resource, new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs,
            autonaming: proposed is null ? null : new CheckRequest.Types.AutonamingOptions { Mode = AutonamingMode.Propose, ProposedName = proposed });
        Assert.That(NameIn(check), Does.Match(pattern));
    }

    [Test]
    public async Task ALongProposedNameIsCutAtTheLimitAndAnEngineWithoutSeedOrNameStillGetsOne()
    {
        var proposed = await Engine.CheckAsync("chat", new Google.Protobuf.WellKnownTypes.Struct(), Unnamed().Inputs,
            autonaming: new CheckRequest.Types.AutonamingOptions { Mode = AutonamingMode.Propose, ProposedName = "A_" + new string('b', 120) });
        Assert.That(NameIn(proposed), Is.EqualTo("a-" + new string('b', Catalog.Name.MaxLength - 2)));

        var bare = await Stack.Client.CheckAsync(new CheckRequest { Urn = Engine.Urn("From-Urn"), Olds = new Google.Protobuf.WellKnownTypes.Struct(), News = Unnamed().Inputs });
        var again = await Stack.Client.CheckAsync(new CheckRequest { Urn = Engine.Urn("From-Urn"), Olds = new Google.Protobuf.WellKnownTypes.Struct(), News = Unnamed().Inputs });
        Assert.That(NameIn(bare), Does.Match("^from-urn-[a-z0-9]{7}$"));
        Assert.That(NameIn(again), Is.Not.EqualTo(NameIn(bare)), "without a seed, fresh randomness");
    }

    [Test]
    public async Task ANameTheProgramDropsIsReplacedByAGeneratedOneCreatedFirstAndAProgramsNameWinsOverTheStacksOptions()
    {
        Engine.Autonaming = new CheckRequest.Types.AutonamingOptions { Mode = AutonamingMode.Enforce, ProposedName = "from-the-stack" };
        await Engine.UpAsync(OpenAi("summarizer"));
        Assert.That(Stack.Stored("summarizer"), Is.Not.Null, "the program's name, whatever the stack proposes");

        var dropped = (await Engine.UpAsync(Unnamed())).Single();
        Assert.That((dropped.Kind, dropped.Note, Wire.Text(Engine.State["summarizer"].Outputs, "displayName")),
            Is.EqualTo((StepKind.Replace, "create before delete", "from-the-stack")));

        Engine.Autonaming = new CheckRequest.Types.AutonamingOptions { Mode = AutonamingMode.Enforce, ProposedName = "another-name" };
        Assert.That((await Engine.UpAsync(Unnamed())).Single().Kind, Is.EqualTo(StepKind.Same), "a generated name is kept whatever the options say now");
    }
}
