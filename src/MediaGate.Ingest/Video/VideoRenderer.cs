using System.Globalization;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Video;

/// <summary>
/// The service's second use of the video gate (issue 14, renditions per audience): re-renders a clip with a chosen set of
/// tracks masked, as <see cref="VideoAnonymiser"/> masks all of them, through the same bounds, masked encode and read-back.
/// With no track masked it makes the clean master (upright, at most <see cref="VideoOptions.MaxShortSide"/>, no tag); with
/// the stored tracks of the faces an audience may not see it makes that audience's rendition. <see cref="Frame"/> reads one
/// upright frame back (posters, the frame a track is named on).
/// </summary>
public sealed class VideoRenderer
{
    private readonly VideoOptions _options;
    private readonly VideoLimits _limits;
    private readonly MaskOptions _mask;

    public VideoRenderer(VideoOptions options, VideoLimits limits, MaskOptions? mask = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _mask = mask ?? new MaskOptions();
    }

    /// <summary>
    /// Writes <paramref name="input"/> to <paramref name="output"/> with <paramref name="masked"/> masked in every frame they are
    /// on (with the lead before and after), sound only when <paramref name="keepSound"/>, verified; on a failure the output is deleted.
    /// </summary>
    public VideoOutcome<VideoReport> Render(string input, string output, IReadOnlyList<FaceTrack> masked, bool keepSound, TrackGiveWay? giveWay = null)
    {
        ArgumentNullException.ThrowIfNull(masked);
        VideoOutcome<VideoReport> result = RenderSteps(input, output, masked, keepSound, giveWay);
        if (!result.IsSuccess)
        {
            File.Delete(output);
        }

        return result;
    }

    /// <summary>
    /// Copies a clip this gate made and verified (a master, or a rendition with sound) to <paramref name="output"/> without
    /// encoding it again, without its sound unless <paramref name="keepSound"/>, and verifies the copy as a render is verified;
    /// on a failure the output is deleted. The report lists no tracks: the copy masks exactly what <paramref name="made"/> masks.
    /// </summary>
    public VideoOutcome<VideoReport> Copy(string made, string output, bool keepSound)
    {
        VideoOutcome<VideoReport> result = CopySteps(made, output, keepSound);
        if (!result.IsSuccess)
        {
            File.Delete(output);
        }

        return result;
    }

    /// <summary>The upright frame at <paramref name="seconds"/> of a clip this gate wrote (<paramref name="width"/> x <paramref name="height"/>).</summary>
    public VideoOutcome<RgbImage> Frame(string video, int width, int height, double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        var image = new RgbImage(width, height);
        List<string> arguments =
        [
            "-nostdin", "-v", "error", "-protocol_whitelist", "file,pipe",
            "-ss", Math.Max(0, seconds).ToString("0.###", CultureInfo.InvariantCulture), "-f", "mp4", "-i", FfmpegArguments.FileUrl(video),
            "-map", "0:v:0", "-frames:v", "1", "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height},format=rgb24"),
            "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ];
        ToolRun run = ToolRun.Execute("ffmpeg", arguments, _options.Tools, image.Pixels.Length);
        if (!run.Succeeded || run.Output.Length != image.Pixels.Length)
        {
            return VideoOutcome<RgbImage>.Fail(run.TimedOut ? VideoFailureKind.Timeout : VideoFailureKind.DecodeFailed,
                $"no frame at {seconds:0.###} s: {run.Errors.Trim()}");
        }

        run.Output.CopyTo(image.Pixels, 0);
        return image;
    }

    private VideoOutcome<VideoReport> RenderSteps(string input, string output, IReadOnlyList<FaceTrack> masked, bool keepSound, TrackGiveWay? giveWay)
    {
        VideoOutcome<VideoFacts> probed = VideoProbe.Run(input, _limits, _options.Tools);
        if (!probed.IsSuccess)
        {
            return probed.Failure;
        }

        VideoFacts facts = probed.Value;
        var (width, height) = FfmpegArguments.OutputSize(facts, _options.MaxShortSide);
        int maxFrames = (int)Math.Ceiling((facts.DurationSeconds + 1) * facts.FrameRate);
        var options = new VideoOptions
        {
            MaxShortSide = _options.MaxShortSide,
            KeepSound = keepSound,
            SamplesPerSecond = _options.SamplesPerSecond,
            LeadSeconds = _options.LeadSeconds,
            Crf = _options.Crf,
            Preset = _options.Preset,
            Tools = _options.Tools,
        };
        bool sound = keepSound && facts.HasAudio;

        // Nothing to mask (the master, strip): one ffmpeg run decodes, scales and encodes; no frame passes through here.
        VideoOutcome<int> written = masked.Count == 0
            ? MaskedEncoder.WriteUnmasked(input, output, facts, width, height, maxFrames, options)
            : MaskedEncoder.Write(input, output, facts, width, height, maxFrames, options, frame => TrackMasks.Plan(masked, frame / facts.FrameRate, _options.LeadSeconds, _mask, giveWay));
        if (!written.IsSuccess)
        {
            return written.Failure;
        }

        VideoOutcome<double> verified = VideoVerifier.Check(output, width, height, sound, written.Value / facts.FrameRate, _limits, _options.Tools);
        if (!verified.IsSuccess)
        {
            return verified.Failure;
        }

        return new VideoReport(facts, width, height, written.Value, 0, masked, sound, verified.Value);
    }

    private VideoOutcome<VideoReport> CopySteps(string made, string output, bool keepSound)
    {
        VideoOutcome<VideoFacts> probed = VideoProbe.Run(made, _limits, _options.Tools);
        if (!probed.IsSuccess)
        {
            return probed.Failure;
        }

        VideoFacts facts = probed.Value;
        bool sound = keepSound && facts.HasAudio;
        VideoOutcome<bool> copied = MaskedEncoder.Copy(made, output, dropSound: !sound, _options.Tools);
        if (!copied.IsSuccess)
        {
            return copied.Failure;
        }

        VideoOutcome<double> verified = VideoVerifier.Check(output, facts.UprightWidth, facts.UprightHeight, sound, facts.DurationSeconds, _limits, _options.Tools);
        if (!verified.IsSuccess)
        {
            return verified.Failure;
        }

        int frames = (int)Math.Round(verified.Value * facts.FrameRate);
        return new VideoReport(facts, facts.UprightWidth, facts.UprightHeight, frames, 0, [], sound, verified.Value);
    }
}
