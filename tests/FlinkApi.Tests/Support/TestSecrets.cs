using System.Text;

namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>Distinctive secrets, so a scan of logs and messages can tell a leak from a coincidence.</summary>
internal static class TestSecrets
{
    public const string ApiKey = "TESTKEY4711";
    public const string ApiSecret = "apisecret-Zq8Lr2Xw9Vt5";
    public const string CredentialValue = "sk-credential-Hm3Kp7Wd1Yf6";
    /// <summary>An OPENAI connection's auth_data.data.</summary>
    public static readonly string CredentialJson = AuthDataSamples.For("OPENAI");
    public static readonly string BasicParameter = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiSecret}"));

    /// <summary>Every form in which a secret could leak: raw, inside the credential JSON, or as the Basic header.</summary>
    public static IEnumerable<string> All => [ApiSecret, CredentialValue, BasicParameter];

    /// <summary>The texts that contain any form of a test secret.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<string> texts) =>
        texts.Where(text => All.Any(secret => text.Contains(secret, StringComparison.Ordinal))).ToList();
}
