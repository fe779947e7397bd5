using System.Text.Json.Nodes;
using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>C# source for schema literals and defaults.</summary>
public static class Literals
{
    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Value(JsonNode value, TypeRef type) => PrimitiveLiteral.Format(value, type, String);

    /// <summary>
    /// The expression giving a property its default: the first environment variable that is set, else the schema default.
    /// Null when the property has neither.
    /// </summary>
    public static string? Default(PropertySpec p)
    {
        string? fromEnvironment = null;
        if (p.EnvironmentDefaults.Count > 0)
        {
            var names = string.Join(", ", p.EnvironmentDefaults.Select(String));
            fromEnvironment = p.Type.Primitive switch
            {
                "string" => $"Utilities.GetEnv({names})",
                "integer" => $"Utilities.GetEnvInt32({names})",
                "boolean" => $"Utilities.GetEnvBoolean({names})",
                "number" => $"Utilities.GetEnvDouble({names})",
                _ => throw new SchemaException($"'{p.WireName}': environment defaults need a primitive type"),
            };
        }
        var fromSchema = p.Default is null ? null : Value(p.Default, p.Type);
        return (fromEnvironment, fromSchema) switch
        {
            (null, null) => null,
            ({ } env, null) => env,
            (null, { } literal) => literal,
            ({ } env, { } literal) => $"{env} ?? {literal}",
        };
    }
}
