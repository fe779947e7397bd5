using System.Collections.Concurrent;

namespace ConfluentFlink.Robustness.Tests.Storm;

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
