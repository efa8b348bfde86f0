using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Video;

/// <summary>
/// The face detector for video: the photo detector (same model, thresholds, second look and verifier) with passes
/// sized for frames of at most 720p instead of 12 MP photos. The photo passes search a 1280x720 frame at three
/// scales up to 2x enlarged (about 0.29 s of CPU a frame); video needs the faces of 40 px and more at the output
/// size (issue 14), which one pass at the frame's own size finds, at about a fifth of the cost (eng/video-bench.sh).
/// </summary>
public static class VideoDetector
{
    /// <summary>YuNet: two passes over the whole frame, at its own size and at half of it (never enlarged, no tiles up to
    /// 1280 px; the finest level is the frame itself, capped by MaxScale), scores fused across the two as the photo detector fuses its levels (second look on candidates below 0.95).
    /// The half-size pass finds faces YuNet misses at 720p (swimmers in caps and goggles, hockey players' faces growing in a
    /// zoom): bench video-coverage went from 92.4% to 98.6% of labelled face-frames masked, and eng/video-bench.sh measured
    /// no more CPU a clip second (README "Issues 12 and 14 on 2026-12-07, fourth stop").</summary>
    public static MultiScaleSettings YuNetPasses { get; } = MultiScaleSettings.YuNet with
    {
        WholeImageLongSide = 640,
        MaxScale = 1.0,
        FinestLevelPixels = long.MaxValue,
        TileSide = 1280,
    };

    /// <summary>The passes for <paramref name="family"/>: <see cref="YuNetPasses"/> for YuNet, the photo passes for others.</summary>
    public static MultiScaleSettings? PassesFor(ModelFamily family) => family == ModelFamily.YuNet ? YuNetPasses : null;

    /// <summary>
    /// The video detector on an open photo detector's models: for YuNet, a detector with <see cref="YuNetPasses"/> on the
    /// same sessions, thresholds and verifier (nothing loaded twice; disposing it leaves the photo detector's sessions
    /// open); any other detector is returned as it is, with its own passes (BlazeFace has no video passes, and a detector
    /// this assembly did not make cannot be given other passes).
    /// </summary>
    public static IFaceDetector ForVideo(IFaceDetector photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return photo is YuNetDetector yunet ? yunet.WithPasses(YuNetPasses) : photo;
    }

    /// <summary>
    /// Opens the named detector (or the strongest available) from the installed models plus <paramref name="extraFolder"/>,
    /// with the video passes; <paramref name="options"/> give the rest (threads, arena, verifier).
    /// </summary>
    public static Outcome<IFaceDetector> Open(string? extraFolder, string? name, DetectorOptions? options = null)
    {
        Outcome<ModelRegistry> registry = ModelRegistry.Open(extraFolder);
        return registry.IsSuccess ? Create(registry.Value, name, options) : registry.Failure;
    }

    /// <summary>As <see cref="Open"/>, from an open registry.</summary>
    public static Outcome<IFaceDetector> Create(ModelRegistry registry, string? name, DetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Outcome<ResolvedModel> model = string.IsNullOrWhiteSpace(name) ? registry.ResolveDefault() : registry.Resolve(name);
        if (!model.IsSuccess)
        {
            return model.Failure;
        }

        options ??= new DetectorOptions();
        var video = new DetectorOptions
        {
            IntraOpThreads = options.IntraOpThreads,
            CpuArena = options.CpuArena,
            MultiScale = PassesFor(model.Value.Entry.Family) ?? options.MultiScale,
            UseVerifier = options.UseVerifier,
            Verifier = options.Verifier,
            Thresholds = options.Thresholds,
        };
        return FaceDetectorFactory.Create(registry, model.Value.Entry.Name, video);
    }
}
