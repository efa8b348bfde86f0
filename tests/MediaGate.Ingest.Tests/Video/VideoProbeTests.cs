using System.Text.Json;
using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

[TestClass]
public sealed class VideoProbeTests
{
    private static readonly TempFolder Folder = new();

    [ClassCleanup]
    public static void Cleanup() => Folder.Dispose();

    [TestMethod]
    public void Run_RotatedMovWithDeviceTags_ReportsRotationAndTheTagsItDrops()
    {
        string plain = VideoClips.Pattern(Folder.Path, "plain.mov", 1, VideoClips.DeviceTags);
        string rotated = Path.Combine(Folder.Path, "rotated.mov");
        VideoClips.Ffmpeg("-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated);

        VideoOutcome<VideoFacts> facts = VideoProbe.Run(rotated, new VideoLimits(), ToolLimits.Default);

        Assert.IsTrue(facts.IsSuccess, facts.Failure?.ToString());
        Assert.AreEqual(90, facts.Value.Rotation);
        Assert.AreEqual((240, 320), (facts.Value.UprightWidth, facts.Value.UprightHeight));
        Assert.IsTrue(facts.Value.HasAudio);
        CollectionAssert.IsSubsetOf(new[] { "format:location", "format:make", "format:model" }, facts.Value.Dropped.ToArray());
    }

    [TestMethod]
    public void Run_MatroskaNamedMp4_RefusedAsContainer()
    {
        string mkv = Path.Combine(Folder.Path, "clip.mkv");
        VideoClips.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x120:d=1", "-c:v", "libx264", "-preset", "ultrafast", mkv);
        string named = Path.Combine(Folder.Path, "matroska.mp4");
        File.Copy(mkv, named);

        AssertRefused(named, VideoFailureKind.Container, "Matroska");
    }

    [TestMethod]
    public void Run_PngNamedMp4_RefusedAsContainer()
    {
        string named = Path.Combine(Folder.Path, "photo.mp4");
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), named);

