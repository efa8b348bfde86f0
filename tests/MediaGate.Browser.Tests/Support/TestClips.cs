using System.Diagnostics;
using System.Globalization;

namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Video clips made by ffmpeg at test time from the sample photos (samples/photos, public domain), never from the
/// labelled people of ../shared/eval, so that screenshots of the video pages may be committed: the astronaut portrait
/// moving across a grey stage, once or twice (two faces, a left one and a right one), with a tone as sound. H.264 in
/// MP4, as a tablet records.
/// </summary>
internal static class TestClips
{
    /// <summary>
    /// A clip of <paramref name="seconds"/> s at 640x360, 30 fps, with sound: <paramref name="faces"/> astronauts (1 or 2),
    /// each 260 px tall, drifting right by 60 px over the clip (the left one starts at x=20, the right one at x=340).
    /// Written to <paramref name="folder"/>; answers its path.
    /// </summary>
    public static async Task<string> AstronautsAsync(string folder, int faces = 2, int seconds = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(faces, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faces, 2);
        var path = Path.Combine(folder, $"astronauts-{faces}-{seconds}s.mp4");
        var drift = (60.0 / seconds).ToString("0.###", CultureInfo.InvariantCulture);
        var graph = faces == 1
            ? $"[1:v]scale=260:260[a];[0:v][a]overlay=x='20+{drift}*t':y=50:shortest=1,format=yuv420p[v]"
            : $"[1:v]scale=260:260,split[a][b];[0:v][a]overlay=x='20+{drift}*t':y=50:shortest=1[l];[l][b]overlay=x='340+{drift}*t':y=50:shortest=1,format=yuv420p[v]";
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"color=c=0x808890:s=640x360:r=30:d={seconds}",
            "-loop", "1", "-framerate", "30", "-t", seconds.ToString(CultureInfo.InvariantCulture), "-i", TestImages.Astronaut,
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-filter_complex", graph, "-map", "[v]", "-map", "2:a",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-g", "15", "-c:a", "aac", "-b:a", "64k",
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart", path,
        ];
        await RunAsync("ffmpeg", arguments);
        return path;
    }

    /// <summary>
    /// A file of <paramref name="bytes"/> bytes named .mp4, sparse on disk (nothing but its length is ever read by the
    /// page that refuses it).
    /// </summary>
    public static string Oversized(string folder, long bytes)
    {
        var path = Path.Combine(folder, "too-large.mp4");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(bytes);
        return path;
    }

    private static async Task RunAsync(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
