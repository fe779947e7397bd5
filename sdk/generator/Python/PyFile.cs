using ConfluentFlink.SdkGen.Model;

namespace ConfluentFlink.SdkGen.Python;

/// <summary>
/// A Python module as Pulumi's codegen starts it: the encoding line and the generated-file header, the <c>builtins</c>
/// alias that type hints use, and for modules that declare Pulumi types the common imports, this module's way to
/// <c>_utilities</c>, then the imports of the types it mentions.
/// </summary>
public static class PyFile
{
    private static readonly string[] Typings = ["Any", "Mapping", "Optional", "Sequence", "Union", "overload"];

    /// <summary>A module that needs no Pulumi imports (enums, package inits).</summary>
    public static CodeWriter Plain()
    {
        var w = new CodeWriter();
        w.Line("# coding=utf-8").Lines(CodeWriter.Header("#")).Line();
        w.Line("import builtins as _builtins");
        return w;
    }

    /// <param name="root">The relative import of the package root from this module: <c>.</c> or <c>..</c>.</param>
    /// <param name="imports">Import lines for the SDK's own types, in any order.</param>
    public static CodeWriter WithSdk(string root, IEnumerable<string> imports)
    {
        var w = Plain();
        w.Lines(
        [
            "import warnings",
            "import sys",
            "import pulumi",
            "import pulumi.runtime",
            $"from typing import {string.Join(", ", Typings)}",
            // TypedDict's NotRequired is in typing from Python 3.11 on.
            "if sys.version_info >= (3, 11):",
            "    from typing import NotRequired, TypedDict, TypeAlias",
            "else:",
            "    from typing_extensions import NotRequired, TypedDict, TypeAlias",
            $"from {root} import _utilities",
        ]);
        w.Lines(imports.Distinct().Order(StringComparer.Ordinal));
        return w.Line();
    }

    /// <summary>A module's <c>__all__</c>: one name per line, or all on one line as Pulumi writes it for resources.</summary>
    public static void All(CodeWriter w, IReadOnlyList<string> names, bool oneLine = false)
    {
        if (oneLine)
        {
            w.Line($"__all__ = [{string.Join(", ", names.Select(PyLiteral.Single))}]");
            return;
        }
        w.Line("__all__ = [");
        foreach (var name in names) w.Line($"    {PyLiteral.Single(name)},");
        w.Line("]");
    }
}
