using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;
using Microsoft.Win32.SafeHandles;

namespace MediaGate.Ingest.Video;

/// <summary>
/// Bounds before decoding (issue 14): sniffs the container, asks ffprobe (MOV demuxer forced, files only) for
/// its report, and checks it against <see cref="VideoLimits"/>. The report is untrusted input: its size and
/// depth are bounded, and a value that is missing, not a number or out of range is a refusal, never a default.
/// </summary>
public static class VideoProbe
{
    private const int MaxReportBytes = 1024 * 1024;

    // Tags that describe the container format itself, not the recording; everything else is listed as dropped.
    private static readonly HashSet<string> FormatTags = new(StringComparer.Ordinal) { "major_brand", "minor_version", "compatible_brands" };
    private static readonly HashSet<string> StreamTags = new(StringComparer.Ordinal) { "handler_name", "vendor_id", "language" };

    public static VideoOutcome<VideoFacts> Run(string path, VideoLimits limits, ToolLimits tools)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(tools);
        VideoFailure? file = CheckFile(path, limits);
        if (file is not null)
        {
            return file;
        }

        ToolRun probe = ToolRun.Execute(
            "ffprobe",
            ["-v", "error", "-protocol_whitelist", "file", "-f", "mov", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", "-i", FfmpegArguments.FileUrl(path)],
            tools,
            MaxReportBytes);
        if (probe.TimedOut)
        {
            return new VideoFailure(VideoFailureKind.Timeout, "ffprobe ran over its time limit");
        }

        if (!probe.Succeeded)
        {
            return new VideoFailure(VideoFailureKind.Unreadable, "the container cannot be read: " + FirstLine(probe.Errors));
        }

        try
        {
            using var report = JsonDocument.Parse(probe.Output, new JsonDocumentOptions { MaxDepth = 16 });
            return Check(report.RootElement, limits);
        }
        catch (JsonException e)
        {
            return new VideoFailure(VideoFailureKind.Unreadable, "ffprobe's report cannot be read: " + e.Message);
        }
    }

    /// <summary>Checks a parsed ffprobe report (format, streams, chapters) against the limits.</summary>
    internal static VideoOutcome<VideoFacts> Check(JsonElement report, VideoLimits limits)
    {
        if (report.ValueKind != JsonValueKind.Object
            || !report.TryGetProperty("streams", out JsonElement streams) || streams.ValueKind != JsonValueKind.Array
            || !report.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.Object)
        {
            return new VideoFailure(VideoFailureKind.Unreadable, "ffprobe reported no streams or no format");
        }

        var dropped = new List<string>();
        DroppedTags(format, FormatTags, "format", dropped);
        if (report.TryGetProperty("chapters", out JsonElement chapters) && chapters.ValueKind == JsonValueKind.Array && chapters.GetArrayLength() > 0)
        {
            dropped.Add("chapters");
        }

        JsonElement? video = null;
        int videos = 0, audios = 0;
        foreach (JsonElement stream in streams.EnumerateArray())
        {
            string type = Text(stream, "codec_type") ?? "unknown";
            int index = stream.TryGetProperty("index", out JsonElement i) && i.TryGetInt32(out int n) ? n : -1;
            switch (type)
            {
                case "video" when IsAttachedPicture(stream):
                    return new VideoFailure(VideoFailureKind.Streams, $"stream {index} is cover art; only one video and at most one audio stream are accepted");
                case "video":
                    videos++;
                    video = stream;
                    DroppedTags(stream, StreamTags, $"video", dropped);
                    break;
                case "audio":
                    audios++;
                    DroppedTags(stream, StreamTags, $"audio", dropped);
                    break;
                case "subtitle" or "data" when limits.DropSubtitleAndDataStreams:
                    dropped.Add($"stream {index} ({type})");
                    break;
                default:
                    return new VideoFailure(VideoFailureKind.Streams, $"stream {index} is a {type} stream; only one video and at most one audio stream are accepted");
            }
        }

        if (videos != 1 || video is not { } v)
        {
            return new VideoFailure(VideoFailureKind.Streams, $"the clip has {videos} video streams; exactly one is accepted");
        }

        if (audios > 1)
        {
            return new VideoFailure(VideoFailureKind.Streams, $"the clip has {audios} audio streams; at most one is accepted");
        }

        return CheckVideo(v, format, limits, audios == 1, dropped);
    }

