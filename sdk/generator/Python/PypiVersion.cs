using System.Text.RegularExpressions;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// A semantic version in PEP 440's scheme, as Pulumi's codegen translates it for <c>pyproject.toml</c>:
/// <c>1.2.3-alpha.4</c> → <c>1.2.3a4</c>, <c>1.2.3-rc.1</c> → <c>1.2.3rc1</c>, <c>1.2.3-dev5</c> → <c>1.2.3.dev5</c>;
/// pre-release parts PEP 440 has no place for, and build metadata, become the local version (<c>+...</c>). The SDK's
/// <c>_utilities.py</c> turns it back into the semantic version it sends the engine.
/// </summary>
public static partial class PypiVersion
{
    public static string From(string semver)
    {
        var match = Semver().Match(DottedReleaseNumber().Replace(semver, "$1$2"));
        if (!match.Success) throw new SchemaException($"version '{semver}' is not a semantic version");
        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value.Split('.') : [];
        var build = match.Groups["build"].Success ? match.Groups["build"].Value.Split('.') : [];

        // The first pre-release parts may each fill one of PEP 440's slots, in this order.
        var next = 0;
        string Slot(Func<string, string?> translate)
        {
            if (next >= pre.Length || translate(pre[next]) is not { } value) return "";
            next++;
            return value;
        }
        var release = Slot(Release);
        var dev = Slot(part => DevPart().IsMatch(part) ? "." + part : null);
        var post = Slot(part => PostPart().IsMatch(part) ? "." + part : null);

        // Pulumi's codegen keeps in the local version every pre-release part after the first when a release slot was
        // filled, and all of them otherwise.
        var localStart = release.Length > 0 ? 1 : next;
        var local = pre.Skip(localStart).Concat(build).Select(p => p.Replace('-', '.')).ToList();
        var localSuffix = local.Count > 0 ? "+" + string.Join(".", local) : "";
        return $"{match.Groups["major"].Value}.{match.Groups["minor"].Value}.{match.Groups["patch"].Value}{release}{dev}{post}{localSuffix}";
    }

    private static string? Release(string part)
    {
        foreach (var (prefix, short_) in new[] { ("alpha", "a"), ("beta", "b") })
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal) && ReleasePart().IsMatch(short_ + part[prefix.Length..]))
                return short_ + part[prefix.Length..];
        }
        return ReleasePart().IsMatch(part) ? part : null;
    }

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\+(?<build>[0-9A-Za-z.-]+))?$")]
    private static partial Regex Semver();

    // "alpha.18" is one release part to PEP 440 ("a18"), where semver sees two.
    [GeneratedRegex(@"(alpha|beta|rc)[.](\d+)")]
    private static partial Regex DottedReleaseNumber();

    [GeneratedRegex("^(a|b|rc)[0-9]+$")]
    private static partial Regex ReleasePart();

    [GeneratedRegex("^dev[0-9]+$")]
    private static partial Regex DevPart();

    [GeneratedRegex("^post[0-9]+$")]
    private static partial Regex PostPart();
}
