using System.Security.Cryptography;
using System.Text;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using static ConfluentFlink.Provider.Resources.ConnectionProperties;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Names a connection whose program gives no <c>displayName</c>, the way Pulumi users expect of a native provider:
/// keep the name generated earlier, else follow the stack's autonaming configuration, else
/// <c>&lt;resource name&gt;-&lt;7 characters&gt;</c> drawn from the engine's random seed (the same seed, the same name).
/// </summary>
public static class ConnectionNaming
{
    public const int SuffixLength = 7;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The name decided for the request, or a failure on <c>displayName</c>.</summary>
    public static NamingOutcome Decide(CheckRequest request)
    {
        // Options name new connections only: a later `up` must not rename one. The engine checks a replacement
        // without old inputs, so that one still gets a fresh name.
        if (ConnectionInputs.NameOriginOf(request.OldInputs) == NameOrigin.Generated &&
            request.OldInputs.GetPath(DisplayName) is StringValue { Value.Length: > 0 } kept)
            return NamingOutcome.Named(kept.Value);

        switch (request.Autonaming)
        {
            case { Mode: AutonamingMode.Enforce } enforce:
                return FlinkConnectionValidator.NameProblem(enforce.ProposedName) is { } problem
                    ? NamingOutcome.Failed($"the stack's autonaming configuration proposes the name '{MessageText.Shorten(enforce.ProposedName)}', which {problem}; " +
                                           $"change the autonaming pattern, or set {DisplayName}")
                    : NamingOutcome.Named(enforce.ProposedName);
            case { Mode: AutonamingMode.Propose } propose:
                return NamingOutcome.Named(Conform(propose.ProposedName, request.RandomSeed));
            case { Mode: AutonamingMode.Disable }:
                return NamingOutcome.Failed($"{DisplayName} is required: the stack's autonaming configuration disables generated names");
            default:
                return NamingOutcome.Named(Generate(ResourceName(request), request.RandomSeed));
        }
    }

    /// <summary><c>&lt;prefix&gt;-&lt;7 characters&gt;</c>, the prefix cut so that the whole stays a valid name.</summary>
    public static string Generate(string resourceName, IReadOnlyList<byte> seed)
    {
        var suffix = Suffix(seed);
        var prefix = Sanitize(resourceName);
        if (prefix.Length > FlinkConnectionValidator.MaxNameLength - SuffixLength - 1)
            prefix = prefix[..(FlinkConnectionValidator.MaxNameLength - SuffixLength - 1)].TrimEnd('-', '.');
        return prefix.Length == 0 ? suffix : $"{prefix}-{suffix}";
    }

    /// <summary>A proposed name made valid: sanitized and shortened, or generated anew when nothing of it survives.</summary>
    private static string Conform(string proposed, IReadOnlyList<byte> seed)
    {
        if (FlinkConnectionValidator.NameProblem(proposed) is null)
            return proposed;
        var sanitized = Sanitize(proposed, keepDots: true);
        if (sanitized.Length > FlinkConnectionValidator.MaxNameLength)
            sanitized = sanitized[..FlinkConnectionValidator.MaxNameLength].TrimEnd('-', '.');
        return FlinkConnectionValidator.NameProblem(sanitized) is null ? sanitized : Generate(proposed, seed);
    }

    /// <summary>Lower case, every character outside <c>[a-z0-9-]</c> (and '.' when kept) as '-', no '-' or '.' at the ends.</summary>
    private static string Sanitize(string name, bool keepDots = false)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' || (keepDots && c == '.') ? c : '-');
        return text.ToString().Trim('-', '.');
    }

    /// <summary>Seven characters of [a-z0-9] drawn from the engine's random seed; an engine that sends none gets fresh randomness.</summary>
    private static string Suffix(IReadOnlyList<byte> seed)
    {
        var source = seed.Count > 0 ? SHA256.HashData(seed.ToArray()) : RandomNumberGenerator.GetBytes(32);
        var suffix = new char[SuffixLength];
        for (var i = 0; i < SuffixLength; i++)
            suffix[i] = Alphabet[source[i] % Alphabet.Length];
        return new string(suffix);
    }

    private static string ResourceName(CheckRequest request) => request.Name.Length > 0 ? request.Name : request.Urn.Name;
}

/// <summary>Either a name (<see cref="Name"/>) or why none could be given (<see cref="Failure"/>).</summary>
public sealed record NamingOutcome(string? Name, string? Failure)
{
    public static NamingOutcome Named(string name) => new(name, null);
    public static NamingOutcome Failed(string reason) => new(null, reason);
}
