using System.Diagnostics;
using System.Globalization;

namespace MediaGate.Ingest.Tests.Video;

/// <summary>Makes test clips with ffmpeg at test time (no video is committed) and reads frames back.</summary>
internal static class VideoClips
{
    /// <summary>Tags a phone writes: GPS (QuickTime ©xyz), creation time, make and model.</summary>
    public static readonly string[] DeviceTags =
    [
        "-metadata", "location=+51.5074-000.1278/", "-metadata", "creation_time=2026-01-01T10:00:00Z",
        "-metadata", "make=Apple", "-metadata", "model=iPad Pro",
    ];

    /// <summary>Runs ffmpeg (test set-up) and fails the test with its errors when it fails.</summary>
    public static void Ffmpeg(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-y" }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        Assert.AreEqual(0, process.ExitCode, "ffmpeg " + string.Join(' ', arguments) + ": " + errors);
    }

    /// <summary>Runs a tool and returns its standard output.</summary>
    public static string Tool(string tool, params string[] arguments) =>
        MediaGate.Testing.Servers.ExternalProcess.Output(tool, arguments);

    /// <summary>A small H.264 clip of moving test pattern, with sound.</summary>
    public static string Pattern(string folder, string name, double seconds = 1, params string[] extra)
    {
        string path = Path.Combine(folder, name);
        Ffmpeg(
        [
            "-f", "lavfi", "-i", Invariant($"testsrc=s=320x240:r=30:d={seconds}"), "-f", "lavfi", "-i", Invariant($"sine=d={seconds}"),
            .. extra, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", path,
        ]);
        return path;
    }

    /// <summary>
    /// The astronaut (samples/photos) on a grey 640x480 background from frame <paramref name="firstFrame"/> on, at 30
    /// fps, with the device tags. Her face is then at <see cref="AstronautFaceInClip"/>.
    /// </summary>
    public static string AstronautAppears(string folder, string name, int firstFrame, double seconds = 2)
    {
        string path = Path.Combine(folder, name);
        Ffmpeg(
        [
            "-f", "lavfi", "-i", Invariant($"color=c=gray:s=640x480:r=30:d={seconds}"),
            "-loop", "1", "-framerate", "30", "-i", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"),
            "-filter_complex", Invariant($"[0][1]overlay=64:0:shortest=1:enable='gte(t,{(firstFrame - 0.5) / 30:0.####})'"),
            "-t", Invariant($"{seconds}"), .. DeviceTags, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path,
        ]);
        return path;
    }

    /// <summary>The astronaut's face (DetectTestData.AstronautFace shifted by the overlay's 64 px).</summary>
    public static readonly (int X, int Y, int Width, int Height) AstronautFaceInClip = (175 + 64, 75, 70, 95);

    /// <summary>Every frame of a clip as RGB at its stored size (rotation applied, as players show it).</summary>
    public static List<RgbImage> Frames(string path, int width, int height)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        var frames = new List<RgbImage>();
        while (true)
        {
            var frame = new RgbImage(width, height);
            int read = process.StandardOutput.BaseStream.ReadAtLeast(frame.Pixels, frame.Pixels.Length, throwOnEndOfStream: false);
            if (read < frame.Pixels.Length)
            {
                break;
            }

            frames.Add(frame);
        }

        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, errors.Result);
        return frames;
    }

    /// <summary>Mean absolute difference of two frames over a box (all three channels).</summary>
    public static double MeanDifference(RgbImage a, RgbImage b, (int X, int Y, int Width, int Height) box)
    {
        long sum = 0;
        for (int y = box.Y; y < box.Y + box.Height; y++)
        {
            for (int x = box.X * 3; x < (box.X + box.Width) * 3; x++)
            {
                sum += Math.Abs(a.Row(y)[x] - b.Row(y)[x]);
            }
        }

        return sum / (double)(box.Width * box.Height * 3);
    }

    /// <summary>A 320x240 MOV, red on the left and blue on the right, with sound and device tags, rotated 90 degrees by its display matrix.</summary>
    public static string RotatedSplitClip(string folder, string name)
    {
        string flat = Path.Combine(folder, "flat-" + name);
        Ffmpeg(
        [
            "-f", "lavfi", "-i", "color=c=red:s=160x240:r=30:d=1", "-f", "lavfi", "-i", "color=c=blue:s=160x240:r=30:d=1", "-f", "lavfi", "-i", "sine=d=1",
            "-filter_complex", "[0][1]hstack[v]", "-map", "[v]", "-map", "2", .. DeviceTags,
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", flat,
        ]);
        string rotated = Path.Combine(folder, name);
        Ffmpeg("-i", flat, "-c", "copy", "-map_metadata", "0", "-metadata:s:v:0", "rotate=90", rotated);
        return rotated;
    }

    /// <summary>The red value of one pixel.</summary>
    public static int Red(RgbImage frame, int x, int y) => frame.Row(y)[x * 3];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
