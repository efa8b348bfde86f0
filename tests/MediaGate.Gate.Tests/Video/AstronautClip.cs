using System.Diagnostics;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// A clip made by ffmpeg at test time from the public-domain astronaut portrait (samples/photos): two copies, 260 px tall,
/// drifting right across a grey 640x360 stage for 3 s at 30 fps, H.264 in MP4 as a tablet records. Two certain face tracks,
/// the left one and the right one.
/// </summary>
internal static class AstronautClip
{
    public static async Task<byte[]> TwoFacesAsync(string folder)
    {
        var path = Path.Combine(folder, "two-astronauts.mp4");
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=0x808890:s=640x360:r=30:d=3",
            "-loop", "1", "-framerate", "30", "-t", "3", "-i", Photos.Astronaut,
            "-filter_complex", "[1:v]scale=260:260,split[a][b];[0:v][a]overlay=x='20+20*t':y=50:shortest=1[l];[l][b]overlay=x='340+20*t':y=50:shortest=1,format=yuv420p[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-g", "15", "-t", "3", "-movflags", "+faststart", path,
        ];
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        Assert.AreEqual(0, process.ExitCode, "ffmpeg: " + await error);
        return await File.ReadAllBytesAsync(path);
    }
}
