using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Values.PropertyPaths;

namespace ConfluentFlink.Provider.Tests.Resources;

/// <summary>Terse builders for property maps in tests.</summary>
internal static class Props
{
    public static PropertyMap Map(params (string Key, object? Value)[] entries) =>
        PropertyMap.From(entries.Select(e => KeyValuePair.Create(e.Key, Value(e.Value))));

    public static PropertyValue Value(object? value) => value switch
    {
        null => PropertyValue.Null,
        PropertyValue v => v,
        string s => new StringValue(s),
        bool b => new BoolValue(b),
        int i => new NumberValue(i),
        double d => new NumberValue(d),
        _ => throw new ArgumentException($"no property value for {value.GetType()}"),
    };

    public static ObjectValue Id(string id) => ObjectOf(("id", new StringValue(id)));
    public static SecretValue Secret(string value) => new(new StringValue(value));
}
