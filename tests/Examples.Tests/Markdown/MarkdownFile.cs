using Markdig;
using Markdig.Syntax;
using Markdig.Extensions.Tables;
using Markdig.Syntax.Inlines;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;

namespace ConfluentFlink.Examples.Tests.Markdown;

/// <summary>A fenced code block: its language (first word of the info string) and text.</summary>
public sealed record CodeBlock(string Language, string Text, int Line);

/// <summary>
/// A `pulumi config set` command found in a shell code block. <paramref name="Value"/> is null when the command
/// leaves the value to Pulumi's prompt.
/// </summary>
public sealed record ConfigSetCommand(string Key, string? Value, bool Secret, string Where);

/// <summary>The parts of a Markdown file (README or doc) the checks read, parsed with Markdig.</summary>
public sealed class MarkdownFile
{
    private static readonly string[] ShellLanguages = ["bash", "sh", "shell", "console"];

    // Heading ids as GitHub and the Registry make them, so links to a section can be checked.
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).UseAdvancedExtensions().Build();

    private readonly MarkdownDocument _document;

    public MarkdownFile(string path, string relativePath)
    {
        Path = path;
        RelativePath = relativePath;
        _document = Markdig.Markdown.Parse(File.ReadAllText(path), Pipeline);
    }

    public string Path { get; }

    public string RelativePath { get; }

    public IEnumerable<CodeBlock> CodeBlocks =>
        _document.Descendants<FencedCodeBlock>().Select(b => new CodeBlock(
            (b.Info ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
            string.Join("\n", b.Lines.Lines.Take(b.Lines.Count).Select(l => l.ToString())),
            b.Line + 1));

    /// <summary>The cells of every table body row, as plain text (inline code keeps its backticks).</summary>
    public IEnumerable<string[]> TableRows() =>
        _document.Descendants<TableRow>().Where(r => !r.IsHeader).Select(r => r.OfType<TableCell>().Select(CellText).ToArray());

    public IEnumerable<string> LinkTargets => _document.Descendants<LinkInline>().Select(l => l.Url ?? "");

    /// <summary>The ids of the headings, the targets of <c>file.md#id</c> links.</summary>
    public IReadOnlySet<string> HeadingIds =>
        _document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ConfigSetCommand> ConfigSetCommands =>
        CodeBlocks.Where(b => ShellLanguages.Contains(b.Language))
            .SelectMany(b => b.Text.Split('\n').Select((line, i) => (line, where: $"{RelativePath}:{b.Line + 1 + i}")))
            .Select(l => ParseConfigSet(l.line, l.where))
            .OfType<ConfigSetCommand>();

    private static string CellText(TableCell cell) =>
        string.Concat(cell.Descendants<Inline>().Select(inline => inline switch
        {
            CodeInline code => $"`{code.Content}`",
            LiteralInline literal => literal.Content.ToString(),
            _ => "",
        })).Trim();

    private static ConfigSetCommand? ParseConfigSet(string line, string where)
    {
        var command = line.Split('#')[0];
        const string prefix = "pulumi config set";
        var start = command.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0) return null;
        var words = command[(start + prefix.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var positional = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (positional.Count == 0) return null;
        return new ConfigSetCommand(positional[0], positional.ElementAtOrDefault(1), words.Contains("--secret"), where);
    }
}
