namespace ConfluentFlink.Provider.Values;

/// <summary>Dotted property paths (<c>credentials.secret</c>) over a <see cref="PropertyMap"/>.</summary>
public static class PropertyPaths
{
    /// <summary>The value at a path with secret marks removed on the way, or Null when any step is absent.</summary>
    public static PropertyValue GetPath(this PropertyMap map, string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0)
            return map.Get(path).Unwrapped;
        return map.Get(path[..dot]).Unwrapped switch
        {
            ObjectValue inner => inner.Properties.GetPath(path[(dot + 1)..]),
            UnknownValue => PropertyValue.Unknown,
            _ => PropertyValue.Null,
        };
    }

    /// <summary>True when the value at a path, or any object on the way to it, is marked secret.</summary>
    public static bool IsSecretAt(this PropertyMap map, string path)
    {
        var dot = path.IndexOf('.');
        var head = map.Get(dot < 0 ? path : path[..dot]);
        if (head is SecretValue) return true;
        return dot >= 0 && head is ObjectValue inner && inner.Properties.IsSecretAt(path[(dot + 1)..]);
    }

    /// <summary>Wraps every non-null value found at one of <paramref name="secretPaths"/> in a secret mark.</summary>
    public static PropertyMap MarkSecrets(this PropertyMap map, IReadOnlySet<string> secretPaths, string prefix = "")
    {
        var result = map;
        foreach (var (key, value) in map)
        {
            var path = prefix + key;
            if (secretPaths.Contains(path) && value is not (NullValue or SecretValue))
                result = result.With(key, PropertyValue.Secret(value));
            else if (value.Unwrapped is ObjectValue inner && secretPaths.Any(p => p.StartsWith(path + ".", StringComparison.Ordinal)))
            {
                PropertyValue marked = new ObjectValue(inner.Properties.MarkSecrets(secretPaths, path + "."));
                result = result.With(key, value is SecretValue ? PropertyValue.Secret(marked) : marked);
            }
        }
        return result;
    }

    /// <summary>
    /// The map with <paramref name="value"/> at a path of one or two steps (<c>oauth.clientId</c>); the other fields of
    /// the object on the way are kept.
    /// </summary>
    public static PropertyMap WithPath(this PropertyMap map, string path, PropertyValue value)
    {
        var dot = path.IndexOf('.');
        if (dot < 0)
            return map.With(path, value);
        var existing = map.Get(path[..dot]).Unwrapped as ObjectValue;
        return map.With(path[..dot], new ObjectValue((existing?.Properties ?? PropertyMap.Empty).With(path[(dot + 1)..], value)));
    }

    public static ObjectValue ObjectOf(params (string Key, PropertyValue Value)[] entries) =>
        new(PropertyMap.From(entries.Select(e => KeyValuePair.Create(e.Key, e.Value))));
}
