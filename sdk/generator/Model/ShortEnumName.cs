namespace ConfluentFlink.SdkGen.Model;

/// <summary>
/// The words Pulumi's codegen (every language) gives enum members whose name is a single symbol or digit, which no
/// language takes as an identifier: <c>*</c> → <c>Asterisk</c>, <c>0</c> → <c>Zero</c>.
/// </summary>
public static class ShortEnumName
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["*"] = "Asterisk", ["0"] = "Zero", ["1"] = "One", ["2"] = "Two", ["3"] = "Three", ["4"] = "Four",
        ["5"] = "Five", ["6"] = "Six", ["7"] = "Seven", ["8"] = "Eight", ["9"] = "Nine",
    };

    public static string Expand(string name) => Words.GetValueOrDefault(name, name);
}
