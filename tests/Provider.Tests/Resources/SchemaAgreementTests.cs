using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Schema;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>The catalog and the resource logic's property names must name only what schema.json declares, with the same secret flags.</summary>
public class SchemaAgreementTests
{
    private readonly ResourceSchema _schema = ResourceSchema.ForResource(FlinkConnectionResource.Token);
    private readonly ConnectionCatalog _catalog = ConnectionCatalog.Embedded;

    private static readonly string[] Credentials =
    [
        "apiKey", "awsAccessKey", "awsSecretKey", "awsSessionToken", "serviceKey", "username", "password", "bearerToken", "oauth.clientSecret",
    ];

    [Test]
    public void EveryAuthDataPropertyOfTheCatalogIsAnInputOfTheSchema()
    {
        foreach (var entry in _catalog.AuthData)
        {
            Assert.That(_schema.InputProperties, Does.Contain(entry.TopLevelProperty), entry.Property);
            if (entry.Property.Split('.') is [var top, var field])
                Assert.That(_schema.ShapeOf(top), Is.InstanceOf<ObjectShape>().With.Property(nameof(ObjectShape.Fields)).Contains(field), entry.Property);
        }
    }

    [Test]
    public void ExactlyTheCredentialsAreSecretAndTheOtherAuthDataValuesAreNot()
    {
        Assert.That(_catalog.AuthData.Where(e => _schema.IsSecret(e.Property)).Select(e => e.Property), Is.EquivalentTo(Credentials));
    }

    [Test]
    public void EveryValueOfTheTypeEnumHasACatalogRowAndEveryRowAValue()
    {
        var shape = (EnumShape)_schema.ShapeOf(ConnectionProperties.Type);
        Assert.That(_catalog.Types.Select(t => t.Name), Is.EquivalentTo(shape.Values));
    }

    [Test]
    public void EveryExclusionNamesInputsAndAnEnumValue()
    {
        foreach (var exclusion in _catalog.Exclusions)
        {
            Assert.That(_schema.InputProperties, Does.Contain(exclusion.Property));
            Assert.That(((EnumShape)_schema.ShapeOf(exclusion.WhenProperty)).Values, Does.Contain(exclusion.Value));
        }
    }

    [Test]
    public void EverySettingPathExistsAndOnlyTheFlinkSecretIsSecret()
    {
        Assert.That(Setting.All, Has.Count.EqualTo(_catalog.Settings.Count));
        foreach (var setting in Setting.All)
        {
            Assert.That(_schema.InputProperties, Does.Contain(setting.ResourceProperty));
            Assert.That(_schema.IsSecret(setting.ResourcePath), Is.EqualTo(setting.IsSecret), setting.ResourcePath);
            Assert.That(setting.IsSecret, Is.EqualTo(setting == Setting.ApiSecret), setting.ResourcePath);
        }
    }

    [Test]
    public void ThePropertiesTheLogicNamesAreDeclared()
    {
        var outputs = PackageSchema.Embedded.Resource(FlinkConnectionResource.Token)["properties"]!;
        foreach (var name in new[] { ConnectionProperties.DisplayName, ConnectionProperties.Type, ConnectionProperties.Endpoint })
            Assert.That(_schema.InputProperties, Does.Contain(name));
        foreach (var name in new[] { ConnectionProperties.ApiVersion, ConnectionProperties.Kind, ConnectionProperties.Status })
            Assert.That(_schema.ComputedOutputs, Does.Contain(name));
        Assert.That(outputs[ConnectionProperties.Status]!["$ref"]!.ToString(), Does.EndWith("FlinkConnectionStatus"));
        foreach (var url in _catalog.Urls)
            Assert.That(_schema.InputProperties, Does.Contain(url.Split('.')[0]), url);
        var functionOutputs = (Newtonsoft.Json.Linq.JObject)PackageSchema.Embedded.Document["functions"]![GetFlinkConnectionFunction.Token]!["outputs"]!["properties"]!;
        Assert.That(functionOutputs.ContainsKey(GetFlinkConnectionFunction.IdOutput), Is.True);
    }

    [Test]
    public void TheSchemaNamesTheReplacingPropertiesAndTheLogicReadsThem()
    {
        Assert.That(_schema.ReplaceOnChanges, Is.EquivalentTo(new[] { "displayName", "type", "endpoint", "organization", "environment", "restEndpoint" }));
        Assert.That(_schema.ReplaceOnChanges.Intersect(_catalog.AuthDataProperties), Is.Empty, "credentials rotate in place");
    }

    [Test]
    public void TheDefaultRetryCountComesFromTheSchema()
    {
        Assert.That(ProviderConfig.DefaultMaxRetries, Is.EqualTo(ConfigSchema.Embedded[ProviderConfig.MaxRetriesKey].Default!.ToObject<int>()));
    }
}
