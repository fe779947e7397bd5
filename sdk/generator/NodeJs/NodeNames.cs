using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>How schema names become TypeScript names and module files, following Pulumi's nodejs codegen.</summary>
public static class NodeNames
{
    /// <summary>The module file of a resource or function: <c>FlinkConnection</c> → <c>flinkConnection.ts</c>.</summary>
    public static string ModuleFile(string name) => Names.Camel(name) + ".ts";

    public static string ArgsInterface(string typeName) => typeName + "Args";
    public static string StateInterface(string typeName) => typeName + "State";
    public static string FunctionArgs(string functionName) => Names.Pascal(functionName) + "Args";
    public static string FunctionOutputArgs(string functionName) => Names.Pascal(functionName) + "OutputArgs";
    public static string FunctionResult(string functionName) => Names.Pascal(functionName) + "Result";
    public static string OutputFunction(string functionName) => functionName + "Output";
}
