using System.Diagnostics;

namespace ConfluentFlink.Bench;

/// <summary>Timings of one measured thing, in milliseconds, and the order statistics the report uses.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Median => Percentile(50);

    /// <summary>Nearest-rank percentile: an observed value, never an interpolation between two.</summary>
    public double Percentile(double p)
    {
        if (_values.Count == 0) throw new InvalidOperationException("no samples");
        var sorted = _values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Times <paramref name="action"/> <paramref name="count"/> times after <paramref name="warmup"/> untimed runs.</summary>
    public static async Task<Samples> TimeAsync(int count, int warmup, Func<int, Task> action)
    {
        for (var i = 0; i < warmup; i++) await action(-1 - i);
        var samples = new Samples();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await action(i);
            samples.Add(clock.Elapsed);
        }
        return samples;
    }
}
