using System.Diagnostics;

namespace MediaGate.Testing.Servers;

/// <summary>Runs a command to completion with a time limit, so a stuck server start or tool fails the tests instead of hanging them.</summary>
public static class ExternalProcess
{
    /// <summary>Standard output and standard error together; throws when the command fails or runs over.</summary>
    public static string Run(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var (output, error) = RunCore(file, arguments, limit);
        return output + error;
    }

    /// <summary>Standard output alone (ffprobe's JSON, say); throws with standard error when the command fails or runs over.</summary>
    public static string Output(string file, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return RunCore(file, arguments, TimeSpan.FromMinutes(2)).Output;
    }

    private static (string Output, string Error) RunCore(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {limit}");
        }

        var (text, errors) = (output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        return process.ExitCode == 0
            ? (text, errors)
            : throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {text}{errors}");
    }
}
