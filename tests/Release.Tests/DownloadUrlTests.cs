using ConfluentFlink.Schema;

namespace ConfluentFlink.Release.Tests;

/// <summary>The engine installs the plugin on first use from the GitHub releases of the project's repository.</summary>
public class DownloadUrlTests
{
    [Test]
    public void PluginDownloadURLIsTheGithubReleasesOfTheRepositoryOwner()
    {
        var schema = PackageSpec.Embedded;
        var repository = new Uri(schema.Repository!);
        Assert.That(repository.Host, Is.EqualTo("github.com"), "the download URL is derived from a GitHub repository");
        var owner = repository.AbsolutePath.Trim('/').Split('/')[0];

        // "github://api.github.com/<owner>": the engine fetches releases/download/v<version>/<archive> of
        // github.com/<owner>/pulumi-<package name>, so the repository must be named after the package.
        Assert.That(schema.PluginDownloadUrl, Is.EqualTo($"github://api.github.com/{owner}"));
        Assert.That(repository.AbsolutePath.Trim('/'), Is.EqualTo($"{owner}/pulumi-{schema.Name}"));
    }
}
