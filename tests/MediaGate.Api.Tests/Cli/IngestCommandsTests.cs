using System.Text.Json;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MetadataExtractor;
using Directory = System.IO.Directory;

namespace MediaGate.Api.Tests.Cli;

[TestClass]
public sealed class IngestCommandsTests
{
    private static readonly string[] IdentifyingDirectories = ["Exif", "GPS", "XMP", "IPTC", "Photoshop", "Makernote", "Thumbnail", "Comment"];

    [TestMethod]
    public void Detect_AstronautWithYuNet_ReportsTheFaceInUprightPixels()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "detect", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--models", TestPaths.SharedModels, "--detector", "yunet-n");

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        Assert.HasCount(1, result.StdoutLines);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines[0]);
        JsonElement root = line.RootElement;
        Assert.AreEqual(512, root.GetProperty("width").GetInt32());
        Assert.AreEqual(512, root.GetProperty("height").GetInt32());
        Assert.IsTrue(root.GetProperty("ms").GetDouble() > 0);
        JsonElement[] certain = root.GetProperty("faces").EnumerateArray().Where(f => !f.GetProperty("uncertain").GetBoolean()).ToArray();
        Assert.HasCount(1, certain);
        double cx = certain[0].GetProperty("x").GetDouble() + (certain[0].GetProperty("w").GetDouble() / 2);
        double cy = certain[0].GetProperty("y").GetDouble() + (certain[0].GetProperty("h").GetDouble() / 2);
        Assert.IsTrue(cx is > 190 and < 250 && cy is > 80 and < 160, $"face centre at ({cx}, {cy})");
    }

    [TestMethod]
    public void Strip_FolderWithBrokenFiles_WritesCleanCopiesReportsErrorsAndExitsTwo()
    {
        using var temp = new TempFolder();
        string input = temp.Combine("in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.Copy(Path.Combine(TestPaths.Shared, "samples", "exif-samples", "jpg", "gps", "DSCN0010.jpg"), Path.Combine(input, "gps.jpg"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), Path.Combine(input, "sub", "astronaut.png"));
        File.WriteAllText(Path.Combine(input, "notes.jpg"), "this is not a photo");
        File.WriteAllBytes(Path.Combine(input, "empty.jpeg"), []);

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        Dictionary<string, JsonElement> byFile = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("file").GetString()!);
        Assert.HasCount(4, byFile);
        Assert.AreEqual("lossless", byFile[Path.Combine("in", "gps.jpg")].GetProperty("method").GetString());
        Assert.AreEqual("reencoded", byFile[Path.Combine("in", "sub", "astronaut.png")].GetProperty("method").GetString());
        Assert.AreEqual(Path.Combine("out", "sub", "astronaut.jpg"), byFile[Path.Combine("in", "sub", "astronaut.png")].GetProperty("out").GetString());
        Assert.IsTrue(byFile[Path.Combine("in", "notes.jpg")].TryGetProperty("error", out _));
        Assert.IsTrue(byFile[Path.Combine("in", "empty.jpeg")].TryGetProperty("error", out _));
        AssertNoIdentifyingMetadata(temp.Combine("out", "gps.jpg"));
        AssertNoIdentifyingMetadata(temp.Combine("out", "sub", "astronaut.jpg"));
        Assert.IsFalse(File.Exists(temp.Combine("out", "notes.jpg")));
    }

    [TestMethod]
    public void Anonymise_Astronaut_WritesCleanJpegWithTheFacePixelsReplaced()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out", "--models", TestPaths.SharedModels);

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual(Path.Combine("out", "astronaut.jpg"), line.RootElement.GetProperty("out").GetString());
        Assert.IsGreaterThanOrEqualTo(1, line.RootElement.GetProperty("faces").GetArrayLength());
        string output = temp.Combine("out", "astronaut.jpg");
        AssertNoIdentifyingMetadata(output);

        // Pixels: inside the reported face box the output no longer looks like the input (the mask is
        // filled from the surroundings), while a corner far from the face is the input up to JPEG loss.
        IngestLimits limits = new();
        RgbImage before = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(TestPaths.SamplePhotos, "astronaut.png")), limits).Value.Image;
        RgbImage after = PhotoReader.ReadUpright(File.ReadAllBytes(output), limits).Value.Image;
        JsonElement face = line.RootElement.GetProperty("faces")[0];
        int x = (int)face.GetProperty("x").GetDouble(), y = (int)face.GetProperty("y").GetDouble();
        int w = (int)face.GetProperty("w").GetDouble(), h = (int)face.GetProperty("h").GetDouble();
        Assert.IsGreaterThan(20.0, MeanDifference(before, after, x + (w / 4), y + (h / 4), w / 2, h / 2), "the face was not masked");
        Assert.IsLessThan(6.0, MeanDifference(before, after, 0, after.Height - 40, 40, 40), "pixels far from the face changed");
    }

    /// <summary>Mean absolute difference per channel over a rectangle of two same-sized images.</summary>
    private static double MeanDifference(RgbImage a, RgbImage b, int x, int y, int width, int height)
    {
        Assert.AreEqual(a.Width, b.Width);
        long sum = 0;
        for (int row = y; row < y + height; row++)
        {
            ReadOnlySpan<byte> ra = a.Row(row).Slice(x * 3, width * 3), rb = b.Row(row).Slice(x * 3, width * 3);
            for (int i = 0; i < ra.Length; i++)
            {
                sum += Math.Abs(ra[i] - rb[i]);
            }
        }

        return (double)sum / (width * height * 3);
    }

    [TestMethod]
    public void Anonymise_MissingModelsFolder_ExitsOneWithMessage()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out", "--models", temp.Combine("no-such-folder"));

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains("no-such-folder", result.Stderr);
        Assert.IsEmpty(result.StdoutLines);
        Assert.IsFalse(Directory.Exists(temp.Combine("out")));
    }

    [TestMethod]
    public void Detect_UnknownDetector_ExitsOneWithMessage()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "detect", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--detector", "no-such-model");

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains("no-such-model", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, "a stack trace leaked");
    }

    [TestMethod]
    public void Strip_WithoutOutFolder_IsAUsageError()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"));

        Assert.AreNotEqual(0, result.ExitCode);
        Assert.Contains("--out", result.Stderr);
    }

    [TestMethod]
    public void Strip_OutFolderIsAFile_ReportsIoErrorPerFileAndExitsTwo()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("out"), "a file, not a folder");

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual("Io", line.RootElement.GetProperty("kind").GetString());
        Assert.AreEqual("a file, not a folder", File.ReadAllText(temp.Combine("out")));
    }

    [TestMethod]
    public void Strip_InvalidLimitSetting_ExitsOneBeforeWritingAnything()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string> { ["MEDIAGATE_Ingest__Limits__MaxPixels"] = "0" };

        CliRunner.Result result = CliRunner.Run(temp.Path, environment, "strip", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out");

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains("MaxPixels", result.Stderr);
        Assert.IsFalse(Directory.Exists(temp.Combine("out")));
    }

    [TestMethod]
    public void Strip_LowPixelLimitSetting_RefusesLargerPhotosWithTypedError()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string> { ["MEDIAGATE_Ingest__Limits__MaxPixels"] = "100000" };

        CliRunner.Result result = CliRunner.Run(temp.Path, environment, "strip", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out");

        Assert.AreEqual(2, result.ExitCode);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual("TooManyPixels", line.RootElement.GetProperty("kind").GetString());
    }

    private static void AssertNoIdentifyingMetadata(string path)
    {
        Assert.IsTrue(File.Exists(path), path + " was not written");
        IReadOnlyList<MetadataExtractor.Directory> directories = ImageMetadataReader.ReadMetadata(path);
        string[] found = directories.Select(d => d.Name).Where(n => IdentifyingDirectories.Any(bad => n.Contains(bad, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.IsEmpty(found, path + " still has: " + string.Join(", ", found));
    }
}
