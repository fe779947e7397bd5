using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Resources;
using ConfluentFlink.Provider.Schema;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>The resource logic's own tables must name only what schema.json declares, with the same secret flags.</summary>
public class SchemaAgreementTests
{
    private readonly ResourceSchema _schema = ResourceSchema.ForResource(FlinkConnectionResource.Token);

    [Test]
    public void Every_credential_is_a_secret_input_of_the_schema()
    {
        foreach (var credential in ConnectionCredential.All)
        {
            Assert.That(_schema.InputProperties, Does.Contain(credential.Property));
            Assert.That(_schema.IsSecret(credential.Property), Is.True, credential.Property);
        }
    }

    [Test]
    public void Every_setting_path_exists_and_only_the_flink_secret_is_secret()
    {
        foreach (var setting in Setting.All)
        {
            Assert.That(_schema.InputProperties, Does.Contain(setting.ResourceProperty));
            Assert.That(_schema.IsSecret(setting.ResourcePath), Is.EqualTo(setting.IsSecret), setting.ResourcePath);
        }
    }

    [Test]
    public void Replacing_properties_are_the_ones_the_issue_names()
    {
        Assert.That(_schema.ReplaceOnChanges, Is.EquivalentTo(new[] { "displayName", "type", "endpoint", "organization", "environment", "restEndpoint" }));
    }
}
