using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Video;

/// <summary>What a clip may be before anything is decoded (issue 14, Bounds before decoding). Checked against
/// ffprobe's report, which is treated as untrusted: a value that is missing or makes no sense is a refusal.</summary>
public sealed class VideoLimits
{
    /// <summary>Largest file, in bytes. Default 500 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>Longest clip, in seconds. Default 180 (3 minutes).</summary>
    [Range(0.1, 24 * 3600)]
    public double MaxDurationSeconds { get; set; } = 180;

    /// <summary>Longest side of the coded picture, in pixels. Default 4096 (4K).</summary>
    [Range(16, 16384)]
    public int MaxSide { get; set; } = 4096;

    /// <summary>Most pixels per frame. Default 4096 x 2160 (DCI 4K).</summary>
    [Range(256, 16384L * 16384)]
    public long MaxPixels { get; set; } = 4096L * 2160;

    /// <summary>Highest frame rate. Default 60.</summary>
    [Range(1, 240)]
    public double MaxFrameRate { get; set; } = 60;

    /// <summary>Video codecs accepted, by ffprobe's codec_name. Default H.264 and HEVC (what tablets record).</summary>
    public IReadOnlyList<string> VideoCodecs { get; set; } = ["h264", "hevc"];

    /// <summary>
    /// When true, subtitle and data streams (timecode, phone metadata tracks) are dropped instead of refused.
    /// Default false: the brief allows exactly one video and at most one audio stream.
    /// </summary>
    public bool DropSubtitleAndDataStreams { get; set; }
}
