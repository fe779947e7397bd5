using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The inputs of an imported connection. The API never returns credentials, so they come from the environment
/// variables the catalog names; for a type with a choice of groups, from the one group whose variables are set.
/// </summary>
public sealed class ImportedInputs(ConnectionCatalog catalog)
{
    public ConnectionInputs Build(ObservedConnection connection, SettingResolver settings)
    {
        var type = catalog.Find(connection.Type ?? "")
                   ?? throw new ProviderUserException($"the connection has type '{connection.Type}', which this provider does not manage; " +
                                                      $"it manages {string.Join(", ", catalog.Types.Select(t => t.Name))}");
        string? Variable(AuthDataEntry entry) => settings.FromEnvironment(entry.ImportVariable) is StringValue value ? value.Value : null;

        var group = ChooseGroup(type, Variable);
        var missing = group.Required.Where(e => Variable(e) is null).ToList();
        if (missing.Count > 0)
            throw new ProviderUserException($"importing a {type.Name} connection needs its credentials, which the API never returns: export " +
                                            string.Join(" and ", missing.Select(Describe)) + " and run the import again");

        var values = group.Members.Concat(type.Options)
            .Select(e => (e, value: Variable(e)))
            .Where(e => e.value is not null)
            .ToDictionary(e => e.e, e => e.value!);

        var given = new Dictionary<Setting, string>();
        foreach (var setting in Setting.All)
            if (settings.FromEnvironment(setting.ImportEnvVar) is StringValue value)
                given[setting] = value.Value;

        return new ConnectionInputs(DisplayName: connection.Name, NameOrigin: NameOrigin.Program, Type: type.Name,
            Endpoint: connection.Endpoint ?? "", Auth: new AuthValues(values), Settings: given, ProgramSecrets: new HashSet<string>());
    }

    private static AuthGroup ChooseGroup(ConnectionTypeRule type, Func<AuthDataEntry, string?> variable)
    {
        if (!type.OffersChoice)
            return type.AuthGroups[0];
        // A group counts as chosen only when all its required variables are set: USERNAME alone is often the login
        // name the operating system sets, not a database user.
        var set = type.AuthGroups.Where(g => g.Required.All(e => variable(e) is not null)).ToList();
        return set.Count switch
        {
            1 => set[0],
            0 => throw new ProviderUserException($"importing a {type.Name} connection needs its credentials, which the API never returns: " +
                                                 $"export the variables of one of these groups, then run the import again: {Groups(type.AuthGroups)}"),
            _ => throw new ProviderUserException($"importing a {type.Name} connection: variables of more than one credential group are set " +
                                                 $"({Groups(set)}); a {type.Name} connection uses exactly one, so unset the others and run the import again"),
        };
    }

    private static string Groups(IEnumerable<AuthGroup> groups) =>
        string.Join("; ", groups.Select(g => $"{g.Name}: " + string.Join(" and ", g.Required.Select(e => e.ImportVariable))));

    private static string Describe(AuthDataEntry entry) => $"{entry.ImportVariable} (for {entry.Property})";
}
