using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ConfluentFlink.Plugin.Tests.Storm;

/// <summary>
/// One storm run as the table shows it. An orphan exists in the backend although the plugin said it was not created
/// (and did not say it may exist); a phantom is held by a stack but is not there; a connection named as "may exist" is
/// neither, because its error tells the user to check and gives the import command.
/// </summary>
public sealed record StormFigures(
    string Run, int Scale, int Seed, int Connections, int Operations, string FailuresByKind,
    int Adopted, int InitFailed, int Absent, int NamedMayExist, int Orphans, int Phantoms, int Duplicates, TimeSpan Duration)
{
    public static string Table(IEnumerable<StormFigures> rows)
    {
        var table = new StringBuilder()
            .AppendLine("| run | scale | seed | connections | operations | failures by kind | creates resolved by lookup: adopted / init-failed / absent | named \"may exist\" | orphans | phantoms | duplicates | duration |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Run} | {r.Scale} | {r.Seed} | {r.Connections} | {r.Operations} | {r.FailuresByKind} | {r.Adopted} / {r.InitFailed} / {r.Absent} | " +
                $"{r.NamedMayExist} | {r.Orphans} | {r.Phantoms} | {r.Duplicates} | {r.Duration.TotalSeconds:0} s |"));
        return table.ToString();
    }
}

/// <summary>Collects the figures of every storm in the run and prints them as one table when the run ends.</summary>
[SetUpFixture]
public sealed class StormReport
{
    private static readonly ConcurrentQueue<StormFigures> Rows = new();

    public static void Add(StormFigures figures)
    {
        Rows.Enqueue(figures);
        TestContext.Out.WriteLine(StormFigures.Table([figures]));
    }

    [OneTimeTearDown]
    public void PrintTable()
    {
        if (Rows.IsEmpty) return;
        TestContext.Progress.WriteLine($"{Environment.NewLine}Fault storms (CHAOS_SCALE {ChaosScale.Factor}):");
        TestContext.Progress.WriteLine(StormFigures.Table(Rows.OrderBy(r => r.Run, StringComparer.Ordinal).ThenBy(r => r.Seed)));
    }
}
