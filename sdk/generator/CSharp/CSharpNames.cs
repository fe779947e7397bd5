using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>How schema names become C# names, following Pulumi's C# codegen so users meet familiar names.</summary>
public static class CSharpNames
{
    // C# reserved words: a camelCase wire name used as a parameter must be escaped with '@'.
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>The C# property name of a schema property: <c>apiKey</c> → <c>ApiKey</c>.</summary>
    public static string Property(string wireName) => Names.Pascal(wireName);

    /// <summary>The backing field of a secret input: <c>apiKey</c> → <c>_apiKey</c>.</summary>
    public static string BackingField(string wireName) => "_" + Names.Camel(wireName);

    /// <summary>A constructor parameter named after the wire name, which is how Pulumi's deserializer matches outputs.</summary>
    public static string Parameter(string wireName)
    {
        var camel = Names.Camel(wireName);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    public static string ResourceArgs(string typeName) => typeName + "Args";
    public static string ResourceState(string typeName) => typeName + "State";
    public static string InputArgs(string typeName) => typeName + "Args";
    public static string StateArgs(string typeName) => typeName + "GetArgs";
    public static string FunctionPlainArgs(string functionName) => functionName + "Args";
    public static string FunctionInvokeArgs(string functionName) => functionName + "InvokeArgs";
    public static string FunctionResult(string functionName) => functionName + "Result";
}
