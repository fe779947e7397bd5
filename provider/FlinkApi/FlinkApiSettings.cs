namespace ConfluentFlink.FlinkApi;

/// <summary>How to reach one Flink region's REST endpoint, and how hard to try.</summary>
public sealed class FlinkApiSettings
{
    public required Uri RestEndpoint { get; init; }
    public required string ApiKey { get; init; }
    /// <summary>Secret.</summary>
    public required string ApiSecret { get; init; }

    /// <summary>
    /// Retries after the first attempt for 429, 5xx and transport failures. No default here: the provider's comes from
    /// schema.json (config key maxRetries).
    /// </summary>
    public required int MaxRetries { get; init; }
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>First backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>Longest single wait, including a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Longest the lookup may take that settles an answer lost on the way back (did the create, update or delete
    /// happen?). It has short retries of its own; under a custom timeout it gets at most a quarter of it.
    /// </summary>
    public TimeSpan LookupTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Items asked for per list page (the API allows 1 to 100).</summary>
    public int ListPageSize { get; init; } = 100;

    public override string ToString() =>
        $"FlinkApiSettings {{ RestEndpoint = {RestEndpoint}, ApiKey = {ApiKey}, ApiSecret = [secret], MaxRetries = {MaxRetries} }}";
}
