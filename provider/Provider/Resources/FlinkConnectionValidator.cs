using System.Text.RegularExpressions;
using ConfluentFlink.Provider.Catalog;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Schema;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Resources.ConnectionProperties;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Check's rules for a FlinkConnection: everything the API or a later step would reject, found at preview. The
/// shapes come from schema.json, the credential rules from the catalog. Unknown values (outputs of resources not
/// created yet) are never errors. All failures are reported at once, each on its property.
/// </summary>
public sealed partial class FlinkConnectionValidator(ResourceSchema schema, ConnectionCatalog catalog)
{
    public const int MaxNameLength = 100;
    public const int MaxEndpointLength = 16384;

    // The API's name pattern (sql.v1.Connection.name), anchored.
    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex NamePattern();

    private readonly CredentialRules _credentials = new(catalog);

    /// <summary>Null when <paramref name="name"/> is a valid connection name, else what the name rule says.</summary>
    public static string? NameProblem(string name) =>
        name.Length <= MaxNameLength && NamePattern().IsMatch(name)
            ? null
            : $"is not a valid connection name: use lower-case letters, digits, '-' and '.', start and end with a letter or digit, at most {MaxNameLength} characters (e.g. my-openai-connection)";

    public IReadOnlyList<CheckFailure> Validate(PropertyMap news, SettingResolver settings)
    {
        var failures = new List<CheckFailure>();
        void Fail(string property, string reason) => failures.Add(new CheckFailure(property, reason));

        foreach (var key in news.Keys.Where(k => !schema.Inputs.ContainsKey(k) && k != Defaults))
            Fail(key, $"{key} is not a property of FlinkConnection; accepted: {string.Join(", ", schema.InputProperties.Order(StringComparer.Ordinal))}");
        foreach (var required in schema.RequiredInputs.Where(r => news.Get(r) is NullValue))
            Fail(required, $"{required} is required");
        foreach (var input in schema.Inputs.Values)
            CheckShape(news, input, Fail);

        if (news.GetPath(DisplayName) is StringValue { Value.Length: > 0 } name && NameProblem(name.Value) is { } nameProblem)
            Fail(DisplayName, $"{DisplayName} {Quote(news, DisplayName, name.Value)}{nameProblem}");
        foreach (var url in catalog.Urls)
            if (news.GetPath(url) is StringValue { Value.Length: > 0 } value && !IsServiceUrl(value.Value))
                Fail(url, $"{url} must be an absolute URL of a service, at most {MaxEndpointLength} characters, e.g. https://api.example.com/v1");
        foreach (var path in IdParts.Where(news.IsSecretAt))
            Fail(path, $"{path} is marked secret, but it becomes part of the resource id ({ConnectionId.Form}), which Pulumi always shows in plain: pass it as a plain value");

        // A type off only by case still says which credentials are meant, so those are checked too.
        var type = news.GetPath(ConnectionProperties.Type) is StringValue typeName ? catalog.Find(typeName.Value.ToUpperInvariant()) : null;
        _credentials.Check(news, type, Fail);
        CheckSettings(news, settings, failures);
        return failures;
    }

    private static void CheckShape(PropertyMap news, PropertySchema input, Action<string, string> fail)
    {
        var value = news.Get(input.Name).Unwrapped;
        if (value is NullValue or UnknownValue)
            return;
        switch (input.Shape)
        {
            case ObjectShape shape:
                CheckObject(input.Name, value, shape, fail);
                break;
            case EnumShape shape when value is StringValue text && !shape.Values.Contains(text.Value):
                fail(input.Name, $"{input.Name} {Quote(news, input.Name, text.Value)}is not supported; use one of {string.Join(", ", shape.Values)}" +
                                 CaseHint(text.Value, shape.Values));
                break;
            default:
                CheckString(input.Name, value, fail);
                break;
        }
    }

    private static void CheckObject(string property, PropertyValue value, ObjectShape shape, Action<string, string> fail)
    {
        if (value is not ObjectValue obj)
        {
            fail(property, $"{property} must be an object {shape.Example}, not {Describe(value)}");
            return;
        }
        foreach (var key in obj.Properties.Keys.Where(k => !shape.Fields.Contains(k)))
            fail($"{property}.{key}", $"{property}.{key} is not a field of {property}; it takes {shape.Example}");
        foreach (var field in shape.Fields)
        {
            var inner = obj.Properties.Get(field).Unwrapped;
            if (inner is NullValue && shape.Required.Contains(field))
                fail($"{property}.{field}", $"{property}.{field} is required when {property} is set");
            else if (inner is not (NullValue or UnknownValue))
                CheckString($"{property}.{field}", inner, fail);
        }
    }

    private static void CheckString(string path, PropertyValue value, Action<string, string> fail)
    {
        if (value is StringValue { Value.Length: 0 })
            fail(path, $"{path} must not be empty");
        else if (value is not (StringValue or UnknownValue))
            fail(path, $"{path} must be a string, not {Describe(value)}");
    }

    private static void CheckSettings(PropertyMap news, SettingResolver settings, List<CheckFailure> failures)
    {
        foreach (var setting in Setting.All)
        {
            // A block that is itself malformed is already reported; do not add "missing" on top.
            if (failures.Any(f => f.Property == setting.ResourceProperty || f.Property == setting.ResourcePath))
                continue;
            var value = settings.Resolve(setting, news);
            if (value is NullValue || value is StringValue { Value.Length: 0 })
                failures.Add(new CheckFailure(setting.ResourcePath, setting.MissingMessage));
            else if (value is StringValue text && setting.ValueProblem(text.Value) is { } problem)
                failures.Add(new CheckFailure(setting.ResourcePath, $"{setting.ResourcePath} {problem}"));
        }
    }

    // Services use many schemes (https, mongodb+srv, jdbc:postgresql), so only the shape is checked; a local file or a
    // mail address is never one.
    private static bool IsServiceUrl(string text) =>
        text.Length <= MaxEndpointLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme != Uri.UriSchemeMailto;

    private static string CaseHint(string value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) is { } match ? $" (did you mean {match}?)" : "";

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
        news.IsSecretAt(property) ? "" : $"'{MessageText.Shorten(text)}' ";
}
