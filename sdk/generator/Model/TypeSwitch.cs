using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>What a schema type is, for the per-language type mappers: each says what each kind becomes in its language.</summary>
public static class TypeSwitch
{
    /// <summary>Calls the function for the kind of <paramref name="type"/>; a reference that names no declared type fails clearly.</summary>
    public static T Match<T>(
        this PackageSpec package,
        TypeRef type,
        Func<IReadOnlyList<TypeRef>, T> union,
        Func<TypeRef, T> array,
        Func<EnumTypeSpec, T> enumType,
        Func<ObjectTypeSpec, T> objectType,
        Func<string, T> primitive)
    {
        if (type.OneOf is { } elements) return union(elements);
        if (type.Items is { } items) return array(items);
        if (type.TypeToken is { } token) return package.IsEnum(token) ? enumType(package.EnumType(token)) : objectType(package.ObjectType(token));
        return primitive(type.Primitive!);
    }
}
