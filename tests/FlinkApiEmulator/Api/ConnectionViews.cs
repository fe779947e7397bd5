using ConfluentFlink.FlinkApiEmulator.Store;

namespace ConfluentFlink.FlinkApiEmulator.Api;

/// <summary>Stored connections as the API shows them: credential masked, URLs built from the address the caller used.</summary>
internal static class ConnectionViews
{
    public const string ApiVersion = "sql/v1";
    /// <summary>The service never echoes a credential; the emulator answers this in its place.</summary>
    public const string MaskedCredential = "********";

    public static string CollectionPath(string organizationId, string environmentId) =>
        $"/sql/v1/organizations/{Uri.EscapeDataString(organizationId)}/environments/{Uri.EscapeDataString(environmentId)}/connections";

    public static string ItemUrl(HttpRequest request, ConnectionKey key) =>
        $"{Origin(request)}{CollectionPath(key.OrganizationId, key.EnvironmentId)}/{Uri.EscapeDataString(key.Name)}";

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static ConnectionView ToView(HttpRequest request, StoredConnection stored) => new(
        ApiVersion,
        "Connection",
        new ObjectMetaView(ItemUrl(request, stored.Key), stored.CreatedAt, stored.UpdatedAt, stored.Uid, stored.ResourceVersion),
        stored.Key.Name,
        new SpecView(stored.ConnectionType, stored.Endpoint, new AuthDataView(stored.AuthDataKind, MaskedCredential)),
        new StatusView(stored.Status.Phase, stored.Status.Detail));
}
