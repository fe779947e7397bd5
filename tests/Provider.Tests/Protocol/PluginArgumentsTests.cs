using ConfluentFlink.Provider.Protocol;

namespace ConfluentFlink.Provider.Tests.Protocol;

public class PluginArgumentsTests
{
    [TestCase(new[] { "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--logtostderr", "-v=9", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--tracing", "http://127.0.0.1:9/trace", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--tracing=http://x", "--logtostderr", "127.0.0.1:5000" }, "127.0.0.1:5000")]
    [TestCase(new[] { "--logtostderr", "-v=3" }, null)]
    [TestCase(new string[0], null)]
    public void TheEngineAddressIsTheLastPositionalArgument(string[] args, string? expected)
    {
        Assert.That(PluginArguments.Parse(args).EngineAddress, Is.EqualTo(expected));
    }
}
