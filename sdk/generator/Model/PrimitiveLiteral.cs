using System.Globalization;
using System.Text.Json.Nodes;
using ConfluentFlink.Schema;

namespace ConfluentFlink.SdkGen.Model;

/// <summary>A schema default of a primitive property as source text; numbers and booleans read the same in C# and TypeScript.</summary>
public static class PrimitiveLiteral
{
    /// <param name="stringLiteral">How the target language quotes a string.</param>
    public static string Format(JsonNode value, TypeRef type, Func<string, string> stringLiteral) => type.Primitive switch
    {
        "string" => stringLiteral(value.GetValue<string>()),
        "integer" => value.GetValue<long>().ToString(CultureInfo.InvariantCulture),
        "number" => value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        "boolean" => value.GetValue<bool>() ? "true" : "false",
        _ => throw new SchemaException($"a default value is only supported on primitive properties, not on '{type.TypeToken}'"),
    };
}
