using System.Diagnostics;
using System.Text.Json;

namespace MediaGate.Cli.Tests;

[TestClass]
public sealed class VideoCommandsTests
{
    [TestMethod]
    public void AnonymiseVideo_GoodClipAndImageNamedMp4_WritesTheMaskedClipReportsTheOtherAndExitsTwo()
    {
        using var temp = new TempFolder();
        string clip = temp.Combine("party.mov");
        Ffmpeg(
            "-f", "lavfi", "-i", "color=c=gray:s=640x480:r=30:d=1", "-loop", "1", "-framerate", "30", "-i", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"),
            "-filter_complex", "[0][1]overlay=64:0:shortest=1", "-t", "1", "-metadata", "location=+51.5074-000.1278/",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip);
        string image = temp.Combine("photo.mp4");
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "coffee.png"), image);

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise-video", clip, image, "--out", temp.Combine("out"), "--models", TestPaths.SharedModels, "--detector", "yunet-n");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        Assert.HasCount(2, result.StdoutLines);
        Assert.DoesNotContain("   at ", result.Stderr, "no stack trace");
        using (JsonDocument good = JsonDocument.Parse(result.StdoutLines[0]))
        {
            JsonElement line = good.RootElement;
            Assert.AreEqual("video", line.GetProperty("kind").GetString());
            Assert.AreEqual(temp.Combine("out", "party.mp4"), line.GetProperty("out").GetString());
            Assert.IsTrue(File.Exists(temp.Combine("out", "party.mp4")));
            Assert.AreEqual(30, line.GetProperty("frames").GetInt32());
            Assert.IsFalse(line.GetProperty("sound").GetBoolean());
            JsonElement[] certain = line.GetProperty("tracks").EnumerateArray().Where(t => !t.GetProperty("faint").GetBoolean()).ToArray();
            Assert.HasCount(1, certain, "the astronaut is one certain track");
            Assert.AreEqual(0.0, certain[0].GetProperty("first").GetDouble());
            Assert.Contains("format:location", line.GetProperty("dropped").EnumerateArray().Select(d => d.GetString()).ToArray());
        }

        using (JsonDocument bad = JsonDocument.Parse(result.StdoutLines[1]))
        {
            Assert.AreEqual(image, bad.RootElement.GetProperty("file").GetString());
            Assert.AreEqual("Container", bad.RootElement.GetProperty("kind").GetString());
            Assert.Contains("PNG", bad.RootElement.GetProperty("error").GetString()!);
        }

        Assert.IsFalse(File.Exists(temp.Combine("out", "photo.mp4")));
        Assert.IsEmpty(Directory.GetFiles(temp.Combine("out"), ".mediagate-*"), "no temporary file is left behind");
    }

    [TestMethod]
    public void AnonymiseVideo_ClipOverTheConfiguredDuration_RefusedWithItsReason()
    {
        using var temp = new TempFolder();
        string clip = temp.Combine("long.mp4");
        Ffmpeg("-f", "lavfi", "-i", "testsrc=s=160x120:r=30:d=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip);
        var environment = new Dictionary<string, string> { ["MEDIAGATE_Video__Limits__MaxDurationSeconds"] = "1" };

        CliRunner.Result result = CliRunner.Run(temp.Path, environment, "anonymise-video", clip, "--out", temp.Combine("out"), "--models", TestPaths.SharedModels, "--detector", "yunet-n");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual("Duration", line.RootElement.GetProperty("kind").GetString());
        Assert.Contains("limit is 1 s", line.RootElement.GetProperty("error").GetString()!);
    }

    private static void Ffmpeg(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-y" }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, errors);
    }
}
