namespace ConfluentFlink.Harness;

/// <summary>Searches captured text (plugin transcripts, engine logs, error messages, plain outputs) for secret values.</summary>
public static class SecretScan
{
    /// <summary>Each secret that appears in any of the texts; empty when nothing leaked.</summary>
    public static IReadOnlyList<string> FindLeaks(IEnumerable<string> secrets, params string?[] texts) =>
        secrets.Where(secret => secret.Length > 0)
            .Where(secret => texts.Any(text => text?.Contains(secret, StringComparison.Ordinal) == true))
            .Distinct()
            .ToList();
}
