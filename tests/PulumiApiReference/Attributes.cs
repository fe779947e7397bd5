// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x, as in pulumi-dotnet sdk/Pulumi
// around 3.7x-3.9x), limited to the members the generated SDK (sdk/dotnet) and our C# examples use.
// Signatures match Pulumi's; bodies are `throw null!` because these files are only compiled against, never run.
// They let tests compile code written for Pulumi where the Pulumi package is not available.
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
