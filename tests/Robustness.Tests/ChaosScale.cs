using System.Globalization;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// How hard the suite pushes: <c>make test</c> runs scale 1 (a couple of minutes); <c>make chaos</c> sets
/// CHAOS_SCALE (e.g. 10) for longer storms and more fuzz cases. Seeds come from CHAOS_SEED, else a fixed one,
/// so a failing run can be repeated exactly; a comma-separated list runs the fault storm once per seed.
/// </summary>
public static class ChaosScale
{
    public const int DefaultSeed = 20261127;

    public static int Factor { get; } = ReadInt("CHAOS_SCALE", 1, minimum: 1);

    public static IReadOnlyList<int> Seeds { get; } = ReadSeeds("CHAOS_SEED");

    /// <summary>The first seed: the one the fuzz uses.</summary>
    public static int Seed => Seeds[0];

    public static int Scaled(int count) => count * Factor;

    private static int ReadInt(string name, int fallback, int minimum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return Parse(name, text, minimum);
    }

    private static IReadOnlyList<int> ReadSeeds(string name)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return [DefaultSeed];
        var seeds = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Parse(name, part, minimum: 0)).Distinct().ToList();
        return seeds.Count > 0 ? seeds : throw new ArgumentException($"{name} names no seed: '{text}'");
    }

    private static int Parse(string name, string text, int minimum) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{name} must be whole numbers of at least {minimum}, got '{text}'");
}
