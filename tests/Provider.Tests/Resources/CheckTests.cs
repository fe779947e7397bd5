using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Tests.Resources.Props;

namespace ConfluentFlink.Provider.Tests.Resources;

public class CheckTests
{
    [Test]
    public void EveryProblemIsReportedAtOnceOnItsProperty()
    {
        var failures = new ProviderFixture().Check(Map(
            ("displayName", "Bad_Name"), ("type", "openai"), ("endpoint", "not a url"), ("awsAccessKey", "AK"),
            ("organization", "org-1"), ("bogus", true))).Failures;
        var byProperty = failures.ToDictionary(f => f.Property, f => f.Reason);
        Assert.That(byProperty.Keys, Is.EquivalentTo(new[] { "bogus", "displayName", "type", "endpoint", "apiKey", "awsAccessKey", "organization" }));
        Assert.That(byProperty["type"], Does.Contain("did you mean OPENAI?"));
        Assert.That(byProperty["displayName"], Does.Contain("lower-case letters"));
        Assert.That(byProperty["organization"], Does.Contain("must be an object"));
        Assert.That(byProperty["bogus"], Does.Contain("not a property of FlinkConnection"));
    }

    [Test]
    public void NameLongerThan100CharactersIsRejected()
    {
        var failures = new ProviderFixture().Check(ProviderFixture.OpenAi(name: new string('a', 101))).Failures;
        Assert.That(failures.Single().Property, Is.EqualTo("displayName"));
        Assert.That(new ProviderFixture().Check(ProviderFixture.OpenAi(name: new string('a', 100))).Failures, Is.Empty);
    }

    [Test]
    public void UnknownValuesAreNeverErrors()
    {
        var news = Map(("displayName", PropertyValue.Unknown), ("type", PropertyValue.Unknown), ("endpoint", PropertyValue.Unknown),
            ("apiKey", PropertyValue.Unknown), ("organization", PropertyValue.Unknown), ("restEndpoint", PropertyValue.Unknown));
        Assert.That(new ProviderFixture().Check(news).Failures, Is.Empty);
    }

