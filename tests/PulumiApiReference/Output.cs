// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x, as in pulumi-dotnet sdk/Pulumi
// around 3.7x-3.9x), limited to the members the generated SDK (sdk/dotnet) and our C# examples use.
// Signatures match Pulumi's; bodies are `throw null!` because these files are only compiled against, never run.
// They let tests compile code written for Pulumi where the Pulumi package is not available.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>A value that may be known later and tracks the resources it depends on.</summary>
    public sealed class Output<T>
    {
        private Output() => throw null!;

        public Output<U> Apply<U>(Func<T, U> func) => throw null!;
        public Output<U> Apply<U>(Func<T, Task<U>> func) => throw null!;
        public Output<U> Apply<U>(Func<T, Input<U>?> func) => throw null!;
        public Output<U> Apply<U>(Func<T, Output<U>?> func) => throw null!;
    }

    public static partial class Output
    {
        public static Output<T> Create<T>(T value) => throw null!;
        public static Output<T> Create<T>(Task<T> value) => throw null!;
        public static Output<T> CreateSecret<T>(T value) => throw null!;
        public static Output<T> CreateSecret<T>(Task<T> value) => throw null!;
        public static Output<T> CreateSecret<T>(Output<T> value) => throw null!;
        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2) => throw null!;
        public static Output<string> Format(FormattableString formattableString) => throw null!;
    }

    /// <summary>A resource input: a plain value or the output of another resource.</summary>
    public class Input<T>
    {
        private protected Input() => throw null!;

        public static implicit operator Input<T>(T value) => throw null!;
        public static implicit operator Input<T>(Output<T> value) => throw null!;
        public static implicit operator Output<T>(Input<T> input) => throw null!;
    }
}
