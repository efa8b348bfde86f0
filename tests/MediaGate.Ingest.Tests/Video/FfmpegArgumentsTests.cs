using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

[TestClass]
public sealed class FfmpegArgumentsTests
{
    private static readonly VideoFacts Portrait4K = new("hevc", 3840, 2160, 90, 30, 1, 10, HasAudio: true, []);

    [TestMethod]
    public void OutputSize_Rotated4K_IsUpright720WideWithEvenSides()
    {
        Assert.AreEqual((720, 1280), FfmpegArguments.OutputSize(Portrait4K, 720));
    }

    [TestMethod]
    public void OutputSize_SmallerThanTheLimit_IsNotEnlarged()
    {
        var small = Portrait4K with { Width = 640, Height = 480, Rotation = 0 };

        Assert.AreEqual((640, 480), FfmpegArguments.OutputSize(small, 720));
    }

    [TestMethod]
    public void Encode_WithoutSound_MapsOnlyThePictureAndDropsAllMetadata()
    {
        List<string> args = FfmpegArguments.Encode("in.mov", Portrait4K, 720, 1280, keepSound: false, 23, "out.mp4");

        Assert.DoesNotContain("1:a:0", args);
        Assert.IsFalse(args.Any(a => a.Contains("in.mov", StringComparison.Ordinal)), "without sound the original is not read again");
        AssertPair(args, "-map_metadata", "-1");
        AssertPair(args, "-map_chapters", "-1");
        AssertPair(args, "-c:v", "libx264");
    }

    [TestMethod]
    public void Encode_WithSound_MapsTheOriginalsFirstAudioStreamAsAac()
    {
        List<string> args = FfmpegArguments.Encode("in.mov", Portrait4K, 720, 1280, keepSound: true, 23, "out.mp4");

        AssertPair(args, "-map", "1:a:0");
        AssertPair(args, "-c:a", "aac");
    }

    [TestMethod]
    public void EveryRun_ReadsOnlyFilesAndPipes_AndNamesFilesAsFileUrls()
    {
        List<string>[] runs =
        [
            FfmpegArguments.DecodeFrames("http:clip.mov", Portrait4K, 720, 1280),
            FfmpegArguments.Encode("http:clip.mov", Portrait4K, 720, 1280, keepSound: true, 23, "out.mp4"),
            FfmpegArguments.Remux("enc.mp4", "out.mp4"),
            FfmpegArguments.Remux("enc.mp4", "out.mp4", dropSound: true),
            FfmpegArguments.DecodeAll("out.mp4"),
            FfmpegArguments.Transcode("http:clip.mov", Portrait4K, 720, 1280, 900, keepSound: true, 23, "out.mp4"),
            FfmpegArguments.CountVideoPackets("out.mp4"),
        ];

        foreach (List<string> args in runs)
        {
            int at = args.IndexOf("-protocol_whitelist");
            Assert.IsGreaterThanOrEqualTo(0, at);
            Assert.IsTrue(args[at + 1] is "file" or "file,pipe", args[at + 1]);
            Assert.IsTrue(args.Where((_, i) => i > 0 && args[i - 1] == "-i").All(input => input.StartsWith("file:", StringComparison.Ordinal) || input == "pipe:0"));
        }
    }

    [TestMethod]
    public void Transcode_NothingButPictureAndAskedSound_NoMetadataAndAtMostTheFramesGiven()
    {
        List<string> silent = FfmpegArguments.Transcode("in.mov", Portrait4K, 720, 1280, 900, keepSound: false, 23, "out.mp4");
        List<string> withSound = FfmpegArguments.Transcode("in.mov", Portrait4K, 720, 1280, 900, keepSound: true, 23, "out.mp4");

        Assert.IsFalse(silent.Any(a => a.StartsWith("0:a", StringComparison.Ordinal)), "no sound is mapped unless asked");
        AssertPair(withSound, "-map", "0:a:0");
        foreach (List<string> args in new[] { silent, withSound })
        {
            AssertPair(args, "-map", "0:v:0");
            AssertPair(args, "-map_metadata", "-1");
            AssertPair(args, "-map_chapters", "-1");
            AssertPair(args, "-frames:v", "900");
            AssertPair(args, "-c:v", "libx264");
            Assert.Contains("-sn", args);
            Assert.Contains("-dn", args);
            StringAssert.StartsWith(args[args.IndexOf("-vf") + 1], "fps=30/1,scale=720:1280");
        }
    }

    [TestMethod]
    public void DecodeFrames_Sampled_SelectsEveryStrideFrameAndNeverDuplicatesThem()
    {
        List<string> args = FfmpegArguments.DecodeFrames("in.mov", Portrait4K, 720, 1280, stride: 10);

        string filters = args[args.IndexOf("-vf") + 1];
        Assert.StartsWith("fps=30/1,select=not(mod(n\\,10)),scale=720:1280", filters);
        AssertPair(args, "-fps_mode", "passthrough");
    }

    [TestMethod]
    public void DecodeFrames_EveryFrame_SelectsNothingAndKeepsTheDeblockingFilter()
    {
        List<string> args = FfmpegArguments.DecodeFrames("in.mov", Portrait4K, 720, 1280);

        Assert.DoesNotContain("select", args[args.IndexOf("-vf") + 1]);
        Assert.DoesNotContain("-skip_loop_filter", args);
    }

    [TestMethod]
    public void Remux_DropSound_CopiesOnlyThePicture()
    {
        List<string> args = FfmpegArguments.Remux("enc.mp4", "out.mp4", dropSound: true);

        AssertPair(args, "-map", "0:v:0");
        Assert.Contains("-an", args);
        Assert.IsFalse(args.Any(a => a.StartsWith("0:a", StringComparison.Ordinal)), "no sound is mapped");
    }

    [TestMethod]
    public void Remux_RemovesSeiUnitsAndAddsFaststart()
    {
        List<string> args = FfmpegArguments.Remux("enc.mp4", "out.mp4");

        AssertPair(args, "-bsf:v", "filter_units=remove_types=6");
        AssertPair(args, "-movflags", "+faststart");
        AssertPair(args, "-c", "copy");
    }

    private static void AssertPair(List<string> args, string name, string value) =>
        Assert.IsTrue(args.Where((a, i) => a == name && i + 1 < args.Count && args[i + 1] == value).Any(), $"{name} {value} is among: {string.Join(' ', args)}");
}
