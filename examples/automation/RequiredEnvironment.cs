namespace FlinkConnectionAutomation;

/// <summary>
/// Reads required environment variables and remembers every missing one, so a user learns all of them
/// in one run instead of one failure at a time. Values are never printed.
/// </summary>
internal sealed class RequiredEnvironment
{
    private readonly List<string> _missing = [];

    public IReadOnlyList<string> Missing => _missing;

    public string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            _missing.Add(variable);
            return "";
        }
        return value;
    }
}
