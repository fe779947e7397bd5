using ConfluentFlink.Provider.Configuration;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// The few properties the resource logic gives a meaning of its own, by their schema.json names. Everything else
/// (credentials, settings, secrets, computed outputs) is found through the schema and the catalog; a test checks
/// that each name here is declared.
/// </summary>
public static class ConnectionProperties
{
    /// <summary>The connection's name: part of its id, and generated when the program omits it.</summary>
    public const string DisplayName = "displayName";
    public const string Type = "type";
    public const string Endpoint = "endpoint";
    public const string ApiVersion = "apiVersion";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string StatusPhase = "phase";
    public const string StatusDetail = "detail";

    /// <summary>
    /// Checked inputs list here the properties the provider filled in, so the choice survives in state: the
    /// convention of Pulumi's bridged providers. Only <see cref="DisplayName"/> is ever listed.
    /// </summary>
    public const string Defaults = "__defaults";

    /// <summary>Values of the id's parts are shown in plain by Pulumi, so they may not be secret.</summary>
    public static readonly IReadOnlyList<string> IdParts = [DisplayName, Setting.Organization.ResourcePath, Setting.Environment.ResourcePath];
}
