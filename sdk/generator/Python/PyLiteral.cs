using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>Python source for schema literals, quoted the two ways Pulumi's codegen quotes them.</summary>
public static class PyLiteral
{
    /// <summary>A single-quoted string: tokens, names and defaults in generated code.</summary>
    public static string Single(string value) => "'" + Escape(value).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>A double-quoted string: property names in <c>pulumi.get</c>/<c>pulumi.set</c> and enum values.</summary>
    public static string Double(string value) => "\"" + Escape(value).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A schema default of a primitive property: <c>4</c>, <c>True</c>, <c>'text'</c>.</summary>
    public static string Value(JsonNode value, TypeRef type) => type.Primitive switch
    {
        "boolean" => value.GetValue<bool>() ? "True" : "False",
        _ => PrimitiveLiteral.Format(value, type, Single),
    };

    /// <summary>
    /// The expression giving a property its default, as Pulumi's codegen writes it: the first of its environment
    /// variables that is set (read by the <c>_utilities</c> reader of its type), else the schema default. Null when
    /// the property has neither.
    /// </summary>
    public static string? Default(PropertySpec p)
    {
        var literal = p.Default is null ? null : Value(p.Default, p.Type);
        if (p.EnvironmentDefaults.Count == 0) return literal;
        var reader = p.Type.Primitive switch
        {
            "boolean" => "get_env_bool",
            "integer" => "get_env_int",
            "number" => "get_env_float",
            _ => "get_env",
        };
        var fromEnvironment = $"_utilities.{reader}({string.Join(", ", p.EnvironmentDefaults.Select(Single))})";
        return literal is null ? fromEnvironment : $"({fromEnvironment} or {literal})";
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
