using System.Diagnostics;

namespace MediaGate.Cli.Tests;

/// <summary>Runs the real `mediagate` executable (built beside the tests) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string[] StdoutLines, string Stderr)
    {
        /// <summary>The child's peak resident memory in KB (VmHWM), when it was measured; otherwise 0.</summary>
        public long PeakKilobytes { get; init; }
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(workingDirectory, environment, measurePeak: false, args);

    /// <summary>
    /// Runs the CLI and reads its peak resident memory: the kernel's high-water mark (VmHWM in /proc/PID/status)
    /// only ever grows, so the last value read before the process exits is its peak up to that moment.
    /// </summary>
    public static Result RunMeasuringPeak(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), measurePeak: true, args);

    private static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, bool measurePeak, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mediagate.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("MEDIAGATE_MODELS_DIR");
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(measurePeak ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromMinutes(3)))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("mediagate did not finish: " + string.Join(' ', args));
            }

            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        string[] lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Result(process.ExitCode, lines, stderr.Result) { PeakKilobytes = peak };
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // The process ended between the wait and the read.
        }
    }
}
