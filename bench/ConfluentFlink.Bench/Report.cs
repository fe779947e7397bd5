using System.Globalization;
using System.Text;

namespace ConfluentFlink.Bench;

/// <summary>One line of the results: the plugin's figure beside its baseline from the same run, and the goal.</summary>
public sealed record Row(string Measure, string Plugin, string Baseline, string Ratio, string Goal, bool? Met);

/// <summary>Collects rows and renders them as the console table and as <c>bench/results.md</c>.</summary>
public sealed class Report
{
    private readonly List<(string Section, Row Row)> _rows = [];

    public IReadOnlyList<Row> Rows => _rows.Select(r => r.Row).ToList();

    public void Add(string section, Row row)
    {
        _rows.Add((section, row));
        Console.WriteLine($"  {row.Measure}: {row.Plugin} (baseline {row.Baseline}, {row.Ratio}) goal {row.Goal} {Verdict(row.Met)}");
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public string Markdown(string machine, string plugin, string? notes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        text.AppendLine($"Written by `make bench` (bench/ConfluentFlink.Bench). Machine: {machine}.").AppendLine();
        text.AppendLine($"Plugin measured: `{plugin}`. Every figure is beside a baseline measured in the same run; ratios are plugin / baseline.").AppendLine();
        foreach (var section in _rows.GroupBy(r => r.Section))
        {
            text.AppendLine($"## {section.Key}").AppendLine();
            text.AppendLine("| Measure | Plugin | Baseline | Ratio / added | Goal | Met |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var (_, row) in section)
                text.AppendLine($"| {row.Measure} | {row.Plugin} | {row.Baseline} | {row.Ratio} | {row.Goal} | {Verdict(row.Met)} |");
            text.AppendLine();
        }
        if (notes is not null) text.AppendLine(notes.TrimEnd()).AppendLine();
        return text.ToString();
    }

    private static string Verdict(bool? met) => met switch { true => "yes", false => "NO", null => "-" };
}
