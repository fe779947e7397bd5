using System.Collections;
using System.Collections.Immutable;

namespace ConfluentFlink.Provider.Values;

/// <summary>An immutable, ordered-by-key map of property names to values, compared by content.</summary>
public sealed class PropertyMap : IReadOnlyDictionary<string, PropertyValue>, IEquatable<PropertyMap>
{
    public static readonly PropertyMap Empty = new(ImmutableSortedDictionary<string, PropertyValue>.Empty);

    private readonly ImmutableSortedDictionary<string, PropertyValue> _values;

    private PropertyMap(ImmutableSortedDictionary<string, PropertyValue> values) => _values = values;

    public static PropertyMap From(IEnumerable<KeyValuePair<string, PropertyValue>> values) =>
        new(values.ToImmutableSortedDictionary(StringComparer.Ordinal));

    public PropertyMap With(string key, PropertyValue value) => new(_values.SetItem(key, value));

    public PropertyMap Remove(string key) => new(_values.Remove(key));

    /// <summary>The value at <paramref name="key"/>, or <see cref="PropertyValue.Null"/> when absent.</summary>
    public PropertyValue Get(string key) => _values.TryGetValue(key, out var value) ? value : PropertyValue.Null;

    public PropertyValue this[string key] => _values[key];
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<PropertyValue> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out PropertyValue value) => _values.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PropertyMap? other) =>
        other is not null && Count == other.Count &&
        _values.All(kv => other.TryGetValue(kv.Key, out var v) && Equals(kv.Value, v));

    public override bool Equals(object? obj) => Equals(obj as PropertyMap);
    public override int GetHashCode() => Count;
    // Keys only: resource logic works on unwrapped values, so a printed map could show a credential.
    public override string ToString() => "{" + string.Join(", ", _values.Keys) + "}";
}
