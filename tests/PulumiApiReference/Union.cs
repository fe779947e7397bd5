// Reference declarations of the public Pulumi .NET API (package "Pulumi" 3.x), with the signatures of pulumi-dotnet
// sdk/Pulumi at commit 5e61d9ad6d3569181968d8d75dedd6c28969cefc, limited to the members that Pulumi's C# codegen output
// (and so sdk/dotnet) and our C# examples use. Bodies are `throw null!`: these files are only compiled against, never run.
// Not a project: tests feed these files to Roslyn (see tests/Sdk.Tests/RoslynCompile.cs).

using System;

namespace Pulumi
{
    /// <summary>One value that is either a <typeparamref name="T0"/> or a <typeparamref name="T1"/>: Pulumi's type for a schema <c>oneOf</c>.</summary>
    public readonly struct Union<T0, T1> : IEquatable<Union<T0, T1>>
    {
        public T0 AsT0 => throw null!;
        public T1 AsT1 => throw null!;
        public bool IsT0 => throw null!;
        public bool IsT1 => throw null!;
        public object Value => throw null!;

        public static Union<T0, T1> FromT0(T0 input) => throw null!;
        public static Union<T0, T1> FromT1(T1 input) => throw null!;

        public override bool Equals(object? obj) => throw null!;
        public override int GetHashCode() => throw null!;
        public override string ToString() => throw null!;
        public bool Equals(Union<T0, T1> other) => throw null!;

        public TResult Match<TResult>(Func<T0, TResult> f0, Func<T1, TResult> f1) => throw null!;
        public void Switch(Action<T0> f0, Action<T1> f1) => throw null!;

        public static implicit operator Union<T0, T1>(T0 t) => throw null!;
        public static implicit operator Union<T0, T1>(T1 t) => throw null!;
        public static bool operator ==(Union<T0, T1> left, Union<T0, T1> right) => throw null!;
        public static bool operator !=(Union<T0, T1> left, Union<T0, T1> right) => throw null!;
    }

    /// <summary>An input holding a <see cref="Union{T0, T1}"/>, which accepts either type, plain or as an output.</summary>
    public sealed class InputUnion<T0, T1> : Input<Union<T0, T1>>
    {
        public InputUnion() : base(null!) => throw null!;

        public static implicit operator InputUnion<T0, T1>(Union<T0, T1> value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(T0 value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(T1 value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(Input<T0> value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(Input<T1> value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(Output<Union<T0, T1>> value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(Output<T0> value) => throw null!;
        public static implicit operator InputUnion<T0, T1>(Output<T1> value) => throw null!;
    }
}
