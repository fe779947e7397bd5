using System.Formats.Tar;
using System.Security.Cryptography;
using ConfluentFlink.Harness;
using Google.Protobuf.WellKnownTypes;

namespace ConfluentFlink.Release.Tests.Archives;

/// <summary>What <c>make dist</c> wrote to <c>dist/</c>, checked as the engine and a user will meet it.</summary>
[Category(ReleaseArchive.Category)]
public class ArchiveTests
{
    private static IEnumerable<Platform> Platforms => ReleaseArchive.Platforms;

    [Test]
    public void DistHoldsAnArchivePerPlatformTheSymbolsAndAChecksumOfEach()
    {
        var archives = ChecksummedFiles().ToList();
        var expected = archives.Concat(archives.Select(a => a + ".sha256"));

        var present = System.IO.Directory.EnumerateFiles(ReleaseArchive.Directory).Select(Path.GetFileName);

        Assert.That(present, Is.EquivalentTo(expected));
    }

    [Test]
    public void DistHoldsTheSdkPackagesApartFromThePlugins() =>
        Assert.That(System.IO.Directory.EnumerateFiles(Path.Combine(ReleaseArchive.Directory, "sdk")).Select(Path.GetFileName),
            Is.EquivalentTo(ReleaseArchive.SdkPackages));

    [TestCaseSource(nameof(Platforms))]
    public void TheArchiveHoldsOnlyTheExecutableAtItsRoot(Platform platform)
    {
        var entries = ReleaseArchive.Entries(ReleaseArchive.PathOf(ReleaseArchive.NameFor(platform)));

        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { platform.Executable }));
        Assert.That(entries[0].Type, Is.AnyOf(TarEntryType.RegularFile, TarEntryType.V7RegularFile));
        Assert.That(entries[0].Mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute), "executable by its owner once extracted");
    }

    [TestCaseSource(nameof(Platforms))]
    public void TheExecutableIsBuiltForItsPlatform(Platform platform)
    {
        var archive = ReleaseArchive.PathOf(ReleaseArchive.NameFor(platform));

        var format = ReleaseArchive.ReadEntry(archive, platform.Executable, ExecutableFormat.Describe);

        Assert.That(format, Is.EqualTo(platform.ExpectedFormat));
    }

    [TestCaseSource(nameof(ChecksummedFiles))]
    public void TheChecksumFileIsTheSha256OfItsArchiveInSha256sumFormat(string archive)
    {
        var line = File.ReadAllText(ReleaseArchive.PathOf(archive + ".sha256"));

        using var file = File.OpenRead(ReleaseArchive.PathOf(archive));
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        Assert.That(line, Is.EqualTo($"{hash}  {archive}\n"));
    }

    [Test]
    public void TheSymbolsArchiveHoldsOnlyDebugSymbolsInAFolderPerPlatform()
    {
        var entries = ReleaseArchive.Entries(ReleaseArchive.PathOf(ReleaseArchive.SymbolsName))
            .Where(e => e.Type is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            .Select(e => e.Name)
            .ToList();

        Assert.That(entries.Select(e => e.Split('/')[0]).Distinct(), Is.EquivalentTo(Platforms.Select(p => p.Name)));
        Assert.That(entries, Has.All.Matches<string>(e => e.EndsWith(".pdb", StringComparison.Ordinal) || e.EndsWith(".dbg", StringComparison.Ordinal)));
    }

    [Test]
    public async Task TheLinuxAmd64ArchiveBootsFromAnEmptyFolderAndReportsTheReleaseVersion()
    {
        var platform = Platforms.Single(p => p.Name == "linux-amd64");
        var folder = await PluginArchive.ExtractAsync(ReleaseArchive.PathOf(ReleaseArchive.NameFor(platform)));
        try
        {
            await using var plugin = await PluginProcess.StartAsync(new PluginStartOptions
            {
                BinaryPath = Path.Combine(folder.FullName, platform.Executable),
                WorkingDirectory = folder.FullName,
            });

            var info = await plugin.Client.GetPluginInfoAsync(new Empty());

            Assert.That(info.Version, Is.EqualTo(ReleaseArchive.Version));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> ChecksummedFiles() =>
        Platforms.Select(ReleaseArchive.NameFor).Append(ReleaseArchive.SymbolsName);
}
