using System.Globalization;

namespace ConfluentFlink.Robustness.Tests;

/// <summary>
/// How hard the suite pushes: <c>make test</c> runs scale 1 (a couple of minutes); <c>make chaos</c> sets
/// CHAOS_SCALE (e.g. 10) for longer storms and more fuzz cases. Seeds come from CHAOS_SEED, else a fixed one,
/// so a failing run can be repeated exactly.
/// </summary>
public static class ChaosScale
{
    public static int Factor { get; } = ReadInt("CHAOS_SCALE", 1, minimum: 1);

    public static int Seed { get; } = ReadInt("CHAOS_SEED", 20261127, minimum: 0);

    public static int Scaled(int count) => count * Factor;

    private static int ReadInt(string name, int fallback, int minimum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
        throw new ArgumentException($"{name} must be a whole number of at least {minimum}, got '{text}'");
    }
}
