using System.Globalization;
using System.Text;

namespace ConfluentFlink.Robustness.Tests.Storm;

/// <summary>
/// One storm run as the table shows it. An orphan exists in the backend although the plugin said it was not created
/// (and did not say it may exist); a phantom is reported existing but is not there; a connection named as "may exist"
/// is neither, because its error tells the user to check and gives the import command.
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
        {
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Run} | {r.Scale} | {r.Seed} | {r.Connections} | {r.Operations} | {r.FailuresByKind} | " +
                $"{r.Adopted} / {r.InitFailed} / {r.Absent} | {r.NamedMayExist} | {r.Orphans} | {r.Phantoms} | {r.Duplicates} | " +
                $"{r.Duration.TotalSeconds:0} s |"));
        }
        return table.ToString();
    }
}
