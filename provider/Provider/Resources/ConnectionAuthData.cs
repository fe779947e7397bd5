using ConfluentFlink.Provider.Catalog;
using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The API's <c>auth_data.data</c>: a JSON object with one key per value given, plus <c>AUTH_TYPE</c> naming the group
/// used when the type offers a choice. Built from the new inputs alone, so switching groups sends only the new one.
/// </summary>
public sealed class ConnectionAuthData(ConnectionCatalog catalog)
{
    public string Json(string typeName, AuthValues values)
    {
        var type = catalog.Find(typeName) ?? throw new Contract.ProviderUserException(
            $"type '{typeName}' is not supported; use one of {string.Join(", ", catalog.Types.Select(t => t.Name))}");
        var data = new JObject();
        foreach (var entry in type.AcceptedEntries)
            if (values[entry] is { } value)
                data[entry.Key] = value;
        if (type.OffersChoice && type.AuthGroups.FirstOrDefault(g => g.Members.Any(values.Has)) is { } group)
            data[catalog.AuthTypeKey] = group.Name;
        return data.ToString(Newtonsoft.Json.Formatting.None);
    }
}
