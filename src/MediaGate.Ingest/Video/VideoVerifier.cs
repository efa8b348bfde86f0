using System.Globalization;
using System.Text.Json;

namespace MediaGate.Ingest.Video;

/// <summary>
/// Reads an output back as photos are verified (issue 14, Nothing but picture and sound comes out): ffprobe must
/// show one H.264 stream of the expected size with no rotation, an AAC stream exactly when sound is kept, no
/// chapters, and no tag but the few the MP4 muxer always writes (listed here with their only allowed values);
/// the whole file must decode without an error; its duration must be the input's and its size within bounds.
/// A file that fails any check is not released.
/// </summary>
internal static class VideoVerifier
{
    // What ffprobe reports for an MP4 written with -map_metadata -1 and bitexact: the ftyp box and the handler
    // and language of each track. Anything else (creation_time, location, encoder, make, ...) fails.
    private static readonly Dictionary<string, string[]> AllowedFormatTags = new(StringComparer.Ordinal)
    {
        ["major_brand"] = ["isom"],
        ["minor_version"] = ["512"],
        ["compatible_brands"] = ["isomiso2avc1mp41"],
    };

    private static readonly Dictionary<string, string[]> AllowedStreamTags = new(StringComparer.Ordinal)
    {
        ["handler_name"] = ["VideoHandler", "SoundHandler"],
        ["vendor_id"] = ["[0][0][0][0]"],
        ["language"] = ["und"],
    };

    public static VideoOutcome<double> Check(string output, int width, int height, bool sound, double expectedSeconds, VideoLimits limits, ToolLimits tools)
    {
        long size = new FileInfo(output).Length;
        if (size == 0 || size > limits.MaxBytes)
        {
            return Fail($"the output is {size} bytes (limit {limits.MaxBytes})");
        }

        ToolRun probe = ToolRun.Execute(
            "ffprobe",
            ["-v", "error", "-protocol_whitelist", "file", "-f", "mp4", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", "-i", FfmpegArguments.FileUrl(output)],
            tools,
            1024 * 1024);
        if (!probe.Succeeded)
        {
            return Fail("ffprobe cannot read the output: " + probe.Errors.Trim());
        }

        double seconds;
        using (var report = JsonDocument.Parse(probe.Output, new JsonDocumentOptions { MaxDepth = 16 }))
        {
            VideoOutcome<double> checkedReport = CheckReport(report.RootElement, width, height, sound);
            if (!checkedReport.IsSuccess)
            {
                return checkedReport;
            }

            seconds = checkedReport.Value;
        }

        // A frame or two either way comes from the frame-rate conversion; anything more is a lost or added part.
        double tolerance = Math.Max(0.25, expectedSeconds * 0.02);
        if (Math.Abs(seconds - expectedSeconds) > tolerance)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"the output is {seconds:0.###} s long, the input {expectedSeconds:0.###} s"));
        }

        if (EncoderTrace(output) is { } trace)
        {
            return Fail($"the output carries the encoder's signature '{trace}'");
        }

        ToolRun decode = ToolRun.Execute("ffmpeg", FfmpegArguments.DecodeAll(output), tools, 64 * 1024);
        if (!decode.Succeeded || decode.Errors.Trim().Length > 0)
        {
            return Fail("the output does not decode whole: " + decode.Errors.Trim());
        }

        return seconds;
    }

    /// <summary>
    /// The first encoder signature found in the file's bytes (x264's settings SEI, libavcodec's or libavformat's
    /// name), independent of what ffprobe chooses to report; null when there is none.
    /// </summary>
    internal static string? EncoderTrace(string path)
    {
        string[] signatures = ["x264 - core", "Lavc", "Lavf"];
        byte[][] needles = signatures.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
        int overlap = needles.Max(n => n.Length) - 1;
        var buffer = new byte[(1 << 20) + overlap];
        using var stream = File.OpenRead(path);
        int kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var window = buffer.AsSpan(0, kept + read);
            for (int i = 0; i < needles.Length; i++)
            {
                if (window.IndexOf(needles[i]) >= 0)
                {
                    return signatures[i];
                }
            }

            kept = Math.Min(overlap, window.Length);
            window[^kept..].CopyTo(buffer);
        }

        return null;
    }

    /// <summary>Checks ffprobe's report of an output; returns its duration.</summary>
    internal static VideoOutcome<double> CheckReport(JsonElement report, int width, int height, bool sound)
    {
        if (report.TryGetProperty("chapters", out JsonElement chapters) && chapters.GetArrayLength() > 0)
        {
            return Fail("the output has chapters");
        }

        JsonElement format = report.GetProperty("format");
        if (BadTag(format, AllowedFormatTags) is { } formatTag)
        {
            return Fail("the output's container carries the tag " + formatTag);
        }

        var streams = report.GetProperty("streams").EnumerateArray().ToList();
        int expected = sound ? 2 : 1;
        if (streams.Count != expected)
        {
            return Fail($"the output has {streams.Count} streams, not {expected}");
        }

        JsonElement video = streams[0];
        if (Text(video, "codec_type") != "video" || Text(video, "codec_name") != "h264"
            || video.GetProperty("width").GetInt32() != width || video.GetProperty("height").GetInt32() != height)
        {
            return Fail("the output's first stream is not H.264 video of the expected size");
        }

        if (video.TryGetProperty("side_data_list", out _))
        {
            return Fail("the output's video carries side data (a rotation)");
        }

        if (sound && (Text(streams[1], "codec_type") != "audio" || Text(streams[1], "codec_name") != "aac"))
        {
            return Fail("the output's second stream is not AAC sound");
        }

        foreach (JsonElement stream in streams)
        {
            if (BadTag(stream, AllowedStreamTags) is { } streamTag)
            {
                return Fail("an output stream carries the tag " + streamTag);
            }
        }

        return double.TryParse(Text(format, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds)
            ? seconds
            : Fail("the output has no duration");
    }

    private static string? BadTag(JsonElement owner, Dictionary<string, string[]> allowed)
    {
        if (!owner.TryGetProperty("tags", out JsonElement tags))
        {
            return null;
        }

        foreach (JsonProperty tag in tags.EnumerateObject())
        {
            if (!allowed.TryGetValue(tag.Name, out string[]? values) || !values.Contains(tag.Value.GetString(), StringComparer.Ordinal))
            {
                return $"{tag.Name}={tag.Value}";
            }
        }

        return null;
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static VideoFailure Fail(string message) => new(VideoFailureKind.VerificationFailed, message);
}