    private static VideoOutcome<VideoFacts> CheckVideo(JsonElement video, JsonElement format, VideoLimits limits, bool hasAudio, List<string> dropped)
    {
        string codec = Text(video, "codec_name") ?? "unknown";
        if (!limits.VideoCodecs.Contains(codec, StringComparer.Ordinal))
        {
            return new VideoFailure(VideoFailureKind.Codec, $"the video codec is {codec}; only {string.Join(" or ", limits.VideoCodecs)} is accepted");
        }

        int width = Int(video, "width");
        int height = Int(video, "height");
        if (width <= 0 || height <= 0)
        {
            return new VideoFailure(VideoFailureKind.Unreadable, "the video stream has no picture size");
        }

        if (Math.Max(width, height) > limits.MaxSide || (long)width * height > limits.MaxPixels)
        {
            return new VideoFailure(VideoFailureKind.Resolution, $"the picture is {width}x{height}; the limit is {limits.MaxSide} pixels a side and {limits.MaxPixels} pixels");
        }

        if (!FrameRate(video, "avg_frame_rate", out int num, out int den) && !FrameRate(video, "r_frame_rate", out num, out den))
        {
            return new VideoFailure(VideoFailureKind.FrameRate, "the frame rate is unknown");
        }

        if (num / (double)den > limits.MaxFrameRate)
        {
            return new VideoFailure(VideoFailureKind.FrameRate, string.Create(CultureInfo.InvariantCulture, $"the frame rate is {num / (double)den:0.##} fps; the limit is {limits.MaxFrameRate}"));
        }

        double duration = Seconds(format, "duration");
        double streamDuration = video.TryGetProperty("duration", out _) ? Seconds(video, "duration") : duration;
        if (!(duration > 0) || !(streamDuration > 0))
        {
            return new VideoFailure(VideoFailureKind.Duration, "the duration is unknown");
        }

        double longest = Math.Max(duration, streamDuration);
        if (longest > limits.MaxDurationSeconds)
        {
            return new VideoFailure(VideoFailureKind.Duration, string.Create(CultureInfo.InvariantCulture, $"the clip is {longest:0.#} s long; the limit is {limits.MaxDurationSeconds} s"));
        }

        int? rotation = Rotation(video);
        if (rotation is null)
        {
            return new VideoFailure(VideoFailureKind.Unreadable, "the rotation is not a multiple of 90 degrees");
        }

        return new VideoFacts(codec, width, height, rotation.Value, num, den, duration, hasAudio, dropped);
    }

    /// <summary>
    /// Only a regular file reaches ffprobe: the path is opened without blocking (a FIFO would wait forever),
    /// the opened handle must be a regular file within the byte limit, and its first bytes an MP4/MOV container.
    /// </summary>
    private static VideoFailure? CheckFile(string path, VideoLimits limits)
    {
        int fd = LibC.Open(path, LibC.OpenReadOnly | LibC.OpenNonBlocking | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            return new VideoFailure(VideoFailureKind.Io, "cannot open the file: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (FileIdentity.Of(fd) is not { IsRegularFile: true } identity)
        {
            return new VideoFailure(VideoFailureKind.Io, "not a regular file; only regular files are read");
        }

        if (identity.Size == 0)
        {
            return new VideoFailure(VideoFailureKind.Io, "the file is empty");
        }

        if (identity.Size > limits.MaxBytes)
        {
            return new VideoFailure(VideoFailureKind.TooManyBytes, $"the file is {identity.Size} bytes; the limit is {limits.MaxBytes}");
        }

        Span<byte> head = stackalloc byte[16];
        try
        {
            int read = RandomAccess.Read(handle, head, 0);
            return ContainerSniffer.Check(head[..read]);
        }
        catch (IOException e)
        {
            return new VideoFailure(VideoFailureKind.Io, "reading the file failed: " + e.Message);
        }
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out JsonElement d) && d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("attached_pic", out JsonElement a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() != 0;

    private static void DroppedTags(JsonElement owner, HashSet<string> kept, string where, List<string> dropped)
    {
        if (owner.TryGetProperty("tags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Object)
        {
            dropped.AddRange(tags.EnumerateObject().Where(t => !kept.Contains(t.Name)).Select(t => $"{where}:{t.Name}"));
        }
    }

    /// <summary>The display rotation, normalised to 0/90/180/270; null when it is not a quarter turn.</summary>
    private static int? Rotation(JsonElement video)
    {
        double degrees = 0;
        if (video.TryGetProperty("side_data_list", out JsonElement sides) && sides.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement side in sides.EnumerateArray())
            {
                if (side.ValueKind == JsonValueKind.Object && side.TryGetProperty("rotation", out JsonElement r) && r.TryGetDouble(out double value))
                {
                    degrees = value;
                }
            }
        }
        else if (video.TryGetProperty("tags", out JsonElement tags) && tags.ValueKind == JsonValueKind.Object && Text(tags, "rotate") is { } rotate
            && !double.TryParse(rotate, NumberStyles.Float, CultureInfo.InvariantCulture, out degrees))
        {
            return null;
        }

        if (!double.IsFinite(degrees) || Math.Abs(degrees) > 3600 || degrees % 90 != 0)
        {
            return null;
        }

        return (((int)degrees % 360) + 360) % 360;
    }

    private static bool FrameRate(JsonElement stream, string name, out int numerator, out int denominator)
    {
        numerator = 0;
        denominator = 0;
        string[] parts = (Text(stream, name) ?? string.Empty).Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out denominator)
            && numerator > 0 && denominator > 0;
    }

    private static double Seconds(JsonElement owner, string name) =>
        double.TryParse(Text(owner, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : double.NaN;

    private static int Int(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstLine(string errors)
    {
        string line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no detail";
        return line.Length > 200 ? line[..200] : line;
    }
}
