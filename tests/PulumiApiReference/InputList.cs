// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>A list input whose elements may each be outputs; <c>DependsOn</c> options are of this type.</summary>
    public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable
    {
        public InputList() : base(null!) => throw null!;

        public void Add(params Input<T>[] inputs) => throw null!;
        public void Add(InputList<T> inputs) => throw null!;
        public void AddRange(InputList<T> inputs) => throw null!;
        public InputList<T> Concat(InputList<T> other) => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;

        public static implicit operator InputList<T>(T value) => throw null!;
        public static implicit operator InputList<T>(Output<T> value) => throw null!;
        public static implicit operator InputList<T>(Input<T> value) => throw null!;
        public static implicit operator InputList<T>(T[] values) => throw null!;
        public static implicit operator InputList<T>(Output<T>[] values) => throw null!;
        public static implicit operator InputList<T>(Input<T>[] values) => throw null!;
        public static implicit operator InputList<T>(List<T> values) => throw null!;
        public static implicit operator InputList<T>(ImmutableArray<T> values) => throw null!;
        public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => throw null!;
    }
}
