namespace ConfluentFlink.FlinkApiEmulator.Hosting;

/// <summary>
/// What <c>GET /_emulator/stats</c> answers: API requests answered, by method and by answer ("dropped" when aborted), and
/// how many have arrived but not been answered yet (held by a delay, say).
/// </summary>
public sealed record StatsSnapshot(int Total, IReadOnlyDictionary<string, int> ByMethod, IReadOnlyDictionary<string, int> ByStatus, int Unanswered = 0)
{
    public int Method(string method) => ByMethod.GetValueOrDefault(method);
    public int Status(int status) => ByStatus.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    [System.Text.Json.Serialization.JsonIgnore]
    public int Dropped => ByStatus.GetValueOrDefault(RequestStats.DroppedKey);
}

/// <summary>Counts API requests (never the admin ones) so tests can see how many attempts a client really made.</summary>
public sealed class RequestStats
{
    public const string DroppedKey = "dropped";

    private readonly object _gate = new();
    private readonly Dictionary<string, int> _byMethod = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private int _total;
    private int _unanswered;

    public void Arrived()
    {
        lock (_gate) _unanswered++;
    }

    public void Record(string method, string answer)
    {
        lock (_gate)
        {
            _total++;
            _unanswered--;
            _byMethod[method] = _byMethod.GetValueOrDefault(method) + 1;
            _byStatus[answer] = _byStatus.GetValueOrDefault(answer) + 1;
        }
    }

    public StatsSnapshot Snapshot()
    {
        lock (_gate)
            return new StatsSnapshot(_total, new Dictionary<string, int>(_byMethod), new Dictionary<string, int>(_byStatus), _unanswered);
    }

    public void Reset()
    {
        lock (_gate)
        {
            // Requests in flight stay counted: they are still unanswered, and each will be recorded once.
            _total = 0;
            _byMethod.Clear();
            _byStatus.Clear();
        }
    }
}
