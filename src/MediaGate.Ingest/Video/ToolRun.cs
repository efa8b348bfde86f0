namespace MediaGate.Ingest.Video;

/// <summary>The result of a tool run whose output was read whole: exit code, bounded output and errors.</summary>
/// <param name="ExitCode">The tool's exit code (non-zero when killed).</param>
/// <param name="Output">Standard output, at most the bound the caller gave.</param>
/// <param name="Errors">Standard error, bounded.</param>
/// <param name="TimedOut">True when it was killed for running over its wall-clock limit.</param>
/// <param name="OutputTruncated">True when standard output was longer than the bound (the rest was discarded).</param>
internal sealed record ToolRun(int ExitCode, byte[] Output, string Errors, bool TimedOut, bool OutputTruncated)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OutputTruncated;

    /// <summary>Runs a tool to completion, keeping at most <paramref name="maxOutputBytes"/> of its output.</summary>
    public static ToolRun Execute(string tool, IReadOnlyList<string> arguments, ToolLimits limits, int maxOutputBytes, TimeProvider? time = null)
    {
        using var process = ToolProcess.Start(tool, arguments, limits, writesInput: false, time);
        using var kept = new MemoryStream();
        var buffer = new byte[64 * 1024];
        bool truncated = false;
        int read;
        while ((read = process.Output.Read(buffer)) > 0)
        {
            int room = maxOutputBytes - (int)kept.Length;
            if (read > room)
            {
                truncated = true;
                kept.Write(buffer, 0, Math.Max(0, room));
                process.Kill();
                break;
            }

            kept.Write(buffer, 0, read);
        }

        var (exitCode, errors) = process.WaitForExit();
        return new ToolRun(exitCode, kept.ToArray(), errors, process.TimedOut, truncated);
    }
}
