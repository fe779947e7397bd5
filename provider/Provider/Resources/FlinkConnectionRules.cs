using System.Security.Cryptography;
using System.Text;
using ConfluentFlink.Provider.Configuration;
using ConfluentFlink.Provider.Contract;
using ConfluentFlink.Provider.Values;
using ConfluentFlink.Schema;
using static ConfluentFlink.Provider.Resources.FlinkConnectionArgs;

namespace ConfluentFlink.Provider.Resources;

/// <summary>
/// Check and Diff of a <c>FlinkConnection</c>. Check finds at preview everything the API or a later step would reject:
/// shapes from schema.json, credential and name rules from the catalog, every Flink setting wherever it comes from. A
/// value not known yet is never an error, and all failures are reported at once, each on its property.
/// </summary>
public static class FlinkConnectionRules
{
    private const int MaxUrlLength = 16384;

    /// <summary>The id's parts, which Pulumi always shows in plain, so they may not be secret.</summary>
    private static readonly IReadOnlyList<string> IdParts = [DisplayNameProperty, Setting.Organization.Property, Setting.Environment.Property];

    public static CheckResult Check(CheckRequest request, ProviderConfig config)
    {
        var news = request.NewInputs.Remove(Defaults);
        var args = FlinkConnectionArgs.Decode(news);
        var failures = Shapes(news).ToList();
        if (!args.DisplayName.IsGiven)
        {
            var (name, problem) = Name(request);
            if (name is not null)
                args = args with { DisplayName = Input.Known(name), NameOrigin = NameOrigin.Generated };
            else
                failures.Add(new CheckFailure(DisplayNameProperty, problem!));
        }
        failures.AddRange(Values(args));
        // A block that is itself malformed is reported already; "missing" on top would only repeat it.
        var malformedBlocks = failures.Where(f => f.Property.Length > 0).Select(f => f.Property.Split('.')[0]).ToHashSet();
        failures.AddRange(config.Resolve(Setting.All, spec => args.Settings[spec].ToMarkedValue()).Failures.Where(f => !malformedBlocks.Contains(f.Property.Split('.')[0])));
        // The inputs as sent are kept for failures: the protocol layer needs their secret marks to keep secrets out of what the engine prints.
        return new CheckResult(failures.Count == 0 ? args.Encode() : news.MarkSecrets(SecretPaths), failures);
    }

    public static DiffResult Diff(DiffRequest request, ProviderConfig config)
    {
        var previous = FlinkConnectionArgs.Decode(FlinkConnectionState.RecordedInputs(request.OldInputs, request.OldState));
        var next = FlinkConnectionArgs.Decode(request.NewInputs);
        bool Ignored(string path) => request.IgnoreChanges.Any(i => path == i || path.StartsWith(i + ".", StringComparison.Ordinal));
        var detailed = new Dictionary<string, PropertyDiffKind>(StringComparer.Ordinal);
        void Compare(string path, PropertyValue before, PropertyValue after)
        {
            if (!Ignored(path) && !Equals(before, after))
                detailed[path] = KindOf(path, before, after);
        }

        var settingPaths = Setting.All.Select(s => s.Property).ToHashSet();
        var before = previous.Leaves().ToDictionary(l => l.Path, l => l.Input);
        foreach (var (path, after) in next.Leaves().Where(l => !settingPaths.Contains(l.Path)))
            Compare(path, before[path].ToValue(), after.ToValue());

        // Settings are compared by their effective values, wherever they come from (resource, config, environment). Where
        // the connection lives is recorded in its outputs; a Flink key set only in config is not, so that side is resolved
        // from the old inputs under today's config (rotating the key in config is then no change at all).
        foreach (var spec in Setting.All)
        {
            var recorded = request.OldState.GetPath(spec.Property);
            Compare(spec.Property, recorded is not NullValue ? recorded : config.Lookup(spec, previous.Own(spec)).Value, config.Lookup(spec, next.Own(spec)).Value);
        }

        var result = new DiffResult { DetailedDiff = detailed };
        // A name is unique in its environment, so a replacement that keeps the program's name must delete first; a
        // generated name is generated anew for the replacement, so the new connection can exist before the old one goes.
        return result with { DeleteBeforeReplace = result.Replaces.Count > 0 && next.NameOrigin == NameOrigin.Program };
    }

