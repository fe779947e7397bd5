namespace ConfluentFlink.SdkGen.Naming;

/// <summary>How schema tokens and property names become type, member and file names, in every SDK.</summary>
public static class Names
{
    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The last segment of a type token: <c>confluentflink:index:FlinkConnectionStatus</c> → <c>FlinkConnectionStatus</c>.</summary>
    public static string TypeName(string token) => Pascal(token.Split(':', '/').Last());

    /// <summary>A function's name in code: <c>confluentflink:index:getFlinkConnection</c> → <c>getFlinkConnection</c>.</summary>
    public static string FunctionName(string token) => Camel(TypeName(token));
}