        AssertRefused(named, VideoFailureKind.Container, "PNG");
    }

    [TestMethod]
    public void Run_Vp9InMp4_RefusedAsCodec()
    {
        string path = Path.Combine(Folder.Path, "vp9.mp4");
        VideoClips.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x120:d=0.5", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", path);

        AssertRefused(path, VideoFailureKind.Codec, "vp9");
    }

    [TestMethod]
    public void Run_LongerThanTheConfiguredLimit_RefusedAsDuration()
    {
        string path = VideoClips.Pattern(Folder.Path, "two-seconds.mp4", 2);

        AssertRefused(path, VideoFailureKind.Duration, "limit is 1", new VideoLimits { MaxDurationSeconds = 1 });
    }

    [TestMethod]
    public void Run_TwoVideoStreams_RefusedAsStreams()
    {
        string path = Path.Combine(Folder.Path, "two-videos.mp4");
        VideoClips.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x120:d=1", "-f", "lavfi", "-i", "testsrc2=s=160x120:d=1", "-map", "0", "-map", "1", "-c:v", "libx264", "-preset", "ultrafast", path);

        AssertRefused(path, VideoFailureKind.Streams, "2 video streams");
    }

    [TestMethod]
    public void Run_SubtitleStream_RefusedByDefaultAndDroppedWhenSetTo()
    {
        string srt = Path.Combine(Folder.Path, "words.srt");
        File.WriteAllText(srt, "1\n00:00:00,000 --> 00:00:00,900\nLily at the park\n");
        string path = Path.Combine(Folder.Path, "subtitled.mp4");
        VideoClips.Ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x120:d=1", "-i", srt, "-map", "0", "-map", "1", "-c:v", "libx264", "-preset", "ultrafast", "-c:s", "mov_text", path);

        AssertRefused(path, VideoFailureKind.Streams, "subtitle");
        VideoOutcome<VideoFacts> dropped = VideoProbe.Run(path, new VideoLimits { DropSubtitleAndDataStreams = true }, ToolLimits.Default);
        Assert.IsTrue(dropped.IsSuccess, dropped.Failure?.ToString());
        Assert.Contains("stream 1 (subtitle)", dropped.Value.Dropped);
    }

    [TestMethod]
    public void Run_TruncatedMoov_RefusedAsUnreadable()
    {
        string whole = VideoClips.Pattern(Folder.Path, "whole.mp4", 1);
        string cut = Path.Combine(Folder.Path, "cut.mp4");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 200)]);

        AssertRefused(cut, VideoFailureKind.Unreadable, "cannot be read");
    }

    [TestMethod]
    public void Run_LargerThanTheByteLimit_RefusedBeforeProbing()
    {
        string path = VideoClips.Pattern(Folder.Path, "bytes.mp4", 1);

        AssertRefused(path, VideoFailureKind.TooManyBytes, "limit", new VideoLimits { MaxBytes = 1000 });
    }

    [TestMethod]
    public void Run_Fifo_RefusedWithoutWaitingForAWriter()
    {
        string fifo = Path.Combine(Folder.Path, "fifo.mp4");
        VideoClips.Tool("mkfifo", fifo);

        AssertRefused(fifo, VideoFailureKind.Io, "not a regular file");
    }

    [TestMethod]
    public void Check_HugeDeclaredDuration_RefusedAsDuration()
    {
        VideoOutcome<VideoFacts> facts = Check(Report(duration: "9999999.0"));

        Assert.AreEqual(VideoFailureKind.Duration, facts.Failure?.Kind);
    }

    [TestMethod]
    public void Check_NoDuration_RefusedAsDuration()
    {
        VideoOutcome<VideoFacts> facts = Check(Report(duration: "N/A"));

        Assert.AreEqual(VideoFailureKind.Duration, facts.Failure?.Kind);
    }

    [TestMethod]
    public void Check_EnormousResolutionInTheHeader_RefusedAsResolution()
    {
        VideoOutcome<VideoFacts> facts = Check(Report(width: 65000, height: 65000));

        Assert.AreEqual(VideoFailureKind.Resolution, facts.Failure?.Kind);
    }

    [TestMethod]
    public void Check_120FramesPerSecond_RefusedAsFrameRate()
    {
        VideoOutcome<VideoFacts> facts = Check(Report(rate: "120/1"));

        Assert.AreEqual(VideoFailureKind.FrameRate, facts.Failure?.Kind);
    }

    [TestMethod]
    public void Check_CoverArt_RefusedAsStreams()
    {
        string report = Report().Replace("\"streams\": [", "\"streams\": [{\"index\": 2, \"codec_type\": \"video\", \"codec_name\": \"mjpeg\", \"disposition\": {\"attached_pic\": 1}},", StringComparison.Ordinal);

        Assert.AreEqual(VideoFailureKind.Streams, Check(report).Failure?.Kind);
    }

    [TestMethod]
    public void Check_WithinEveryLimit_Accepted()
    {
        VideoOutcome<VideoFacts> facts = Check(Report());

        Assert.IsTrue(facts.IsSuccess, facts.Failure?.ToString());
        Assert.AreEqual(30.0, facts.Value.FrameRate);
    }

    private static void AssertRefused(string path, VideoFailureKind kind, string inMessage, VideoLimits? limits = null)
    {
        VideoOutcome<VideoFacts> facts = VideoProbe.Run(path, limits ?? new VideoLimits(), ToolLimits.Default);

        Assert.IsFalse(facts.IsSuccess, $"{path} was accepted");
        Assert.AreEqual(kind, facts.Failure.Kind, facts.Failure.Message);
        Assert.Contains(inMessage, facts.Failure.Message);
    }

    private static VideoOutcome<VideoFacts> Check(string report)
    {
        using var document = JsonDocument.Parse(report);
        return VideoProbe.Check(document.RootElement, new VideoLimits());
    }

    private static string Report(string duration = "10.0", int width = 1920, int height = 1080, string rate = "30/1") => $$"""
        {"streams": [{"index": 0, "codec_type": "video", "codec_name": "h264", "width": {{width}}, "height": {{height}}, "avg_frame_rate": "{{rate}}" }],
         "format": {"duration": "{{duration}}", "tags": {"major_brand": "isom"} } }
        """;
}
