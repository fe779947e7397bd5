// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
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
        public string RootDirectory => throw null!;
        public string OrganizationName => throw null!;
        public bool IsDryRun => throw null!;

        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest) => throw null!;
        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options, RegisterPackageRequest? registerPackageRequest) => throw null!;
        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options) => throw null!;
        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options) => throw null!;
        public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest) => throw null!;
        public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
        public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
        public Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options = null) => throw null!;
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

    /// <summary>The options of an output-returning invoke: those of <see cref="InvokeOptions"/> plus resources to wait for.</summary>
    public class InvokeOutputOptions : InvokeOptions
    {
        public InputList<Resource> DependsOn { get => throw null!; set => throw null!; }
    }

    /// <summary>Named in the parameterized-package overloads of the invoke methods; not used by this SDK.</summary>
    public sealed class RegisterPackageRequest
    {
        private RegisterPackageRequest() => throw null!;
    }

    public sealed partial class Config
    {
        public Config(string? name = null) => throw null!;

        public string? Get(string key) => throw null!;
        public Output<string>? GetSecret(string key) => throw null!;
        public bool? GetBoolean(string key) => throw null!;
        public int? GetInt32(string key) => throw null!;
        public double? GetDouble(string key) => throw null!;
        public T GetObject<T>(string key) => throw null!;
        public string Require(string key) => throw null!;
        public Output<string> RequireSecret(string key) => throw null!;
        public bool RequireBoolean(string key) => throw null!;
        public int RequireInt32(string key) => throw null!;
        public double RequireDouble(string key) => throw null!;
    }
}
