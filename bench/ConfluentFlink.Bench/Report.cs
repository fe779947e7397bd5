using System.Globalization;
using System.Text;

namespace ConfluentFlink.Bench;

/// <summary>One line of the results: the plugin's figure beside its baseline from the same run, and the goal it is held to.</summary>
public sealed record Row(string Measure, string Plugin, string Baseline, string Ratio, string Goal, bool? Met);

/// <summary>Collects rows and renders them as the console table and as <c>bench/results.md</c>.</summary>
public sealed class Report
{
    private readonly List<(string Section, Row Row)> _rows = [];
    private readonly Dictionary<string, string> _subjects = [];

    public IReadOnlyList<Row> Rows => _rows.Select(r => r.Row).ToList();

    public void Add(string section, Row row)
    {
        _rows.Add((section, row));
        Console.WriteLine($"  {row.Measure}: {row.Plugin} (baseline {row.Baseline}, {row.Ratio}) goal {row.Goal} {Verdict(row.Met)}");
    }

    /// <summary>What a section measured, when it is not the plugin the bench was given.</summary>
    public void Describe(string section, string subject) => _subjects[section] = subject;

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>
    /// bench/results.md: each section measured now, under a line that says on what machine and of what; the sections of
    /// <paramref name="previous"/> (the file as it was) that this run did not measure, kept as they were, in their
    /// place; then the <paramref name="notes"/>, sections written elsewhere (publish candidates, the fault storms).
    /// </summary>
    public string Markdown(string machine, string plugin, IReadOnlyList<string> notes, string? previous)
    {
        var measured = _rows.GroupBy(r => r.Section)
            .Select(g => (Heading: $"## {g.Key}", Text: Section(g.Key, machine, _subjects.GetValueOrDefault(g.Key, $"plugin `{plugin}`"), g.Select(r => r.Row))))
            .ToList();
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        text.AppendLine("Written by `make bench` (bench/ConfluentFlink.Bench), and its release archives section by `make bench-dist`. " +
                        "Every figure is beside a baseline measured in the same run; ratios are plugin / baseline.").AppendLine();
        foreach (var (heading, kept) in Sections(previous, notes))
        {
            var fresh = measured.FindIndex(m => m.Heading == heading);
            text.Append(fresh < 0 ? kept : measured[fresh].Text);
            if (fresh >= 0) measured.RemoveAt(fresh);
        }
        foreach (var (_, fresh) in measured) text.Append(fresh);
        foreach (var note in notes) text.AppendLine(note.TrimEnd()).AppendLine();
        return text.ToString();
    }

    private static string Section(string name, string machine, string subject, IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"## {name}").AppendLine();
        text.AppendLine($"Measured on {machine}; {subject}.").AppendLine();
        text.AppendLine("| Measure | Plugin | Baseline | Ratio / added | Goal | Met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
            text.AppendLine($"| {row.Measure} | {row.Plugin} | {row.Baseline} | {row.Ratio} | {row.Goal} | {Verdict(row.Met)} |");
        return text.AppendLine().ToString();
    }

    /// <summary>The sections of <paramref name="previous"/> up to the first that a note now writes.</summary>
    private static IEnumerable<(string Heading, string Text)> Sections(string? previous, IReadOnlyList<string> notes)
    {
        if (previous is null) yield break;
        var notesHeadings = notes.SelectMany(n => n.Split('\n')).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToHashSet();
        string? heading = null;
        var text = new StringBuilder();
        foreach (var line in previous.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (heading is not null) text.AppendLine(line);
                continue;
            }
            if (heading is not null) yield return (heading, text.ToString());
            if (notesHeadings.Contains(line)) yield break;
            heading = line;
            text.Clear().AppendLine(line);
        }
        if (heading is not null) yield return (heading, text.ToString());
    }

    private static string Verdict(bool? met) => met switch { true => "yes", false => "NO", null => "-" };
}