    private static PropertyDiffKind KindOf(string path, PropertyValue before, PropertyValue after)
    {
        var replaces = Resource.Input(path.Split('.')[0])?.ReplaceOnChanges == true;
        return (before, after) switch
        {
            (NullValue, _) => replaces ? PropertyDiffKind.AddReplace : PropertyDiffKind.Add,
            (_, NullValue) => replaces ? PropertyDiffKind.DeleteReplace : PropertyDiffKind.Delete,
            _ => replaces ? PropertyDiffKind.UpdateReplace : PropertyDiffKind.Update,
        };
    }

    /// <summary>What Check needs to know of one input, read from schema.json once: its fields and their form, or its allowed values.</summary>
    private sealed record InputShape(PropertySpec Property, IReadOnlyList<PropertySpec>? Fields, string? FieldsForm, IReadOnlyList<string>? Allowed);

    private static readonly IReadOnlyList<InputShape> InputShapes = Resource.Inputs.Select(p => Package.ObjectOf(p) is { } type
        ? new InputShape(p, type.Properties, "{ " + string.Join(", ", type.Properties.Select(f => $"{f.WireName}: \"...\"")) + " }", null)
        : new InputShape(p, null, null, Package.EnumOf(p)?.Values)).ToList();

    private static readonly IReadOnlyList<string> InputNames = Resource.Inputs.Select(p => p.WireName).ToList();

    /// <summary>What schema.json says of each property: its name, whether it is required, its kind and its fields or values.</summary>
    private static IEnumerable<CheckFailure> Shapes(PropertyMap news)
    {
        foreach (var key in news.Keys.Where(k => !InputNames.Contains(k)))
            yield return new CheckFailure(key, $"{key} is not a property of FlinkConnection{DidYouMean(key, InputNames)}; accepted: {string.Join(", ", InputNames)}");
        foreach (var required in Resource.Inputs.Where(p => p.Required && news.Get(p.WireName) is NullValue))
            yield return new CheckFailure(required.WireName, $"{required.WireName} is required");

        foreach (var (property, fields, fieldsForm, allowed) in InputShapes)
        {
            var value = news.Get(property.WireName).Unwrapped;
            if (value is NullValue or UnknownValue)
                continue;
            if (fields is not null)
            {
                var obj = value as ObjectValue;
                if (obj is null)
                {
                    yield return new CheckFailure(property.WireName, $"{property.WireName} must be an object {fieldsForm}, not {Describe(value)}");
                    continue;
                }
                var names = fields.Select(f => f.WireName).ToList();
                foreach (var key in obj.Properties.Keys.Where(k => !names.Contains(k)))
                    yield return new CheckFailure($"{property.WireName}.{key}", $"{property.WireName}.{key} is not a field of {property.WireName}" +
                                                                               $"{DidYouMean(key, names)}; it takes {fieldsForm}");
                foreach (var field in fields)
                {
                    var inner = obj.Properties.Get(field.WireName).Unwrapped;
                    if (inner is NullValue && field.Required)
                        yield return new CheckFailure($"{property.WireName}.{field.WireName}", $"{property.WireName}.{field.WireName} is required when {property.WireName} is set");
                    else if (StringProblem(inner) is { } problem)
                        yield return new CheckFailure($"{property.WireName}.{field.WireName}", $"{property.WireName}.{field.WireName} {problem}");
                }
            }
            else if (allowed is not null && value is StringValue text && !allowed.Contains(text.Value))
            {
                yield return new CheckFailure(property.WireName, $"{property.WireName} {Quote(news, property.WireName, text.Value)}is not supported" +
                                                                 $"{DidYouMean(text.Value, allowed)}; use one of {string.Join(", ", allowed)}");
            }
            else if (StringProblem(value) is { } problem)
            {
                yield return new CheckFailure(property.WireName, $"{property.WireName} {problem}");
            }
        }
    }

