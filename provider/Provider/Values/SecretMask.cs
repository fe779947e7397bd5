namespace ConfluentFlink.Provider.Values;

/// <summary>How a secret value is hidden in any text a user may see: messages, logs, printed values.</summary>
public static class SecretMask
{
    public const string Text = "[secret]";

    // Shorter values would blank out ordinary words of a message; the engine's own masking has the same limit in practice.
    private const int MinimumLength = 4;

    /// <summary>The text with every secret replaced, longest first so that no shorter one splits a longer one.</summary>
    public static string Apply(string text, IEnumerable<string> secrets) =>
        secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)
            .Aggregate(text, (current, secret) => current.Replace(secret, Text, StringComparison.Ordinal));
}
