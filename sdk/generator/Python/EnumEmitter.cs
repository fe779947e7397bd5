using ConfluentFlink.SdkGen.Model;
using ConfluentFlink.SdkGen.Naming;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// <c>_enums.py</c>: each string enum as a <c>str</c>-based <c>Enum</c>, so a member is usable wherever its value is and
/// inputs that take an enum also take the same value as a plain string.
/// </summary>
public sealed class EnumEmitter(PyContext ctx)
{
    public const string Module = "_enums";

    public GeneratedFile? Emit()
    {
        var enums = ctx.Package.EnumTypes;
        if (enums.Count == 0) return null;
        var w = PyFile.Plain();
        w.Line("import pulumi");
        w.Line("from enum import Enum");
        w.Line();
        PyFile.All(w, enums.Select(e => Names.TypeName(e.Token)).ToList());
        for (var i = 0; i < enums.Count; i++)
        {
            var e = enums[i];
            var name = Names.TypeName(e.Token);
            w.Line().Line();
            w.Line($"@pulumi.type_token({PyLiteral.Double(e.Token)})");
            w.Line($"class {name}(_builtins.str, Enum):");
            DocString.Write(w, DocString.Filtered(e.Description), "    ");
            foreach (var m in e.Members)
            {
                w.Line($"    {PyNames.EnumMember(m, name)} = {PyLiteral.Double(m.Value)}");
                DocString.Write(w, DocString.Filtered(m.Description), "    ");
            }
        }
        return new GeneratedFile($"{ctx.PackageName}/{Module}.py", w.ToString());
    }
}
