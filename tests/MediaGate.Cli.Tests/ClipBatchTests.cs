using System.Text.Json;

namespace MediaGate.Cli.Tests;

/// <summary>
/// <c>strip</c> and <c>anonymise</c> take clips too (issue 14, CLI): an MP4/MOV, known by its first bytes, goes through the video
/// gate as <c>anonymise-video</c> runs it, with a JSON line of <c>"kind": "video"</c> and tracks in place of faces, after the
/// photos' lines.
/// </summary>
[TestClass]
public sealed class ClipBatchTests
{
    [TestMethod]
    public void Strip_PhotoAndTaggedClip_WritesACleanJpegAndACleanMp4()
    {
        using var temp = new TempFolder();
        string clip = AstronautClip(temp, "party.mov");
        string photo = temp.Combine("coffee.png");
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "coffee.png"), photo);

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", clip, photo, "--out", temp.Combine("out"));

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        Assert.HasCount(2, result.StdoutLines, result.Stderr);
        using (JsonDocument first = JsonDocument.Parse(result.StdoutLines[0]))
        {
            Assert.AreEqual(photo, first.RootElement.GetProperty("file").GetString(), "the photos' lines come first");
            Assert.AreEqual("jpeg", first.RootElement.GetProperty("format").GetString());
        }

        using JsonDocument second = JsonDocument.Parse(result.StdoutLines[1]);
        JsonElement line = second.RootElement;
        Assert.AreEqual(clip, line.GetProperty("file").GetString());
        Assert.AreEqual("video", line.GetProperty("kind").GetString());
        Assert.AreEqual(temp.Combine("out", "party.mp4"), line.GetProperty("out").GetString());
        Assert.AreEqual(0, line.GetProperty("tracks").GetArrayLength(), "strip looks for no face");
        Assert.Contains("format:location", line.GetProperty("dropped").EnumerateArray().Select(d => d.GetString()).ToArray());
        string tags = Tool("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json", temp.Combine("out", "party.mp4"));
        Assert.DoesNotContain("location", tags, "the GPS tag is gone");
        Assert.IsEmpty(Directory.GetFiles(temp.Combine("out"), ".mediagate-*"), "no temporary file is left behind");
    }

    [TestMethod]
    public void Anonymise_ClipNamedLikeAPhotoAndAPhoto_MasksBothAndReportsTheClipsTracks()
    {
        using var temp = new TempFolder();
        // Known by its first bytes, not its name.
        string clip = AstronautClip(temp, "clip.jpg");
        string photo = temp.Combine("astronaut.png");
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), photo);

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise", clip, photo, "--out", temp.Combine("out"), "--models", TestPaths.SharedModels, "--detector", "yunet-n");

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        Assert.HasCount(2, result.StdoutLines, result.Stderr);
        using (JsonDocument first = JsonDocument.Parse(result.StdoutLines[0]))
        {
            Assert.AreEqual(photo, first.RootElement.GetProperty("file").GetString());
            Assert.IsGreaterThan(0, first.RootElement.GetProperty("faces").GetArrayLength(), "the photo's face");
        }

        using JsonDocument second = JsonDocument.Parse(result.StdoutLines[1]);
        JsonElement line = second.RootElement;
        Assert.AreEqual("video", line.GetProperty("kind").GetString());
        Assert.AreEqual(temp.Combine("out", "clip.mp4"), line.GetProperty("out").GetString());
        Assert.IsFalse(line.TryGetProperty("faces", out _), "a clip has tracks, not faces");
        JsonElement[] certain = line.GetProperty("tracks").EnumerateArray().Where(t => !t.GetProperty("faint").GetBoolean()).ToArray();
        Assert.HasCount(1, certain, "the astronaut is one certain track");
        Assert.IsTrue(File.Exists(temp.Combine("out", "clip.mp4")));
    }

    [TestMethod]
    public void Anonymise_ClipOverTheConfiguredDuration_ErrorLineAndExitTwo()
    {
        using var temp = new TempFolder();
        string clip = AstronautClip(temp, "long.mp4");
        var environment = new Dictionary<string, string> { ["MEDIAGATE_Video__Limits__MaxDurationSeconds"] = "0.5" };

        CliRunner.Result result = CliRunner.Run(temp.Path, environment, "anonymise", clip, "--out", temp.Combine("out"), "--models", TestPaths.SharedModels, "--detector", "yunet-n");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual("Duration", line.RootElement.GetProperty("kind").GetString());
        Assert.IsFalse(File.Exists(temp.Combine("out", "long.mp4")));
    }

    [TestMethod]
    public void Strip_FolderWithClipsInSubfolders_TakesTheClipsAndKeepsTheirFolders()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in", "monday"));
        Directory.CreateDirectory(temp.Combine("in", "tuesday"));
        string monday = AstronautClip(temp, "monday.mov");
        File.Move(monday, temp.Combine("in", "monday", "party.mov"));
        string tuesday = AstronautClip(temp, "tuesday.mp4");
        File.Move(tuesday, temp.Combine("in", "tuesday", "party.MP4"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "coffee.png"), temp.Combine("in", "coffee.png"));
        File.WriteAllText(temp.Combine("in", "notes.txt"), "not a photo");

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", temp.Combine("in"), "--out", temp.Combine("out"));

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        Assert.HasCount(3, result.StdoutLines, result.Stderr);
        string[] clipOutputs = result.StdoutLines.Skip(1)
            .Select(l => { using JsonDocument d = JsonDocument.Parse(l); return d.RootElement.GetProperty("out").GetString()!; })
            .ToArray();
        CollectionAssert.AreEqual(new[] { temp.Combine("out", "monday", "party.mp4"), temp.Combine("out", "tuesday", "party.mp4") }, clipOutputs);
        Assert.IsTrue(clipOutputs.All(File.Exists));
        StringAssert.Contains(result.Stderr, "1 files without an image or video extension");
    }

    /// <summary>One second of the astronaut on grey, 30 fps, with a GPS tag, H.264 in MP4/MOV.</summary>
    private static string AstronautClip(TempFolder temp, string name)
    {
        string path = temp.Combine(name);
        string written = temp.Combine("made-" + Path.GetFileNameWithoutExtension(name) + (name.EndsWith(".mov", StringComparison.Ordinal) ? ".mov" : ".mp4"));
        Tool("ffmpeg", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", "color=c=gray:s=640x480:r=30:d=1", "-loop", "1", "-framerate", "30", "-i", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"),
            "-filter_complex", "[0][1]overlay=64:0:shortest=1", "-t", "1", "-metadata", "location=+51.5074-000.1278/",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", written);
        File.Move(written, path);
        return path;
    }

    private static string Tool(string tool, params string[] arguments) =>
        MediaGate.Testing.Servers.ExternalProcess.Output(tool, arguments);
}
