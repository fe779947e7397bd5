using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Tests.Resources.Props;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>Names for connections whose program gives none, and which replacements may create before deleting.</summary>
public class AutonamingTests
{
    private static PropertyMap Unnamed() => ProviderFixture.OpenAi().Remove("displayName");

    private static string NameOf(CheckResult result) => ((StringValue)result.Inputs.GetPath("displayName")).Value;

    [Test]
    public void AMissingNameIsTheResourceNameAndSevenCharactersFromTheSeed()
    {
        var result = new ProviderFixture().Provider.Check(Requests.Check(Unnamed(), name: "My_Conn", randomSeed: [9, 9, 9]));
        Assert.That(result.Failures, Is.Empty);
        Assert.That(NameOf(result), Does.Match("^my-conn-[a-z0-9]{7}$"));
        Assert.That(result.Inputs.Get("__defaults"), Is.EqualTo(new ArrayValue([new StringValue("displayName")])), "the choice is recorded in the inputs");
    }

    [Test]
    public void TheSameSeedGivesTheSameNameAndAnotherSeedAnother()
    {
        var provider = new ProviderFixture().Provider;
        var first = NameOf(provider.Check(Requests.Check(Unnamed(), randomSeed: [1, 2, 3])));
        Assert.That(NameOf(provider.Check(Requests.Check(Unnamed(), randomSeed: [1, 2, 3]))), Is.EqualTo(first));
        Assert.That(NameOf(provider.Check(Requests.Check(Unnamed(), randomSeed: [3, 2, 1]))), Is.Not.EqualTo(first));
    }

    [TestCase("conn")]
    [TestCase("-Weird Name!!.v2-")]
    [TestCase("___")]
    [TestCase("a-very-long-resource-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on")]
    public void GeneratedNamesAlwaysFollowTheApiNameRule(string resourceName)
    {
        var result = new ProviderFixture().Provider.Check(Requests.Check(Unnamed(), name: resourceName));
        Assert.That(result.Failures, Is.Empty, string.Join("; ", result.Failures));
        Assert.That(FlinkConnectionValidator.NameProblem(NameOf(result)), Is.Null, NameOf(result));
    }

    [Test]
    public void ANameGeneratedEarlierIsKeptWhateverTheAutonamingOptionsSay()
    {
        var provider = new ProviderFixture().Provider;
        var first = provider.Check(Requests.Check(Unnamed(), randomSeed: [1]));
        var again = provider.Check(Requests.Check(Unnamed(), oldInputs: first.Inputs, randomSeed: [2],
            autonaming: new AutonamingOptions("proposed-name", AutonamingMode.Enforce)));
        Assert.That(NameOf(again), Is.EqualTo(NameOf(first)));
        Assert.That(again.Inputs.Get("__defaults"), Is.EqualTo(first.Inputs.Get("__defaults")));
    }

    [Test]
    public void AUsersOldNameIsNotKeptWhenTheProgramDropsIt()
    {
        var provider = new ProviderFixture().Provider;
        var named = provider.Check(Requests.Check(ProviderFixture.OpenAi(name: "mine")));
        var unnamed = provider.Check(Requests.Check(Unnamed(), oldInputs: named.Inputs));
        Assert.That(NameOf(unnamed), Does.StartWith("conn-"));
    }

    [Test]
    public void EnforcedNamesAreUsedExactlyOrFailOnDisplayName()
    {
        var provider = new ProviderFixture().Provider;
        var enforced = provider.Check(Requests.Check(Unnamed(), autonaming: new AutonamingOptions("team-a.openai", AutonamingMode.Enforce)));
        Assert.That(NameOf(enforced), Is.EqualTo("team-a.openai"));

        var invalid = provider.Check(Requests.Check(Unnamed(), autonaming: new AutonamingOptions("Team_A", AutonamingMode.Enforce)));
        Assert.That(invalid.Failures.Select(f => f.Property), Is.EqualTo(new[] { "displayName" }));
        Assert.That(invalid.Failures[0].Reason, Does.Contain("Team_A").And.Contain("lower-case letters"));
    }

