// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>A value that may be known later and tracks the resources it depends on.</summary>
    public sealed class Output<T>
    {
        private Output() => throw null!;

        public static Output<T> Create(Task<T> value) => throw null!;

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
        public static Output<T> Unsecret<T>(Output<T> output) => throw null!;
        public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) => throw null!;
        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs) => throw null!;
        public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs) => throw null!;
        public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs) => throw null!;
        public static Output<(T1, T2)> Tuple<T1, T2>(Input<T1> item1, Input<T2> item2) => throw null!;
        public static Output<string> Format(FormattableString formattableString) => throw null!;
    }

    /// <summary>A resource input: a plain value or the output of another resource.</summary>
    public class Input<T>
    {
        private protected Input(Output<T> outputValue) => throw null!;

        public static implicit operator Input<T>(T value) => throw null!;
        public static implicit operator Input<T>(Output<T> value) => throw null!;
        public static implicit operator Output<T>(Input<T> input) => throw null!;
    }

    public static class InputExtensions
    {
        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, TResult> func) => throw null!;
        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Task<TResult>> func) => throw null!;
        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Input<TResult>?> func) => throw null!;
        public static Output<TResult> Apply<T, TResult>(this Input<T>? input, Func<T, Output<TResult>?> func) => throw null!;
        public static Output<T> ToOutput<T>(this Input<T>? input) => throw null!;
    }
}
