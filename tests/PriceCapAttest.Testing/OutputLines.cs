namespace PriceCapAttest.Testing;

/// <summary>
/// The lines a child process wrote to stdout and stderr, thread-safe. With a limit, only the first lines are kept
/// (a long benchmark run); every line still reaches <see cref="Received"/>.
/// </summary>
public sealed class OutputLines(int limit = int.MaxValue)
{
    private readonly List<string> _lines = [];

    /// <summary>Called for every line as it arrives (on the process's reader thread).</summary>
    public event Action<string>? Received;

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines as one text, for failure messages.</summary>
    public string Tail(int count = 200)
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines.TakeLast(count));
        }
    }

    /// <summary>How many kept lines contain <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        lock (_lines)
        {
            return _lines.Count(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            if (_lines.Count < limit)
            {
                _lines.Add(line);
            }
        }

        Received?.Invoke(line);
    }
}
