namespace ConfluentFlink.Examples.Tests.SchemaRules;

/// <summary>
/// A value a program gives to a property, as far as the checks need it. <paramref name="Kind"/> says what the
/// expression is (e.g. "string literal", "call RequireSecret") — never its text, which might be a credential.
/// </summary>
public sealed record ValueUse(string Kind, bool FromSecretConfig, IReadOnlyList<PropertyUse>? NestedProperties = null);

/// <summary>One property a program sets, by its schema (camelCase) name; <paramref name="Where"/> is file and line.</summary>
public sealed record PropertyUse(string Name, ValueUse Value, string Where);

/// <summary>
/// An object a program builds for a schema shape: the args of a resource, the provider, a function or a nested
/// type. <paramref name="Complete"/> is false when the program sets properties of the object elsewhere too (e.g.
/// in a helper that receives it), so required inputs cannot be judged from this use alone.
/// </summary>
public sealed record ObjectUse(Shape Shape, string Where, IReadOnlyList<PropertyUse> Properties, bool Complete = true);
