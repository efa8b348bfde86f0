namespace MediaGate.Cli;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal.</summary>
internal sealed class ProgressBar(int total) : IDisposable
{
    private const int Width = 30;
    private readonly bool _enabled = !Console.IsErrorRedirected && total > 0;
    private int _done;

    public void Advance(string current)
    {
        _done++;
        if (!_enabled)
        {
            return;
        }

        int filled = (int)((long)_done * Width / total);
        current = InputScan.Printable(current);
        string name = current.Length > 40 ? "…" + current[^39..] : current;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total} {name,-40}");
    }

    public void Dispose()
    {
        if (_enabled)
        {
            Console.Error.Write("\r" + new string(' ', Width + 60) + "\r");
        }
    }
}