    /// <summary>The catalog's rules on values: the name, URLs, plain ids, and the credentials the type takes.</summary>
    private static IEnumerable<CheckFailure> Values(FlinkConnectionArgs args)
    {
        if (args.DisplayName is { Presence: Presence.Known, Value: { Length: > 0 } name } && Catalog.Name.Problem(name) is { } nameProblem)
            yield return new CheckFailure(DisplayNameProperty, $"{DisplayNameProperty} {(args.DisplayName.Secret ? "" : $"'{ProviderException.Shorten(name)}' ")}{nameProblem}");
        foreach (var (path, input) in args.Leaves().Where(l => Catalog.Urls.Contains(l.Path)))
            if (input is { Presence: Presence.Known, Value: { Length: > 0 } url } && !IsServiceUrl(url))
                yield return new CheckFailure(path, $"{path} must be an absolute URL of a service, at most {MaxUrlLength} characters, e.g. https://api.example.com/v1");
        foreach (var (path, input) in args.Leaves().Where(l => IdParts.Contains(l.Path) && l.Input.Secret))
            yield return new CheckFailure(path, $"{path} is marked secret, but it becomes part of the resource id ({Catalog.IdForm}), " +
                                                "which Pulumi always shows in plain: pass it as a plain value");

        // A type off only by case still says which credentials are meant, so those are checked too.
        var type = args.Type.Value is { } typeName ? Catalog.Find(typeName.ToUpperInvariant()) : null;
        if (type is null)
            yield break;
        bool Given(string property) => args.Credentials.Any(c => c.Key.TopLevelProperty == property && c.Value.IsGiven);
        foreach (var property in Catalog.AuthDataProperties.Where(p => Given(p) && !type.Accepts(p)))
            yield return new CheckFailure(property, $"{property} is not used by type {type.Name}; {type.Name} takes {type.Describe()}");

        var chosen = type.AuthGroups.Where(g => g.TopLevelProperties.Any(Given)).ToList();
        if (!type.OffersChoice)
        {
            foreach (var missing in type.AuthGroups[0].RequiredProperties.Where(p => !Given(p)))
                yield return new CheckFailure(missing, $"{missing} is required for type {type.Name}, which takes {type.Describe()}");
        }
        else if (chosen.Count == 0)
        {
            yield return new CheckFailure("", $"type {type.Name} needs credentials: give {type.Describe()}");
        }
        else if (chosen.Count > 1)
        {
            var given = chosen.SelectMany(g => g.TopLevelProperties.Where(Given)).Distinct().ToList();
            foreach (var property in given)
                yield return new CheckFailure(property, $"{property} cannot be combined with {string.Join(" and ", given.Where(p => p != property))}: " +
                                                        $"type {type.Name} takes exactly {type.Describe()}");
        }
        else
        {
            var present = chosen[0].TopLevelProperties.Where(Given).ToList();
            foreach (var missing in chosen[0].RequiredProperties.Where(p => !Given(p)))
                yield return new CheckFailure(missing, $"{missing} is required with {string.Join(" and ", present)}: type {type.Name} takes {chosen[0].Describe()} together");
        }

        foreach (var exclusion in Catalog.Exclusions)
            if (Given(exclusion.Property) && args.Leaves().Any(l => l.Path == exclusion.WhenProperty && l.Input.Value == exclusion.Value))
                yield return new CheckFailure(exclusion.Property, $"{exclusion.Property} is not used when {exclusion.WhenProperty} is {exclusion.Value}");
    }

    /// <summary>
    /// The name of a connection whose program gives none, the way Pulumi users expect of a native provider: keep the name
    /// generated earlier, else follow the stack's autonaming configuration, else <c>&lt;resource name&gt;-&lt;7 characters&gt;</c>
    /// drawn from the engine's random seed (the same seed, the same name). Either a name or why none can be given.
    /// </summary>
    private static (string? Name, string? Problem) Name(CheckRequest request)
    {
        // Options name new connections only: a later `up` must not rename one. The engine checks a replacement without
        // old inputs, so that one still gets a fresh name.
        var old = FlinkConnectionArgs.Decode(request.OldInputs);
        if (old is { NameOrigin: NameOrigin.Generated, DisplayName: { Presence: Presence.Known, Value: { Length: > 0 } kept } })
            return (kept, null);
        return request.Autonaming switch
        {
            { Mode: AutonamingMode.Enforce } enforce => Catalog.Name.Problem(enforce.ProposedName) is { } problem
                ? (null, $"the stack's autonaming configuration proposes the name '{ProviderException.Shorten(enforce.ProposedName)}', which {problem}; " +
                         $"change the autonaming pattern, or set {DisplayNameProperty}")
                : (enforce.ProposedName, null),
            { Mode: AutonamingMode.Propose } propose => (Conform(propose.ProposedName, request.RandomSeed), null),
            { Mode: AutonamingMode.Disable } => (null, $"{DisplayNameProperty} is required: the stack's autonaming configuration disables generated names"),
            _ => (Generate(request.Name.Length > 0 ? request.Name : request.Urn.Name, request.RandomSeed), null),
        };
    }

