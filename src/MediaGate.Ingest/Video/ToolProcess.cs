using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaGate.Ingest.Video;

/// <summary>
/// One run of ffmpeg or ffprobe: started directly with its arguments as a list (never through a shell), under
/// prlimit's memory limit, killed with its whole process tree when the wall-clock limit passes. Standard error
/// is drained in the background and kept bounded; standard output and input are the caller's pipes.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private const int ErrorCharsKept = 8 * 1024;
    private readonly Process _process;
    private readonly ITimer _deadline;
    private readonly Task<string> _errors;
    private int _timedOut;

    private ToolProcess(Process process, ToolLimits limits, TimeProvider time)
    {
        _process = process;
        _errors = DrainBounded(process.StandardError);
        _deadline = time.CreateTimer(_ => Expire(), null, limits.WallClock, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The tool's standard output (read it to the end, or the tool blocks).</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>The tool's standard input; only when started with <c>writesInput</c>.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>True when the run was killed for taking longer than its wall-clock limit.</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

    /// <summary>Starts <paramref name="tool"/> ("ffmpeg", "ffprobe") with <paramref name="arguments"/> under the limits.</summary>
    public static ToolProcess Start(string tool, IReadOnlyList<string> arguments, ToolLimits limits, bool writesInput = false, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(limits);
        var start = new ProcessStartInfo("prlimit")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--as={limits.AddressSpaceBytes}"));
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(tool);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        if (!writesInput)
        {
            process.StandardInput.Close();
        }

        return new ToolProcess(process, limits, time ?? TimeProvider.System);
    }

    /// <summary>Waits for the tool to exit; returns its exit code and its standard error (bounded).</summary>
    public (int ExitCode, string Errors) WaitForExit()
    {
        _process.WaitForExit();
        _deadline.Dispose();
        return (_process.ExitCode, _errors.GetAwaiter().GetResult());
    }

    /// <summary>Kills the tool and everything it started (a caller that gives up early).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose()
    {
        _deadline.Dispose();
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Expire()
    {
        Volatile.Write(ref _timedOut, 1);
        Kill();
    }

    /// <summary>Reads all of standard error (so the tool never blocks on it) but keeps only its first part.</summary>
    private static async Task<string> DrainBounded(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            int room = ErrorCharsKept - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToString();
    }
}
