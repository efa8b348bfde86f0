using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

/// <summary>
/// The give-way rule of a rendition (<see cref="TrackGiveWay"/>): a faint, unnamed track that the audience may not see is not
/// masked in the frames where it lies over a track the rendition shows (it is that shown face found faintly again), and is
/// masked everywhere else; a track outside the yielding set is masked even over a shown face.
/// </summary>
[TestClass]
public sealed class VideoRendererTests
{
    // As VideoAnonymiserTests: a masked area differs from the original by at least this much on average, a shown one by at
    // most the codec's noise.
    private const double MaskedAtLeast = 20.0;
    private const double ShownAtMost = 6.0;

    /// <summary>The shown face: still, at the same place for the whole clip.</summary>
    private static readonly (int X, int Y, int Width, int Height) ShownBox = (100, 60, 80, 80);

    /// <summary>Where the faint track goes after 1.1 s: away from the shown face.</summary>
    private static readonly (int X, int Y, int Width, int Height) AwayBox = (220, 150, 80, 80);

    private static readonly TempFolder Folder = new();

    [ClassCleanup]
    public static void Cleanup() => Folder.Dispose();

    [TestMethod]
    public void Render_FaintUnnamedTrackOverAShownTrack_GivesWayThereAndIsMaskedAway()
    {
        var (before, after) = RenderFaintTrack("gives-way", yields: true);

        // 0.5 s: the faint track lies exactly over the shown face, so the shown face stays as it was.
        double over = VideoClips.MeanDifference(before[15], after[15], Core(ShownBox));
        Assert.IsLessThanOrEqualTo(ShownAtMost, over, $"the shown face is masked by a faint track over it (difference {over:0.0})");

        // 1.5 s: the faint track has moved away and is masked as usual.
        double away = VideoClips.MeanDifference(before[45], after[45], Core(AwayBox));
        Assert.IsGreaterThanOrEqualTo(MaskedAtLeast, away, $"the faint track away from the shown face is not masked (difference {away:0.0})");
    }

    [TestMethod]
    public void Render_TrackNotAllowedToGiveWay_IsMaskedEvenOverAShownTrack()
    {
        var (before, after) = RenderFaintTrack("no-give-way", yields: false);

        double over = VideoClips.MeanDifference(before[15], after[15], Core(ShownBox));
        Assert.IsGreaterThanOrEqualTo(MaskedAtLeast, over, $"a track outside the yielding set gave way (difference {over:0.0})");
    }

    [TestMethod]
    public void Render_NothingMaskedFromARotatedMovWithTags_UprightCleanWithSound()
    {
        string input = VideoClips.RotatedSplitClip(Folder.Path, "clean.mov");
        string output = Path.Combine(Folder.Path, "clean-out.mp4");

        VideoOutcome<VideoReport> report = new VideoRenderer(new VideoOptions(), new VideoLimits()).Render(input, output, [], keepSound: true);

        Assert.IsTrue(report.IsSuccess, report.Failure?.ToString());
        Assert.AreEqual((240, 320, 30, true), (report.Value.Width, report.Value.Height, report.Value.Frames, report.Value.Sound));
        RgbImage frame = VideoClips.Frames(output, 240, 320)[10];
        Assert.IsGreaterThan(150, Math.Abs(VideoClips.Red(frame, 120, 40) - VideoClips.Red(frame, 120, 280)), "upright: the recording's left and right halves are now above and below");
        string streams = VideoClips.Tool("ffprobe", "-v", "error", "-show_entries", "stream=codec_name:stream_tags:format_tags", "-of", "csv=p=0", output);
        Assert.AreEqual("h264,und,VideoHandler,[0][0][0][0]\naac,und,SoundHandler,[0][0][0][0]\nisom,512,isomiso2avc1mp41\n", streams);
    }

    [TestMethod]
    public void Copy_WithoutSound_ThePictureAsMadeWithoutTheSoundVerified()
    {
        string input = VideoClips.Pattern(Folder.Path, "copied.mp4");
        string made = Path.Combine(Folder.Path, "copied-made.mp4");
        string silent = Path.Combine(Folder.Path, "copied-silent.mp4");
        var renderer = new VideoRenderer(new VideoOptions(), new VideoLimits());
        Assert.IsTrue(renderer.Render(input, made, [], keepSound: true).Value.Sound);

        VideoOutcome<VideoReport> copy = renderer.Copy(made, silent, keepSound: false);

        Assert.IsTrue(copy.IsSuccess, copy.Failure?.ToString());
        Assert.AreEqual((320, 240, 30, false), (copy.Value.Width, copy.Value.Height, copy.Value.Frames, copy.Value.Sound));
        Assert.AreEqual("h264,und,VideoHandler,[0][0][0][0]\n", VideoClips.Tool("ffprobe", "-v", "error", "-show_entries", "stream=codec_name:stream_tags", "-of", "csv=p=0", silent));
        var (before, after) = (VideoClips.Frames(made, 320, 240), VideoClips.Frames(silent, 320, 240));
        Assert.HasCount(before.Count, after);
        Assert.AreEqual(0.0, VideoClips.MeanDifference(before[^1], after[^1], (0, 0, 320, 240)), "a stream copy: the same pictures");
    }

    /// <summary>
    /// Renders a 2 s, 320x240, 30 fps test pattern with a faint track masked: on the shown track's box until 0.9 s, on
    /// <see cref="AwayBox"/> from 1.1 s. Answers the frames before and after.
    /// </summary>
    private static (List<RgbImage> Before, List<RgbImage> After) RenderFaintTrack(string name, bool yields)
    {
        string input = VideoClips.Pattern(Folder.Path, name + ".mp4", seconds: 2);
        string output = Path.Combine(Folder.Path, name + "-out.mp4");
        var shown = new FaceTrack(1, [Point(0, 0, ShownBox, faint: false), Point(59, 59 / 30.0, ShownBox, faint: false)]);
        var faint = new FaceTrack(2,
        [
            Point(0, 0, ShownBox, faint: true), Point(27, 0.9, ShownBox, faint: true),
            Point(33, 1.1, AwayBox, faint: true), Point(59, 59 / 30.0, AwayBox, faint: true),
        ]);
        var giveWay = new TrackGiveWay(yields ? new HashSet<int> { faint.Id } : new HashSet<int>(), [shown], SameFaceOverlap: 0.5f);

        VideoOutcome<VideoReport> rendered = new VideoRenderer(new VideoOptions(), new VideoLimits()).Render(input, output, [faint], keepSound: false, giveWay);

        Assert.IsTrue(rendered.IsSuccess, rendered.Failure?.ToString());
        List<RgbImage> before = VideoClips.Frames(input, 320, 240);
        List<RgbImage> after = VideoClips.Frames(output, 320, 240);
        Assert.HasCount(before.Count, after);
        return (before, after);
    }

    private static TrackPoint Point(int frame, double seconds, (int X, int Y, int Width, int Height) box, bool faint) =>
        new(frame, seconds, new DetectedFace(box.X, box.Y, box.Width, box.Height, faint ? 0.4f : 0.9f, faint));

    /// <summary>The middle of a box, clear of the mask's feathered edge and of the codec's blocks across its border.</summary>
    private static (int X, int Y, int Width, int Height) Core((int X, int Y, int Width, int Height) box) =>
        (box.X + (box.Width / 4), box.Y + (box.Height / 4), box.Width / 2, box.Height / 2);
}
