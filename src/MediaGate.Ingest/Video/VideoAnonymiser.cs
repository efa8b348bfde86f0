using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Video;

/// <summary>
/// The video pipeline (issue 14), in order; each step may refuse the clip, and nothing is released on a refusal:
/// <list type="number">
/// <item>Probe: sniff the container, ffprobe, check the bounds (<see cref="VideoProbe"/>).</item>
/// <item>Detect: decode only the sampled frames, upright RGB at the detection size (at most the output size), and run the
/// photo detector with video passes (<see cref="VideoDetector"/>) on them; boxes are scaled back to the output size.</item>
/// <item>Track: link the detections into tracks (<see cref="FaceTracker"/>).</item>
/// <item>Mask and encode: decode again, mask every frame where a track is (interpolated, with a lead before and
/// after) with the photos' irreversible fill, and pipe the frames into a clean H.264 encode.</item>
/// <item>Verify: read the output back (<see cref="VideoVerifier"/>).</item>
/// </list>
/// Decoding twice costs less than holding frames until a track's future detections are known, and keeps memory
/// at two frames whatever the clip's length. <see cref="Follow"/> runs the first three steps only.
/// </summary>
public sealed class VideoAnonymiser
{
    private readonly IFaceDetector _detector;
    private readonly VideoOptions _options;
    private readonly VideoLimits _limits;
    private readonly MaskOptions _mask;

    public VideoAnonymiser(IFaceDetector detector, VideoOptions options, VideoLimits limits, MaskOptions? mask = null)
    {
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _mask = mask ?? new MaskOptions();
    }

    /// <summary>Writes the masked, clean MP4 of <paramref name="input"/> to <paramref name="output"/>; on a failure the output is deleted.</summary>
    public VideoOutcome<VideoReport> Run(string input, string output)
    {
        VideoOutcome<VideoReport> result = RunSteps(input, output);
        if (!result.IsSuccess)
        {
            File.Delete(output);
        }

        return result;
    }

    /// <summary>
    /// Follows the faces of <paramref name="input"/> without writing any video (the service's processing: its master is
    /// already clean and verified, and each audience's copy is rendered from it): probe, sampled decode, detect, track.
    /// </summary>
    public VideoOutcome<FollowedFaces> Follow(string input)
    {
        VideoOutcome<VideoFacts> probed = VideoProbe.Run(input, _limits, _options.Tools);
        if (!probed.IsSuccess)
        {
            return probed.Failure;
        }

        VideoFacts facts = probed.Value;
        var (width, height) = FfmpegArguments.OutputSize(facts, _options.MaxShortSide);
        var followed = Track(input, facts, width, height);
        return followed.IsSuccess ? new FollowedFaces(facts, width, height, followed.Value.Sampled, followed.Value.Tracks) : followed.Failure;
    }

    private VideoOutcome<VideoReport> RunSteps(string input, string output)
    {
        VideoOutcome<FollowedFaces> followed = Follow(input);
        if (!followed.IsSuccess)
        {
            return followed.Failure;
        }

        var (facts, width, height, sampled, tracks) = followed.Value;
        int stride = Stride(facts);
        int maxFrames = MaxFrames(facts);
        bool sound = _options.KeepSound && facts.HasAudio;
        VideoOutcome<int> written = MaskedEncoder.Write(input, output, facts, width, height, maxFrames, _options, frame => TrackMasks.Plan(tracks, frame / facts.FrameRate, _options.LeadSeconds, _mask));
        if (!written.IsSuccess)
        {
            return written.Failure;
        }

        // Both decodes must agree: the samples are frames 0, stride, 2 x stride... of the frames written.
        if ((written.Value + stride - 1) / stride != sampled)
        {
            return new VideoFailure(VideoFailureKind.DecodeFailed, $"the second decode gave {written.Value} frames, the first {sampled} samples of every {stride}");
        }

        VideoOutcome<double> verified = VideoVerifier.Check(output, width, height, sound, written.Value / facts.FrameRate, _limits, _options.Tools);
        if (!verified.IsSuccess)
        {
            return verified.Failure;
        }

        return new VideoReport(facts, width, height, written.Value, sampled, tracks, sound, verified.Value);
    }

    private int Stride(VideoFacts facts) => Math.Max(1, (int)Math.Round(facts.FrameRate / _options.SamplesPerSecond));

    // A stream that runs past its declared duration is cut off (plus a second of slack), not trusted.
    private static int MaxFrames(VideoFacts facts) => (int)Math.Ceiling((facts.DurationSeconds + 1) * facts.FrameRate);

    /// <summary>Detect and track: the first decode hands out only the sampled frames (the others are decoded, never converted).</summary>
    private VideoOutcome<(int Sampled, IReadOnlyList<FaceTrack> Tracks)> Track(string input, VideoFacts facts, int width, int height)
    {
        int stride = Stride(facts);
        double shrink = Math.Min(1.0, _options.DetectionShortSide / (double)Math.Min(width, height));
        var (detectWidth, detectHeight) = shrink < 1.0 ? (Even(width * shrink), Even(height * shrink)) : (width, height);
        float backX = width / (float)detectWidth, backY = height / (float)detectHeight;
        var tracker = new FaceTracker();
        VideoFailure? detectFailure = null;
        VideoOutcome<int> first = FrameReader.Read(input, facts, detectWidth, detectHeight, MaxFrames(facts), _options.Tools, (index, frame) =>
        {
            Outcome<IReadOnlyList<DetectedFace>> found = _detector.Detect(frame);
            if (!found.IsSuccess)
            {
                detectFailure = new VideoFailure(VideoFailureKind.DetectionFailed, $"frame {index}: {found.Failure.Message}");
                return false;
            }

            tracker.Add(index, index / facts.FrameRate, backX == 1f && backY == 1f ? found.Value : found.Value.Select(f => Scaled(f, backX, backY)).ToList());
            return true;
        }, stride);
        if (detectFailure is not null)
        {
            return detectFailure;
        }

        if (!first.IsSuccess)
        {
            return first.Failure;
        }

        return (first.Value, tracker.Tracks());
    }

    private static DetectedFace Scaled(DetectedFace face, float x, float y) =>
        face with { X = face.X * x, Y = face.Y * y, Width = face.Width * x, Height = face.Height * y };

    private static int Even(double side) => Math.Max(2, (int)Math.Round(side / 2.0) * 2);

}
