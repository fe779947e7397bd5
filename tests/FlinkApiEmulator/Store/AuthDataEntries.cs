using System.Text.Json;

namespace ConfluentFlink.FlinkApiEmulator.Store;

/// <summary>
/// <c>auth_data.data</c> read as the JSON object of strings it should be, together with the keys that break that shape.
/// The values stay inside: what leaves the store is key names and <see cref="AuthTypeKey"/>, never a credential.
/// </summary>
internal sealed class AuthDataEntries
{
    /// <summary>Names the credential group used by the types that offer a choice; a label, not a secret.</summary>
    public const string AuthTypeKey = "AUTH_TYPE";

    private AuthDataEntries(IReadOnlyList<string> keys, IReadOnlyDictionary<string, string> strings,
        IReadOnlyList<string> nonStringKeys, IReadOnlyList<string> repeatedKeys)
    {
        Keys = keys;
        Strings = strings;
        NonStringKeys = nonStringKeys;
        RepeatedKeys = repeatedKeys;
    }

    /// <summary>Every key once, in the order sent.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The keys whose value is a JSON string, with that value.</summary>
    public IReadOnlyDictionary<string, string> Strings { get; }

    public IReadOnlyList<string> NonStringKeys { get; }

    public IReadOnlyList<string> RepeatedKeys { get; }

    /// <returns>Null when <paramref name="data"/> is not JSON or not a JSON object.</returns>
    public static AuthDataEntries? Read(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;

            var keys = new List<string>();
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            var nonString = new List<string>();
            var repeated = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (keys.Contains(property.Name, StringComparer.Ordinal))
                {
                    if (!repeated.Contains(property.Name, StringComparer.Ordinal)) repeated.Add(property.Name);
                    continue;
                }

                keys.Add(property.Name);
                if (property.Value.ValueKind == JsonValueKind.String) strings.Add(property.Name, property.Value.GetString()!);
                else nonString.Add(property.Name);
            }

            return new AuthDataEntries(keys, strings, nonString, repeated);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
