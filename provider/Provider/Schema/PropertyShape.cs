namespace ConfluentFlink.Provider.Schema;

/// <summary>What values one property takes, as schema.json declares it.</summary>
public abstract record PropertyShape;

/// <summary><c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.</summary>
public sealed record PrimitiveShape(string Type) : PropertyShape;

/// <summary>One of an enum's values. Declared as <c>oneOf [string, enum]</c>, so SDKs also take a plain string.</summary>
public sealed record EnumShape(string TypeToken, IReadOnlyList<string> Values) : PropertyShape;

/// <summary>An object type of the package with string fields; <see cref="Required"/> fields must all be given.</summary>
public sealed record ObjectShape(string TypeToken, IReadOnlyList<string> Fields, IReadOnlySet<string> Required) : PropertyShape
{
    /// <summary><c>{ key: "...", secret: "..." }</c>: how a message shows the expected form.</summary>
    public string Example => "{ " + string.Join(", ", Fields.Select(f => $"{f}: \"...\"")) + " }";
}

public sealed record PropertySchema(string Name, PropertyShape Shape, bool Secret, bool ReplaceOnChanges);
