using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The catalog's credential rules for one connection type: only the type's values are accepted, exactly one of its
/// authentication groups is given (the only one, for most types), and that group is complete. A value not yet known
/// counts as given, so it never causes a failure by itself.
/// </summary>
public sealed class CredentialRules(ConnectionCatalog catalog)
{
    public void Check(PropertyMap news, ConnectionTypeRule? type, Action<string, string> fail)
    {
        bool Given(string property) => news.Get(property).Unwrapped is not NullValue;

        if (type is null)
            return;
        foreach (var property in catalog.AuthDataProperties.Where(p => Given(p) && !type.Accepts(p)))
            fail(property, $"{property} is not used by type {type.Name}; {type.Name} takes {type.Describe()}");

        var chosen = type.AuthGroups.Where(g => g.TopLevelProperties.Any(Given)).ToList();
        if (!type.OffersChoice)
        {
            foreach (var missing in type.AuthGroups[0].RequiredProperties.Where(p => !Given(p)))
                fail(missing, $"{missing} is required for type {type.Name}, which takes {type.Describe()}");
        }
        else if (chosen.Count == 0)
        {
            fail("", $"type {type.Name} needs credentials: give {type.Describe()}");
        }
        else if (chosen.Count > 1)
        {
            var given = chosen.SelectMany(g => g.TopLevelProperties.Where(Given)).Distinct().ToList();
            foreach (var property in given)
                fail(property, $"{property} cannot be combined with {string.Join(" and ", given.Where(p => p != property))}: " +
                               $"type {type.Name} takes exactly {type.Describe()}");
        }
        else
        {
            var group = chosen[0];
            var present = group.TopLevelProperties.Where(Given).ToList();
            foreach (var missing in group.RequiredProperties.Where(p => !Given(p)))
                fail(missing, $"{missing} is required with {string.Join(" and ", present)}: type {type.Name} takes {group.Describe()} together");
        }

        foreach (var exclusion in catalog.Exclusions)
            if (Given(exclusion.Property) && news.GetPath(exclusion.WhenProperty) is StringValue when && when.Value == exclusion.Value)
                fail(exclusion.Property, $"{exclusion.Property} is not used when {exclusion.WhenProperty} is {exclusion.Value}");
    }
}
