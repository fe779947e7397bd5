using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.NodeJs;

/// <summary>A TypeScript module: the generated-file header and the imports Pulumi's codegen gives each kind of module.</summary>
public static class TsFile
{
    /// <param name="root">The path from the module to the SDK root: <c>.</c> or <c>..</c>.</param>
    /// <param name="nestedTypes">The module mentions object or enum types, so it imports the type modules.</param>
    /// <param name="enums">The package declares enums, so the type modules include <c>types/enums</c>.</param>
    /// <param name="utilities">The module calls the SDK's utilities.</param>
    public static string Create(string root, bool nestedTypes, bool enums, bool utilities, Action<CodeWriter> body)
    {
        var w = CodeWriter.WithHeader();
        w.Line("import * as pulumi from \"@pulumi/pulumi\";");
        if (nestedTypes)
        {
            w.Line($"import * as inputs from \"{root}/types/input\";");
            w.Line($"import * as outputs from \"{root}/types/output\";");
            if (enums) w.Line($"import * as enums from \"{root}/types/enums\";");
        }
        if (utilities) w.Line($"import * as utilities from \"{root}/utilities\";");
        w.Line();
        body(w);
        return w.ToString();
    }

    /// <summary>A module with no imports but the utilities (or none at all).</summary>
    public static string Plain(string? utilitiesRoot, Action<CodeWriter> body)
    {
        var w = CodeWriter.WithHeader();
        if (utilitiesRoot is not null) w.Line($"import * as utilities from \"{utilitiesRoot}/utilities\";").Line();
        body(w);
        return w.ToString();
    }
}
