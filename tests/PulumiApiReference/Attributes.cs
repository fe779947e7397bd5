// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System;

namespace Pulumi
{
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : Attribute
    {
        public OutputAttribute(string? name = null) => throw null!;
        public string? Name => throw null!;
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class InputAttribute : Attribute
    {
        public InputAttribute(string name, bool required = false, bool json = false) => throw null!;
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class OutputTypeAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Constructor)]
    public sealed class OutputConstructorAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class EnumTypeAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Class)]
    public class ResourceTypeAttribute : Attribute
    {
        public ResourceTypeAttribute(string type, string? version) => throw null!;
        public string Type => throw null!;
        public string? Version => throw null!;
    }
}

// Older 3.x releases had these attributes here only; generated code still imports the namespace so it builds with both.
namespace Pulumi.Serialization
{
    [AttributeUsage(AttributeTargets.Property)]
    [Obsolete("Use Pulumi.OutputAttribute instead")]
    public sealed class OutputAttribute : Attribute
    {
        public OutputAttribute(string? name = null) => throw null!;
    }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    [Obsolete("Use Pulumi.InputAttribute instead")]
    public sealed class InputAttribute : Attribute
    {
        public InputAttribute(string name, bool required = false, bool json = false) => throw null!;
    }

    [AttributeUsage(AttributeTargets.Class)]
    [Obsolete("Use Pulumi.OutputTypeAttribute instead")]
    public sealed class OutputTypeAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Constructor)]
    [Obsolete("Use Pulumi.OutputConstructorAttribute instead")]
    public sealed class OutputConstructorAttribute : Attribute
    {
    }
}
