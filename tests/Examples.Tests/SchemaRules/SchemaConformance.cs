namespace ConfluentFlink.Examples.Tests.SchemaRules;

/// <summary>
/// The rules every program must follow, whatever its language: it sets only properties the schema declares,
/// sets every required input, gives objects only to object-typed properties, and feeds every secret property
/// from secret configuration. Returns one readable finding per broken rule.
/// </summary>
public static class SchemaConformance
{
    public static IEnumerable<string> Check(ObjectUse use, PackageSchema schema)
    {
        foreach (var property in use.Properties)
        {
            if (!use.Shape.Properties.TryGetValue(property.Name, out var declared))
            {
                var known = string.Join(", ", use.Shape.Properties.Keys.Order(StringComparer.Ordinal));
                yield return $"{property.Where}: '{property.Name}' is not an input of {use.Shape.Name} (inputs: {known})";
                continue;
            }
            if (declared.Secret && !property.Value.FromSecretConfig)
                yield return $"{property.Where}: '{property.Name}' of {use.Shape.Name} is secret, but its value ({property.Value.Kind}) does not come from secret config";
            if (property.Value.NestedProperties is not { } nested) continue;
            if (declared.ObjectType is null)
            {
                yield return $"{property.Where}: '{property.Name}' of {use.Shape.Name} takes a plain value, not an object";
                continue;
            }
            var nestedUse = new ObjectUse(schema.ObjectType(declared.ObjectType), property.Where, nested);
            foreach (var finding in Check(nestedUse, schema))
                yield return finding;
        }

        if (!use.Complete) yield break;
        var set = use.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in use.Shape.Required.Where(r => !set.Contains(r)).Order(StringComparer.Ordinal))
            yield return $"{use.Where}: required input '{missing}' of {use.Shape.Name} is not set";
    }
}