    [Test]
    public void ProposedNamesAreAdjustedToTheNameRule()
    {
        var provider = new ProviderFixture().Provider;
        Assert.That(NameOf(provider.Check(Requests.Check(Unnamed(), autonaming: new AutonamingOptions("dev-conn-x1", AutonamingMode.Propose)))),
            Is.EqualTo("dev-conn-x1"));
        Assert.That(NameOf(provider.Check(Requests.Check(Unnamed(), autonaming: new AutonamingOptions("Dev_Conn X1", AutonamingMode.Propose)))),
            Is.EqualTo("dev-conn-x1"));
    }

    [Test]
    public void DisabledAutonamingRequiresAName()
    {
        var result = new ProviderFixture().Provider.Check(Requests.Check(Unnamed(), autonaming: new AutonamingOptions("", AutonamingMode.Disable)));
        Assert.That(result.Failures.Select(f => f.Property), Is.EqualTo(new[] { "displayName" }));
        Assert.That(result.Failures[0].Reason, Does.Contain("displayName is required"));
    }

    [Test]
    public void ANameTheProgramGivesIsUsedExactlyAsGivenWhateverTheOptions()
    {
        var result = new ProviderFixture().Provider.Check(Requests.Check(ProviderFixture.OpenAi(name: "exact.name-1"),
            autonaming: new AutonamingOptions("other", AutonamingMode.Enforce)));
        Assert.That(NameOf(result), Is.EqualTo("exact.name-1"));
        Assert.That(result.Inputs.ContainsKey("__defaults"), Is.False);
    }

    [Test]
    public async Task AGeneratedNameReachesTheApiAndTheOutputsWithoutTheMarker()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(Unnamed());
        var name = ((StringValue)inputs.GetPath("displayName")).Value;
        Assert.That(id, Is.EqualTo($"org-1/env-1/{name}"));
        Assert.That(outputs.GetPath("displayName"), Is.EqualTo(new StringValue(name)));
        Assert.That(outputs.ContainsKey("__defaults"), Is.False);
    }

    [Test]
    public async Task ReplacingAConnectionWithAGeneratedNameCreatesTheNewOneFirst()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(Unnamed());
        var news = fixture.Provider.Check(Requests.Check(Unnamed().With("endpoint", new StringValue("https://other.example.com/v1")), oldInputs: inputs)).Inputs;
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "endpoint" }));
        Assert.That(diff.DeleteBeforeReplace, Is.False);
    }

    [Test]
    public async Task ReplacingAConnectionWithTheUsersNameDeletesFirst()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi());
        var news = fixture.Check(ProviderFixture.OpenAi(endpoint: "https://other.example.com/v1")).Inputs;
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "endpoint" }));
        Assert.That(diff.DeleteBeforeReplace, Is.True);
    }

    [Test]
    public async Task DroppingTheUsersNameFromTheProgramReplacesWithAGeneratedOneCreatedFirst()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(ProviderFixture.OpenAi(name: "mine"));
        var news = fixture.Provider.Check(Requests.Check(Unnamed(), oldInputs: inputs)).Inputs;
        var diff = fixture.Provider.Diff(Requests.Diff(id, outputs, inputs, news));
        Assert.That(diff.Replaces, Is.EqualTo(new[] { "displayName" }));
        Assert.That(diff.DeleteBeforeReplace, Is.False);
    }

    [Test]
    public async Task ARefreshKeepsTheRecordOfAGeneratedName()
    {
        var fixture = new ProviderFixture();
        var (id, outputs, inputs) = await fixture.CreateAsync(Unnamed());
        var read = await fixture.Provider.ReadAsync(Requests.Read(id, outputs, inputs), CancellationToken.None);
        Assert.That(read.Inputs.Get("__defaults"), Is.EqualTo(inputs.Get("__defaults")));
        Assert.That(read.Inputs.GetPath("displayName"), Is.EqualTo(inputs.GetPath("displayName")));
    }
}
