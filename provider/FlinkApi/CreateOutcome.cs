using ConfluentFlink.FlinkApi.Models;

namespace ConfluentFlink.FlinkApi;

public enum CreateOutcomeKind
{
    /// <summary>The service answered that it created the connection.</summary>
    Created,

    /// <summary>
    /// The answer was lost, and a lookup by name found a connection born during this create that matches the request:
    /// an earlier attempt created it. The API masks credentials, so the caller should set them again.
    /// </summary>
    AdoptedAfterLostAnswer,
}

/// <summary>A create that ended with the connection existing, and how that is known.</summary>
public sealed record CreateOutcome(Connection Connection, CreateOutcomeKind Kind);
