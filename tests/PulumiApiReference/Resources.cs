// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x, as in pulumi-dotnet sdk/Pulumi
// around 3.7x-3.9x), limited to the members the generated SDK (sdk/dotnet) and our C# examples use.
// Signatures match Pulumi's; bodies are `throw null!` because these files are only compiled against, never run.
// They let tests compile code written for Pulumi where the Pulumi package is not available.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System.Collections.Generic;

namespace Pulumi
{
    public class Resource
    {
        private protected Resource() => throw null!;

        public Output<string> Urn { get; private protected set; } = null!;
    }

    public class CustomResource : Resource
    {
        public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null) => throw null!;

        public Output<string> Id { get; private protected set; } = null!;
    }

    public class ProviderResource : CustomResource
    {
        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null)
            : base(null!, null!, null, null) => throw null!;
    }

    public abstract class InputArgs
    {
        protected InputArgs() => throw null!;
    }

    public abstract class ResourceArgs : InputArgs
    {
        public static readonly ResourceArgs Empty = null!;
    }

    public abstract class InvokeArgs : InputArgs
    {
        public static readonly InvokeArgs Empty = null!;
    }

    public partial class ResourceOptions
    {
        public Input<string>? Id { get; set; }
        public Resource? Parent { get; set; }
        public ProviderResource? Provider { get; set; }
        public string? Version { get; set; }
        public string? PluginDownloadURL { get; set; }
        public bool? Protect { get; set; }
    }

    public sealed class CustomResourceOptions : ResourceOptions
    {
        public bool? DeleteBeforeReplace { get; set; }
        public List<string> AdditionalSecretOutputs { get => throw null!; set => throw null!; }

        public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2) => throw null!;
    }
}
