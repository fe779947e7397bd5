using System.Text.RegularExpressions;

namespace ConfluentFlink.Examples.Tests;

/// <summary>
/// Shapes of real credentials that must never appear in an example or a doc, even as a "sample": published
/// text gets copied, and secret scanners flag it. Reports which shape matched, never the matched text.
/// </summary>
public static partial class CredentialLiterals
{
    private static readonly (string Name, Regex Pattern)[] Shapes =
    [
        ("OpenAI-style API key", OpenAiKey()),
        ("AWS access key id", AwsAccessKeyId()),
        ("PEM private key", PemPrivateKey()),
        ("Google service account key", GoogleServiceAccountKey()),
        ("password inside a URL", UrlWithPassword()),
        ("long literal assigned to a credential name", AssignedCredential()),
    ];

    /// <summary>One entry per line that holds a credential-like literal: "line N: shape".</summary>
    public static IReadOnlyList<string> Find(string text) =>
        [.. text.Split('\n').SelectMany((line, i) => Shapes.Where(s => s.Pattern.IsMatch(line)).Select(s => $"line {i + 1}: {s.Name}"))];

    [GeneratedRegex(@"\bsk-(proj-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"""private_key(_id)?""\s*:")]
    private static partial Regex GoogleServiceAccountKey();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/\s:@<>]+:[^@\s<>]+@")]
    private static partial Regex UrlWithPassword();

    [GeneratedRegex(@"(?i)(api_?key|secret|password|token|service_?key)\w*[""']?\s*[:=]\s*[""'][A-Za-z0-9+/_=-]{16,}[""']")]
    private static partial Regex AssignedCredential();
}
