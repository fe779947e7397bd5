// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x, as in pulumi-dotnet sdk/Pulumi
// around 3.7x-3.9x), limited to the members the generated SDK (sdk/dotnet) and our C# examples use.
// Signatures match Pulumi's; bodies are `throw null!` because these files are only compiled against, never run.
// They let tests compile code written for Pulumi where the Pulumi package is not available.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Pulumi
{
    public sealed partial class Deployment
    {
        private Deployment() => throw null!;

        public static DeploymentInstance Instance => throw null!;

        // Entry points of a Pulumi program (used by examples, not by the SDK).
        public static Task<int> RunAsync(Action action) => throw null!;
        public static Task<int> RunAsync(Func<IDictionary<string, object?>> func) => throw null!;
        public static Task<int> RunAsync(Func<Task> func) => throw null!;
        public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func, StackOptions? options = null) => throw null!;
    }

    public sealed class DeploymentInstance
    {
        private DeploymentInstance() => throw null!;

        public string StackName => throw null!;
        public string ProjectName => throw null!;
        public bool IsDryRun => throw null!;

        public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
    }

    public class StackOptions
    {
    }

    public class InvokeOptions
    {
        public Resource? Parent { get; set; }
        public ProviderResource? Provider { get; set; }
        public string? Version { get; set; }
        public string? PluginDownloadURL { get; set; }
    }

    public sealed partial class Config
    {
        public Config(string? name = null) => throw null!;

        public string? Get(string key) => throw null!;
        public int? GetInt32(string key) => throw null!;
        public Output<string>? GetSecret(string key) => throw null!;
        public string Require(string key) => throw null!;
        public Output<string> RequireSecret(string key) => throw null!;
    }
}
