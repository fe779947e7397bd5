using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The values a connection sends in its <c>auth_data</c> (credentials, and MCP's transport options), by catalog entry.
/// Secret through and through: compared by content, never printed.
/// </summary>
public sealed class AuthValues : IEquatable<AuthValues>
{
    private readonly IReadOnlyDictionary<AuthDataEntry, string> _values;

    public AuthValues(IReadOnlyDictionary<AuthDataEntry, string> values) => _values = values;

    public string? this[AuthDataEntry entry] => _values.GetValueOrDefault(entry);

    public bool Has(AuthDataEntry entry) => _values.ContainsKey(entry);

    /// <summary>The values found at the catalog's property paths; non-strings are left out (Check rejects them).</summary>
    public static AuthValues From(PropertyMap inputs, ConnectionCatalog catalog) =>
        new(catalog.AuthData
            .Select(entry => (entry, value: inputs.GetPath(entry.Property)))
            .Where(e => e.value is StringValue)
            .ToDictionary(e => e.entry, e => ((StringValue)e.value).Value));

    /// <summary>Sets each value at its property path (the OAuth fields inside <c>oauth</c>).</summary>
    public PropertyMap WriteTo(PropertyMap properties) =>
        _values.Aggregate(properties, (map, value) => map.WithPath(value.Key.Property, new StringValue(value.Value)));

    public bool Equals(AuthValues? other) =>
        other is not null && _values.Count == other._values.Count &&
        _values.All(kv => other._values.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as AuthValues);
    public override int GetHashCode() => _values.Count;
    public override string ToString() => $"AuthValues({string.Join(", ", _values.Keys.Select(k => k.Property))})";
}
