using ConfluentFlink.FlinkApi;

using ConfluentFlink.Provider.Contract;

namespace ConfluentFlink.Provider.Resources;

/// <summary>The resource id: <c>&lt;organization id&gt;/&lt;environment id&gt;/&lt;connection name&gt;</c>, as the Terraform provider uses it.</summary>
public static class ConnectionId
{
    public const string Form = "<organization id>/<environment id>/<connection name>, e.g. org-xyz123/env-abc123/connection1";

    public static string Format(ConnectionScope scope, string name) => $"{scope.OrganizationId}/{scope.EnvironmentId}/{name}";

    public static (ConnectionScope Scope, string Name) Parse(string id)
    {
        var parts = id.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Trim() != p))
            throw new ProviderUserException($"the id '{MessageText.Shorten(id)}' is not of the form {Form}");
        return (new ConnectionScope(parts[0], parts[1]), parts[2]);
    }

}
