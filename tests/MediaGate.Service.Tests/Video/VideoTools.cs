using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MediaGate.Service.Tests.Video;

/// <summary>
/// Clips made by ffmpeg at test time (no video is committed; the picture is a labelled faces-dev photo read from
/// ../shared), and ffmpeg, ffprobe and exiftool to read what the service sends back (not the code under test).
/// </summary>
internal static class VideoTools
{
    /// <summary>What a phone writes: GPS (QuickTime ©xyz), creation time, make and model.</summary>
    private static readonly string[] DeviceTags =
    [
        "-metadata", "location=+51.5074-000.1278/", "-metadata", "creation_time=2026-01-01T10:00:00Z",
        "-metadata", "make=Apple", "-metadata", "model=iPad Pro",
    ];

    /// <summary>
    /// <paramref name="seconds"/> (3 by default) at 30 fps: a 960x720 window panning 10 px a second across the two-person
    /// photo and back every 6.4 s (its two faces stay whole on screen), with a tone as sound and the device tags, as
    /// H.264/AAC MP4.
    /// </summary>
    public static byte[] TwoPeoplePan(string folder, int seconds = 3)
    {
        string path = Path.Combine(folder, $"two-people-{seconds}.mp4");
        string length = seconds.ToString(CultureInfo.InvariantCulture);
        Run("ffmpeg",
        [
            "-nostdin", "-v", "error", "-y", "-loop", "1", "-framerate", "30", "-i", TestPhotos.GroupOfTwo,
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={length}", "-t", length,
            "-vf", "crop=960:720:x='64-abs(64-mod(10*t,128))':y=0", .. DeviceTags,
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path,
        ]);
        return File.ReadAllBytes(path);
    }

    /// <summary>The frame at <paramref name="seconds"/> of an MP4 as a high-quality JPEG (for <see cref="FacePixels"/>).</summary>
    public static byte[] FrameJpeg(string folder, byte[] mp4, double seconds)
    {
        string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(path, mp4);
        return Run("ffmpeg",
        [
            "-nostdin", "-v", "error", "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", path,
            "-frames:v", "1", "-q:v", "2", "-f", "image2pipe", "-vcodec", "mjpeg", "pipe:1",
        ]);
    }

    /// <summary>ffprobe's streams and format of an MP4.</summary>
    public static JsonElement Probe(string folder, byte[] mp4)
    {
        string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(path, mp4);
        var json = Run("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", path]);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary><c>exiftool -a -G1 -s</c> of an MP4, without the file system's own lines ([System]).</summary>
    public static string ExifTool(string folder, byte[] mp4)
    {
        string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(path, mp4);
        var text = System.Text.Encoding.UTF8.GetString(Run("exiftool", ["-a", "-G1", "-s", path]));
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("[System]", StringComparison.Ordinal)));
    }

    public static int AudioStreams(JsonElement probe) =>
        probe.GetProperty("streams").EnumerateArray().Count(s => s.GetProperty("codec_type").GetString() == "audio");

    private static byte[] Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool);
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, tool + " " + string.Join(' ', arguments) + ": " + errors.Result);
        return output.ToArray();
    }
}
