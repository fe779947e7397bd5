// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
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

    public abstract partial class ResourceOptions
    {
        public Input<string>? Id { get; set; }
        public Resource? Parent { get; set; }
        public InputList<Resource> DependsOn { get => throw null!; set => throw null!; }
        public bool? Protect { get; set; }
        public List<string> IgnoreChanges { get => throw null!; set => throw null!; }
        public string? Version { get; set; }
        public ProviderResource? Provider { get; set; }
        public List<Input<Alias>> Aliases { get; set; } = null!;
        public string? Urn { get; set; }
        public List<string> ReplaceOnChanges { get => throw null!; set => throw null!; }
        public string? PluginDownloadURL { get; set; }
        public bool? RetainOnDelete { get; set; }
        public Resource? DeletedWith { get; set; }
    }

    public sealed class CustomResourceOptions : ResourceOptions
    {
        public bool? DeleteBeforeReplace { get; set; }
        public List<string> AdditionalSecretOutputs { get => throw null!; set => throw null!; }
        public string? ImportId { get; set; }

        public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2) => throw null!;
    }

    public sealed class Alias
    {
        public string? Urn { get; set; }
        public Input<string>? Name { get; set; }
        public Input<string>? Type { get; set; }
        public Input<string>? Stack { get; set; }
        public Input<string>? Project { get; set; }
        public Resource? Parent { get; set; }
        public Input<string>? ParentUrn { get; set; }
        public bool NoParent { get; set; }
    }
}
