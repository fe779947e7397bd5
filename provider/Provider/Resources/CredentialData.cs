using ConfluentFlink.Provider.Values;
using Newtonsoft.Json.Linq;

namespace ConfluentFlink.Provider.Resources;

/// <summary>The API's <c>auth_data.data</c>: a JSON object of the type's credential keys. Secret through and through.</summary>
public static class CredentialData
{
    public static string Json(PropertyMap inputs)
    {
        var data = new JObject();
        foreach (var credential in ConnectionCredential.All)
            if (inputs.GetPath(credential.Property) is StringValue value)
                data[credential.AuthDataKey] = value.Value;
        return data.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>True when any credential differs between two sets of inputs: the update then needs an API call.</summary>
    public static bool Differs(PropertyMap before, PropertyMap after) =>
        ConnectionCredential.All.Any(c => !Equals(before.GetPath(c.Property), after.GetPath(c.Property)));
}
