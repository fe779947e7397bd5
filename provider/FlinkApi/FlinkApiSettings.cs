namespace ConfluentFlink.FlinkApi;

/// <summary>How to reach one Flink region's REST endpoint with one Flink API key, and how hard to try.</summary>
public sealed record FlinkApiSettings
{
    public required Uri RestEndpoint { get; init; }
    public required string ApiKey { get; init; }
    /// <summary>Secret.</summary>
    public required string ApiSecret { get; init; }

    /// <summary>Retries after the first attempt for 429, 5xx and transport failures. The provider's default comes from schema.json.</summary>
    public required int MaxRetries { get; init; }
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Bound of one call, retries included, when the operation has no custom timeout.</summary>
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

    /// <summary>Settings that would only fail later are refused here, naming the property and what it allows.</summary>
    internal void Validate()
    {
        if (RestEndpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            Fail(nameof(RestEndpoint), "must be an absolute http(s) URL such as https://flink.us-east-1.aws.confluent.cloud");
        if (string.IsNullOrWhiteSpace(ApiKey)) Fail(nameof(ApiKey), "must not be empty");
        if (string.IsNullOrEmpty(ApiSecret)) Fail(nameof(ApiSecret), "must not be empty");
        if (MaxRetries < 0) Fail(nameof(MaxRetries), "must be 0 or more");
        foreach (var (name, value) in new[] { (nameof(AttemptTimeout), AttemptTimeout), (nameof(TotalTimeout), TotalTimeout),
                     (nameof(BaseDelay), BaseDelay), (nameof(MaxDelay), MaxDelay), (nameof(LookupTimeout), LookupTimeout) })
            if (value <= TimeSpan.Zero) Fail(name, "must be a positive duration");
        if (ListPageSize is < 1 or > 100) Fail(nameof(ListPageSize), "must be between 1 and 100");
    }

    private static void Fail(string property, string rule) => throw new ArgumentException($"FlinkApiSettings.{property} {rule}.", property);

    // Records print every member; the secret must not reach a log or a message.
    public override string ToString() =>
        $"FlinkApiSettings {{ RestEndpoint = {RestEndpoint}, ApiKey = {ApiKey}, ApiSecret = [secret], MaxRetries = {MaxRetries} }}";
}
