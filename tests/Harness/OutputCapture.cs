using System.Text;

namespace ConfluentFlink.Harness;

/// <summary>
/// Reads one of a child process's output streams to its end, keeping every character (for secret scans)
/// and exposing the first line as soon as it is complete (the plugin's port, the emulator's URL).
/// </summary>
public sealed class OutputCapture
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource<string?> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputCapture(StreamReader reader) => Completion = Task.Run(() => PumpAsync(reader));

    /// <summary>Everything read so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>The first line without its newline; null if the stream ended before a newline.</summary>
    public Task<string?> FirstLine => _firstLine.Task;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Completion { get; }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (_text)
                {
                    _text.Append(buffer, 0, read);
                    var text = _text.ToString();
                    var newline = text.IndexOf('\n');
                    if (newline >= 0)
                    {
                        _firstLine.TrySetResult(text[..newline]);
                    }
                }
            }
        }
        finally
        {
            _firstLine.TrySetResult(null);
        }
    }
}