    private const int SuffixLength = 7;

    /// <summary><c>&lt;prefix&gt;-&lt;7 characters&gt;</c>, the prefix cut so that the whole stays a valid name.</summary>
    private static string Generate(string resourceName, IReadOnlyList<byte> seed)
    {
        // Seven characters of [a-z0-9] drawn from the engine's random seed; an engine that sends none gets fresh randomness.
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var source = seed.Count > 0 ? SHA256.HashData(seed.ToArray()) : RandomNumberGenerator.GetBytes(32);
        var suffix = new string(source.Take(SuffixLength).Select(b => alphabet[b % alphabet.Length]).ToArray());
        var prefix = Sanitize(resourceName, keepDots: false);
        if (prefix.Length > Catalog.Name.MaxLength - SuffixLength - 1)
            prefix = prefix[..(Catalog.Name.MaxLength - SuffixLength - 1)].TrimEnd('-', '.');
        return prefix.Length == 0 ? suffix : $"{prefix}-{suffix}";
    }

    /// <summary>A proposed name made valid: sanitized and shortened, or generated anew when nothing of it survives.</summary>
    private static string Conform(string proposed, IReadOnlyList<byte> seed)
    {
        if (Catalog.Name.Problem(proposed) is null)
            return proposed;
        var sanitized = Sanitize(proposed, keepDots: true);
        if (sanitized.Length > Catalog.Name.MaxLength)
            sanitized = sanitized[..Catalog.Name.MaxLength].TrimEnd('-', '.');
        return Catalog.Name.Problem(sanitized) is null ? sanitized : Generate(proposed, seed);
    }

    /// <summary>Lower case, every character outside <c>[a-z0-9-]</c> (and '.' when kept) as '-', no '-' or '.' at the ends.</summary>
    private static string Sanitize(string name, bool keepDots)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' || (keepDots && c == '.') ? c : '-');
        return text.ToString().Trim('-', '.');
    }

    /// <summary>
    /// " (did you mean apiKey?)" for a name that differs from a known one only by case or by a couple of characters,
    /// else nothing.
    /// </summary>
    public static string DidYouMean(string given, IEnumerable<string> known)
    {
        // Compared in lower case, a name that differs only by case is at distance 0, so it comes first.
        var match = known.Select(k => (Name: k, Distance: EditDistance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Min(2, c.Name.Length / 3)).OrderBy(c => c.Distance).Select(c => c.Name).FirstOrDefault();
        return match is null ? "" : $" (did you mean {match}?)";
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private static string? StringProblem(PropertyValue value) => value switch
    {
        StringValue { Value.Length: 0 } => "must not be empty",
        StringValue or NullValue or UnknownValue => null,
        _ => $"must be a string, not {Describe(value)}",
    };

    // Services use many schemes (https, mongodb+srv, jdbc:postgresql), so only the shape is checked; a local file or a
    // mail address is never one.
    private static bool IsServiceUrl(string text) =>
        text.Length <= MaxUrlLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile && uri.Scheme != Uri.UriSchemeMailto;

    private static string Describe(PropertyValue value) => value switch
    {
        NumberValue => "a number",
        BoolValue => "a boolean",
        ArrayValue => "a list",
        ObjectValue => "an object",
        StringValue => "a string",
        UnsupportedValue u => $"a value of kind '{u.Kind}'",
        _ => "a value of another kind",
    };

    // Echo the offending value to help the user, unless it is marked secret.
    private static string Quote(PropertyMap news, string property, string text) =>
        news.IsSecretAt(property) ? "" : $"'{ProviderException.Shorten(text)}' ";
}
