using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>TypeScript expressions for a property's default: its environment variables, then its schema default.</summary>
public static class Defaults
{
    /// <summary>Null when the property has neither.</summary>
    public static string? Expression(PropertySpec p)
    {
        var literal = p.Default is null ? null : PrimitiveLiteral.Format(p.Default, p.Type, TsLiteral.String);
        if (p.EnvironmentDefaults.Count == 0) return literal;
        var names = string.Join(", ", p.EnvironmentDefaults.Select(TsLiteral.String));
        var fromEnvironment = p.Type.Primitive switch
        {
            "string" => $"utilities.getEnv({names})",
            "integer" or "number" => $"utilities.getEnvNumber({names})",
            "boolean" => $"utilities.getEnvBoolean({names})",
            _ => $"<any>utilities.getEnv({names})",
        };
        return literal is null ? fromEnvironment : $"({fromEnvironment} || {literal})";
    }
}