    [Test]
    public void MissingSettingsNameThePropertyTheConfigKeyAndTheEnvironmentVariable()
    {
        var fixture = new ProviderFixture(PropertyMap.Empty);
        var failures = fixture.Check(ProviderFixture.OpenAi()).Failures;
        Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(new[]
            { "organization.id", "environment.id", "computePool.id", "principal.id", "restEndpoint", "credentials.key", "credentials.secret" }));
        var organization = failures.Single(f => f.Property == "organization.id").Reason;
        Assert.That(organization, Does.Contain("confluentflink:organizationId").And.Contain("CONFLUENT_ORGANIZATION_ID"));
    }

    [Test]
    public void SettingsComeFromTheEnvironmentWhenNeitherResourceNorConfigHasThem()
    {
        var fixture = new ProviderFixture(PropertyMap.Empty);
        foreach (var (name, value) in new[] { ("CONFLUENT_ORGANIZATION_ID", "org-e"), ("CONFLUENT_ENVIRONMENT_ID", "env-e"), ("FLINK_COMPUTE_POOL_ID", "lfcp-e"),
                     ("FLINK_PRINCIPAL_ID", "sa-e"), ("FLINK_REST_ENDPOINT", "https://flink.us-east-1.aws.confluent.cloud"), ("FLINK_API_KEY", "K"), ("FLINK_API_SECRET", "S") })
            fixture.Environment[name] = value;
        Assert.That(fixture.Check(ProviderFixture.OpenAi()).Failures, Is.Empty);
    }

    [Test]
    public void PerResourceSettingsAreEnoughWithoutProviderConfig()
    {
        var news = ProviderFixture.OpenAi()
            .With("organization", Id("org-r")).With("environment", Id("env-r")).With("computePool", Id("lfcp-r")).With("principal", Id("sa-r"))
            .With("restEndpoint", new StringValue("https://flink.eu-west-1.aws.confluent.cloud"))
            .With("credentials", PropertyPaths.ObjectOf(("key", new StringValue("K")), ("secret", new StringValue("S"))));
        Assert.That(new ProviderFixture(PropertyMap.Empty).Check(news).Failures, Is.Empty);
    }

    [TestCase("http://flink.example.com", false)]
    [TestCase("ftp://127.0.0.1", false)]
    [TestCase("http://127.0.0.1:8080", true)]
    [TestCase("http://localhost:8080", true)]
    [TestCase("http://[::1]:8080", true)]
    [TestCase("https://flink.us-east-1.aws.confluent.cloud", true)]
    public void RestEndpointMustBeHttpsExceptOnLoopback(string endpoint, bool accepted)
    {
        var failures = new ProviderFixture().Check(ProviderFixture.OpenAi().With("restEndpoint", new StringValue(endpoint))).Failures;
        Assert.That(failures.Any(f => f.Property == "restEndpoint"), Is.EqualTo(!accepted), string.Join("; ", failures));
    }

    [TestCase("file:///etc/passwd", false)]
    [TestCase("mailto:ops@example.com", false)]
    [TestCase("api.openai.com/v1", false)]
    [TestCase("mongodb+srv://cluster0.example.mongodb.net", true)]
    [TestCase("jdbc:postgresql://db.example.com:5432/app", true)]
    [TestCase("https://api.openai.com/v1/chat/completions", true)]
    public void EndpointMustBeTheUrlOfAService(string endpoint, bool accepted)
    {
        var failures = new ProviderFixture().Check(ProviderFixture.OpenAi(endpoint: endpoint)).Failures;
        Assert.That(failures.Any(f => f.Property == "endpoint"), Is.EqualTo(!accepted), string.Join("; ", failures));
    }

    [Test]
    public void CredentialsComeBackMarkedSecretEvenWhenPassedInPlain()
    {
        var news = ProviderFixture.OpenAi().With("credentials", PropertyPaths.ObjectOf(("key", new StringValue("K")), ("secret", new StringValue("S"))));
        var inputs = new ProviderFixture().Check(news).Inputs;
        Assert.That(inputs.Get("apiKey"), Is.InstanceOf<SecretValue>());
        Assert.That(inputs.IsSecretAt("credentials.secret"), Is.True);
        Assert.That(inputs.IsSecretAt("credentials.key"), Is.False);
        Assert.That(inputs.Get("endpoint"), Is.InstanceOf<StringValue>());
    }

    [Test]
    public void NoFailureMessageRepeatsASecretValue()
    {
        var news = Map(("displayName", Secret("Secret_Name")), ("type", Secret("NOT-A-TYPE-s3cr3t")), ("endpoint", "x"), ("apiKey", "hunter2-key"), ("username", "hunter2-user"));
        // displayName is also reported for being secret at all; its value must still not be repeated.
        var failures = new ProviderFixture().Check(news).Failures;
        Assert.That(failures, Is.Not.Empty);
        foreach (var failure in failures)
            Assert.That(failure.Reason, Does.Not.Contain("Secret_Name").And.Not.Contain("s3cr3t").And.Not.Contain("hunter2"));
    }

    [Test]
    public void SecretPartsOfTheIdAreRejectedBecauseIdsAreNeverSecret()
    {
        var news = ProviderFixture.OpenAi().With("displayName", Secret("conn1")).With("organization", Id("org-1"))
            .With("environment", PropertyPaths.ObjectOf(("id", Secret("env-1"))));
        var failures = new ProviderFixture().Check(news).Failures;
        Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(new[] { "displayName", "environment.id" }));
        Assert.That(failures[0].Reason, Does.Contain("resource id"));
    }

    [Test]
    public void CheckConfigMarksTheFlinkSecretSecretEvenWhenSetInPlain()
    {
        var inputs = new ProviderFixture().Provider.CheckConfig(Requests.Check(Map(("flinkApiSecret", "plain-secret"), ("flinkApiKey", "K")))).Inputs;
        Assert.That(inputs.Get("flinkApiSecret"), Is.EqualTo(Secret("plain-secret")));
        Assert.That(inputs.Get("flinkApiKey"), Is.EqualTo(new StringValue("K")));
    }

    [Test]
    public void TheProviderNamesTheSecretsItHoldsForMasking()
    {
        var fixture = new ProviderFixture();
        fixture.Environment["API_KEY"] = "imported-key-1";
        fixture.Environment["FLINK_API_SECRET"] = "env-flink-secret";
        fixture.Environment["CONFLUENT_ORGANIZATION_ID"] = "org-not-secret";
        Assert.That(fixture.Provider.HeldSecrets, Is.EquivalentTo(new[] { ProviderFixture.FlinkSecret, "imported-key-1", "env-flink-secret" }));
    }

    [Test]
    public void BadProviderConfigIsReportedByCheckConfig()
    {
        var provider = new ProviderFixture().Provider;
        var failures = provider.CheckConfig(Requests.Check(Map(("maxRetries", "many"), ("flinkRestEndpoint", "http://example.com"), ("organizationId", 3)))).Failures;
        Assert.That(failures.Select(f => f.Property), Is.EquivalentTo(new[] { "maxRetries", "flinkRestEndpoint", "organizationId" }));
        Assert.That(provider.CheckConfig(Requests.Check(Map(("maxRetries", "3"), ("version", "1.0.0")))).Failures, Is.Empty);
    }
}
