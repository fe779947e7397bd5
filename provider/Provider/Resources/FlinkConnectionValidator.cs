using System.Text.RegularExpressions;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Check's rules for a FlinkConnection: everything the API or a later step would reject, found at preview.
/// Unknown values (outputs of resources not created yet) are never errors. All failures are reported at once.
/// </summary>
public sealed partial class FlinkConnectionValidator(ResourceSchema schema)
{
    public const int MaxNameLength = 100;
    public const int MaxEndpointLength = 16384;

    // The API's name pattern (sql.v1.Connection.name), anchored.
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NamePattern();

    private static readonly string[] SettingBlocks = ["organization", "environment", "computePool", "principal"];

    // The resource id is <organization id>/<environment id>/<name>.
    private static readonly string[] IdParts = ["displayName", "organization.id", "environment.id"];

    public IReadOnlyList<CheckFailure> Validate(PropertyMap news, SettingResolver settings)
    {
        var failures = new List<CheckFailure>();
        void Fail(string property, string reason) => failures.Add(new CheckFailure(property, reason));

        foreach (var key in news.Keys.Where(k => !schema.InputProperties.Contains(k)))
            Fail(key, $"{key} is not a property of FlinkConnection; accepted: {string.Join(", ", schema.InputProperties.Order(StringComparer.Ordinal))}");

        var name = RequiredString(news, "displayName", Fail);
        if (name is not null && (name.Length > MaxNameLength || !NamePattern().IsMatch(name)))
            Fail("displayName", $"displayName {Quote(news, "displayName", name)}is not a valid connection name: use lower-case letters, digits, '-' and '.', start and end with a letter or digit, at most {MaxNameLength} characters (e.g. my-openai-connection)");

        var typeName = RequiredString(news, "type", Fail);
        if (typeName is not null && ConnectionType.Find(typeName) is null)
            Fail("type", $"type {Quote(news, "type", typeName)}is not supported; use one of {ConnectionType.AllNames}" + CaseHint(typeName));
        // A type off only by case still says which credentials are meant, so those are checked too.
        var type = typeName is null ? null : ConnectionType.Find(typeName.ToUpperInvariant());

        var endpoint = RequiredString(news, "endpoint", Fail);
        if (endpoint is not null && (endpoint.Length > MaxEndpointLength || !Uri.TryCreate(endpoint, UriKind.Absolute, out _)))
            Fail("endpoint", $"endpoint must be an absolute URL of at most {MaxEndpointLength} characters, e.g. https://api.openai.com/v1/chat/completions");

        foreach (var path in IdParts.Where(news.IsSecretAt))
            Fail(path, $"{path} is marked secret, but it becomes part of the resource id ({ConnectionId.Form}), which Pulumi always shows in plain: pass it as a plain value");

        ValidateCredentials(news, type, Fail);
        foreach (var block in SettingBlocks)
            ValidateObject(news, block, ["id"], Fail);
        ValidateObject(news, "credentials", ["key", "secret"], Fail);
        OptionalString(news, "restEndpoint", Fail);
        ValidateSettings(news, settings, failures);
        return failures;
    }

    private static void ValidateCredentials(PropertyMap news, ConnectionType? type, Action<string, string> fail)
    {
        foreach (var credential in ConnectionCredential.All)
        {
            var value = news.Get(credential.Property).Unwrapped;
            var present = value is not NullValue;
            if (present && value is not (StringValue or UnknownValue))
                fail(credential.Property, $"{credential.Property} must be a string, not {Describe(value)}");
            else if (value is StringValue { Value.Length: 0 })
                fail(credential.Property, $"{credential.Property} must not be empty");
            else if (type is not null && present && !type.Accepts(credential))
                fail(credential.Property, $"{credential.Property} is not used by type {type.Name}; {type.Name} takes {type.Describe()}");
            else if (type is not null && !present && type.Required.Contains(credential))
                fail(credential.Property, $"{credential.Property} is required for type {type.Name}, which takes {type.Describe()}");
        }
    }

    private static void ValidateSettings(PropertyMap news, SettingResolver settings, List<CheckFailure> failures)
    {
        foreach (var setting in Setting.All)
        {
            // A block that is itself malformed is already reported; do not add "missing" on top.
            if (failures.Any(f => f.Property == setting.ResourceProperty || f.Property == setting.ResourcePath))
                continue;
            var value = settings.Resolve(setting, news);
            if (value is NullValue || value is StringValue { Value.Length: 0 })
                failures.Add(new CheckFailure(setting.ResourcePath, setting.MissingMessage));
            else if (setting == Setting.RestEndpoint && value is StringValue endpoint && RestEndpointRule.Check(endpoint.Value) is { } problem)
                failures.Add(new CheckFailure("restEndpoint", $"restEndpoint {problem}"));
        }
    }

    private static string? RequiredString(PropertyMap news, string property, Action<string, string> fail)
    {
        var value = news.Get(property).Unwrapped;
        if (value is NullValue)
            fail(property, $"{property} is required");
        else if (value is StringValue { Value.Length: 0 })
            fail(property, $"{property} must not be empty");
        return OptionalString(news, property, fail);
    }

    private static string? OptionalString(PropertyMap news, string property, Action<string, string> fail)
    {
        var value = news.Get(property).Unwrapped;
        if (value is StringValue { Value.Length: > 0 } s)
            return s.Value;
        if (value is not (NullValue or UnknownValue or StringValue))
            fail(property, $"{property} must be a string, not {Describe(value)}");
        return null;
    }

    private static void ValidateObject(PropertyMap news, string property, string[] fields, Action<string, string> fail)
    {
        var value = news.Get(property).Unwrapped;
        if (value is NullValue or UnknownValue)
            return;
        var shape = "{ " + string.Join(", ", fields.Select(f => $"{f}: \"...\"")) + " }";
        if (value is not ObjectValue obj)
        {
            fail(property, $"{property} must be an object {shape}, not {Describe(value)}");
            return;
        }
        foreach (var key in obj.Properties.Keys.Where(k => !fields.Contains(k)))
            fail($"{property}.{key}", $"{property}.{key} is not a field of {property}; it takes {shape}");
        foreach (var field in fields)
        {
            var inner = obj.Properties.Get(field).Unwrapped;
            if (inner is NullValue or StringValue { Value.Length: 0 })
                fail($"{property}.{field}", $"{property}.{field} is required when {property} is set");
            else if (inner is not (StringValue or UnknownValue))
                fail($"{property}.{field}", $"{property}.{field} must be a string, not {Describe(inner)}");
        }
    }

    private static string CaseHint(string typeName) =>
        ConnectionType.Find(typeName.ToUpperInvariant()) is { } match ? $" (did you mean {match.Name}?)" : "";

    private static string Describe(PropertyValue value) => value switch
    {
        NumberValue => "a number",
        BoolValue => "a boolean",
        ArrayValue => "a list",
        ObjectValue => "an object",
        StringValue => "a string",
        UnsupportedValue u => $"a {u.Kind}",
        _ => "a value of another kind",
    };

    // Echo the offending value to help the user, unless it is marked secret; shorten huge ones.
    private static string Quote(PropertyMap news, string property, string text) =>
        news.IsSecretAt(property) ? "" : $"'{(text.Length <= 120 ? text : text[..120] + "...")}' ";
}
