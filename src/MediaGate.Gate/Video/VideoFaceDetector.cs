using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Gate.Video;

/// <summary>
/// The detector the video lane follows faces with: the service's photo detector with the video passes
/// (<see cref="VideoDetector.ForVideo"/>), one pass at a 720p frame's own size and one at half of it, where the photo
/// passes search each sample at three scales up to 2x enlarged. The same models, thresholds and second opinion as photos;
/// the passes the CLI, <c>video-coverage</c> and <c>eng/video-bench.sh</c> measure.
/// </summary>
public sealed class VideoFaceDetector(IFaceDetector detector)
{
    public IFaceDetector Detector { get; } = detector ?? throw new ArgumentNullException(nameof(detector));
}
