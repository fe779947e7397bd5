namespace ConfluentFlink.FlinkApi;

/// <summary>Rejects settings that would only fail later, naming the property and what it allows.</summary>
internal static class SettingsValidator
{
    public static void Validate(FlinkApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.RestEndpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            Fail(nameof(FlinkApiSettings.RestEndpoint), "must be an absolute http(s) URL such as https://flink.us-east-1.aws.confluent.cloud");
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
            Fail(nameof(FlinkApiSettings.ApiKey), "must not be empty");
        if (string.IsNullOrEmpty(settings.ApiSecret))
            Fail(nameof(FlinkApiSettings.ApiSecret), "must not be empty");
        if (settings.MaxRetries < 0)
            Fail(nameof(FlinkApiSettings.MaxRetries), "must be 0 or more");
        RequirePositive(nameof(FlinkApiSettings.AttemptTimeout), settings.AttemptTimeout);
        RequirePositive(nameof(FlinkApiSettings.TotalTimeout), settings.TotalTimeout);
        RequirePositive(nameof(FlinkApiSettings.BaseDelay), settings.BaseDelay);
        RequirePositive(nameof(FlinkApiSettings.MaxDelay), settings.MaxDelay);
        RequirePositive(nameof(FlinkApiSettings.LookupTimeout), settings.LookupTimeout);
        if (settings.ListPageSize is < 1 or > 100)
            Fail(nameof(FlinkApiSettings.ListPageSize), "must be between 1 and 100");
    }

    private static void RequirePositive(string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) Fail(property, "must be a positive duration");
    }

    private static void Fail(string property, string rule) =>
        throw new ArgumentException($"FlinkApiSettings.{property} {rule}.", property);
}
