using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// How schema names become Python names, by the rules of Pulumi's Python codegen (<c>pkg/codegen/python/python.go</c>
/// and <c>utilities.go</c>), so users meet the names every Pulumi Python SDK uses: snake_case members, a trailing
/// underscore on Python keywords (builtins such as <c>type</c> and <c>id</c> stay as they are), UPPER_SNAKE enum members.
/// </summary>
public static partial class PyNames
{
    // Python 2 and 3 keywords, as Pulumi's list has them.
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "exec", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "print", "raise", "return", "try", "while", "with", "yield",
    ];

    private enum Run { First, Upper, Acronym, LowerOrNumber }

    /// <summary>
    /// camelCase to snake_case: <c>apiKey</c> → <c>api_key</c>, <c>S3Vectors</c> → <c>s3_vectors</c>. An acronym stays one
    /// word (<c>OpenAI</c> → <c>open_ai</c>), and so does a digit or an <c>s</c> right after it (<c>SHA256Hash</c> →
    /// <c>sha256_hash</c>, <c>IPs</c> → <c>ips</c>).
    /// </summary>
    public static string Snake(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var run = Run.First;
        foreach (var raw in name)
        {
            var c = IsIdentifierPart(raw) ? raw : '_';
            switch (run)
            {
                case Run.First:
                    if (!IsIdentifierStart(c)) word.Append('_');
                    run = char.IsUpper(c) ? Run.Upper : Run.LowerOrNumber;
                    word.Append(char.ToLowerInvariant(c));
                    break;
                case Run.Upper:
                    run = char.IsUpper(c) ? Run.Acronym : Run.LowerOrNumber;
                    word.Append(char.ToLowerInvariant(c));
                    break;
                case Run.Acronym when char.IsUpper(c):
                    word.Append(char.ToLowerInvariant(c));
                    break;
                case Run.Acronym when char.IsDigit(c) || c == 's':
                    run = Run.LowerOrNumber;
                    word.Append(c);
                    break;
                case Run.Acronym:
                    // The acronym's last capital starts the next word: "HTTPServer" → "http", "se...".
                    var last = word[^1];
                    words.Add(word.ToString(0, word.Length - 1));
                    word.Clear().Append(last).Append(c);
                    run = Run.LowerOrNumber;
                    break;
                case Run.LowerOrNumber when char.IsUpper(c):
                    words.Add(word.ToString());
                    word.Clear().Append(char.ToLowerInvariant(c));
                    run = Run.Upper;
                    break;
                case Run.LowerOrNumber:
                    word.Append(c);
                    break;
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return KeywordSafe(string.Join("_", words));
    }

    /// <summary>PEP 8's escape of a name that is a keyword: <c>lambda</c> → <c>lambda_</c>.</summary>
    public static string KeywordSafe(string name) => Keywords.Contains(name) ? name + "_" : name;

    /// <summary>A parameter of a resource's <c>__init__</c>, which must not take the place of its own <c>resource_name</c> or <c>opts</c>.</summary>
    public static string InitParameter(string wireName) => Snake(wireName) switch
    {
        "resource_name" or "opts" => Snake(wireName) + "_",
        var name => name,
    };

    /// <summary>The class of a type token: <c>confluentflink:index:FlinkConnection</c> → <c>FlinkConnection</c>.</summary>
    public static string Class(string token) => KeywordSafe(Names.TypeName(token));

    /// <summary>The module (file without <c>.py</c>) of a resource or function: <c>getFlinkConnection</c> → <c>get_flink_connection</c>.</summary>
    public static string Module(string token) => Snake(Names.TypeName(token));

    public static string ArgsClass(string typeName) => typeName + "Args";
    public static string TypedDict(string className) => className + "Dict";
    public static string StateClass(string resourceClass) => $"_{resourceClass}State";
    public static string FunctionResult(string token) => Class(token) + "Result";
    public static string AwaitableResult(string token) => "Awaitable" + FunctionResult(token);
    public static string OutputFunction(string functionName) => functionName + "_output";

    /// <summary>
    /// An enum member: the member's schema name in UPPER_SNAKE case (<c>McpServer</c> → <c>MCP_SERVER</c>), made a valid
    /// identifier, prefixed with the enum's name if it would start with an underscore, runs of underscores folded.
    /// </summary>
    public static string EnumMember(EnumMemberSpec member, string enumName)
    {
        var name = ShortEnumName.Expand(member.Name.Length > 0 ? member.Name : member.Value);
        if (name.Length == 1 && !IsIdentifierStart(name[0]))
            throw new SchemaException($"enum {enumName}: member name '{name}' is not a valid identifier");
        var upper = ValidIdentifier(Snake(name).ToUpperInvariant());
        if (upper.StartsWith('_')) upper = Snake(enumName).ToUpperInvariant() + upper;
        return Underscores().Replace(upper, "_");
    }

    private static string ValidIdentifier(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsIdentifierPart(c)) { result.Append('_'); continue; }
            if (i == 0 && !IsIdentifierStart(c)) result.Append('_');
            result.Append(c);
        }
        return result.ToString();
    }

    private static bool IsIdentifierStart(char c) =>
        c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber;

    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    [GeneratedRegex("_+")]
    private static partial Regex Underscores();
}
