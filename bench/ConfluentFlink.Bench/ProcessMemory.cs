namespace ConfluentFlink.Bench;

/// <summary>Resident memory of child processes, read from /proc (Linux), the figure `ps` and `top` show as RSS.</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in MB of <paramref name="pid"/>.</summary>
    public static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>
    /// The one child of this process running <paramref name="binary"/>: the harness keeps its Process private,
    /// and the kernel's parent links find it without widening the harness's API.
    /// </summary>
    public static int FindChild(string binary)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.GetFullPath(binary);
        var matches = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Where(pid => ParentOf(pid!) == self && ExecutableOf(pid!) == target)
            .Select(pid => int.Parse(pid!))
            .ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"expected one child running {target}, found {matches.Count}");
    }

    private static string? ParentOf(string pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal))?[5..].Trim();
        }
        catch (IOException)
        {
            return null; // exited while we looked
        }
    }

    private static string? ExecutableOf(string pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
