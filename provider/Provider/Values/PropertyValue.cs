using System.Collections.Immutable;

namespace ConfluentFlink.Provider.Values;

/// <summary>
/// A Pulumi property value in plain form: what the protocol layer decodes a <c>google.protobuf.Struct</c>
/// into, so resource logic never sees wire encodings (secret wrappers, unknown sentinels).
/// </summary>
public abstract record PropertyValue
{
    public static readonly PropertyValue Null = new NullValue();
    public static readonly PropertyValue Unknown = new UnknownValue();

    public static PropertyValue Of(string? value) => value is null ? Null : new StringValue(value);
    public static PropertyValue Of(bool value) => new BoolValue(value);
    public static PropertyValue Of(double value) => new NumberValue(value);
    public static PropertyValue Secret(PropertyValue value) => value is SecretValue ? value : new SecretValue(value);

    /// <summary>True when this value, or anything inside it, is marked secret.</summary>
    public abstract bool ContainsSecrets { get; }

    /// <summary>The value with the secret mark (if any) removed at the top.</summary>
    public PropertyValue Unwrapped => this is SecretValue secret ? secret.Inner.Unwrapped : this;
}

public sealed record NullValue : PropertyValue
{
    public override bool ContainsSecrets => false;
}

public sealed record UnknownValue : PropertyValue
{
    public override bool ContainsSecrets => false;
}

public sealed record StringValue(string Value) : PropertyValue
{
    public override bool ContainsSecrets => false;
    // A credential is a StringValue once unwrapped; printing one must not show it.
    public override string ToString() => $"string({Value.Length} characters)";
}

public sealed record NumberValue(double Value) : PropertyValue
{
    public override bool ContainsSecrets => false;
}

public sealed record BoolValue(bool Value) : PropertyValue
{
    public override bool ContainsSecrets => false;
}

public sealed record ArrayValue(ImmutableArray<PropertyValue> Items) : PropertyValue
{
    public override bool ContainsSecrets => Items.Any(i => i.ContainsSecrets);
    public bool Equals(ArrayValue? other) => other is not null && Items.SequenceEqual(other.Items);
    public override int GetHashCode() => Items.Length;
}

public sealed record ObjectValue(PropertyMap Properties) : PropertyValue
{
    public override bool ContainsSecrets => Properties.Values.Any(v => v.ContainsSecrets);
}

/// <summary>A value the program or the engine marked secret. Its inner value must never be printed.</summary>
public sealed record SecretValue(PropertyValue Inner) : PropertyValue
{
    public override bool ContainsSecrets => true;
    public override string ToString() => SecretMask.Text;
}

/// <summary>Assets, archives, resource references: kinds this provider has no property for.</summary>
public sealed record UnsupportedValue(string Kind) : PropertyValue
{
    public override bool ContainsSecrets => false;
}
