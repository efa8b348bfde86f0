using System.Text.Json;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MetadataExtractor;

using Directory = System.IO.Directory;

namespace MediaGate.Cli.Tests;

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
        Assert.IsTrue(root.GetProperty("faces").EnumerateArray().All(f => f.GetProperty("faint").GetBoolean() == f.GetProperty("uncertain").GetBoolean()));
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
        Assert.IsGreaterThan(PixelThresholds.MaskedAtLeast, MeanDifference(before, after, x + (w / 4), y + (h / 4), w / 2, h / 2), "the face is masked");
        Assert.IsLessThan(PixelThresholds.EncodedAtMost, MeanDifference(before, after, 0, after.Height - 40, 40, 40), "pixels far from the face are unchanged");
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
    [DataRow("detect", "")]
    [DataRow("strip", "--out out")]
    [DataRow("anonymise", "--out out")]
    public void Verb_EmptyPathBesideAPhoto_GivesAnErrorLineForItAndExitsTwo(string verb, string options)
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(
            temp.Path, [verb, "", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, "a stack trace leaked");
        Assert.HasCount(2, result.StdoutLines);
        using JsonDocument empty = JsonDocument.Parse(result.StdoutLines[0]);
        Assert.AreEqual("", empty.RootElement.GetProperty("file").GetString());
        Assert.AreEqual("Io", empty.RootElement.GetProperty("kind").GetString());
        using JsonDocument photo = JsonDocument.Parse(result.StdoutLines[1]);
        Assert.IsFalse(photo.RootElement.TryGetProperty("error", out _), result.StdoutLines[1]);
    }

    [TestMethod]
    [DataRow("strip", "--out")]
    [DataRow("anonymise", "--out")]
    [DataRow("detect", "--models")]
    public void Verb_EmptyFolderOption_IsAUsageErrorAndWritesNothing(string verb, string option)
    {
        using var temp = new TempFolder();
        CliRunner.Result result = CliRunner.Run(temp.Path, verb, Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), option, "");

        Assert.AreEqual(1, result.ExitCode, result.Stderr);
        Assert.Contains(option, result.Stderr);
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(temp.Path).ToArray(), "nothing is written to the working folder");
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

    /// <summary>
    /// Regression: `strip t1/IMG_0001.jpg t2/IMG_0001.jpg --out o` (two tablets name their photos alike) shared one
    /// output and one temporary file: photo A followed by part of B, or "Could not find file".
    /// Recipe: two different camera JPEGs copied under one name into two folders.
    /// </summary>
    [TestMethod]
    public void Strip_TwoInputsWithTheSameFileName_WritesEachToItsOwnOutput()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("t1"));
        Directory.CreateDirectory(temp.Combine("t2"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "gps", "DSCN0010.jpg"), temp.Combine("t1", "IMG_0001.jpg"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"), temp.Combine("t2", "IMG_0001.jpg"));

        CliRunner.Result both = CliRunner.Run(temp.Path, "strip", Path.Combine("t1", "IMG_0001.jpg"), Path.Combine("t2", "IMG_0001.jpg"), "--out", "o");
        CliRunner.Result first = CliRunner.Run(temp.Path, "strip", Path.Combine("t1", "IMG_0001.jpg"), "--out", "o1");
        CliRunner.Result second = CliRunner.Run(temp.Path, "strip", Path.Combine("t2", "IMG_0001.jpg"), "--out", "o2");

        Assert.AreEqual(0, both.ExitCode, both.Stderr);
        Assert.AreEqual(0, first.ExitCode + second.ExitCode);
        string[] outs = both.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("out").GetString()!).ToArray();
        CollectionAssert.AreEqual(new[] { Path.Combine("o", "IMG_0001.jpg"), Path.Combine("o", "IMG_0001-2.jpg") }, outs);
        CollectionAssert.AreEqual(File.ReadAllBytes(temp.Combine("o1", "IMG_0001.jpg")), File.ReadAllBytes(temp.Combine("o", "IMG_0001.jpg")));
        CollectionAssert.AreEqual(File.ReadAllBytes(temp.Combine("o2", "IMG_0001.jpg")), File.ReadAllBytes(temp.Combine("o", "IMG_0001-2.jpg")));
        CollectionAssert.AreEquivalent(new[] { "IMG_0001.jpg", "IMG_0001-2.jpg" }, Directory.GetFiles(temp.Combine("o")).Select(Path.GetFileName).ToArray());
    }

    /// <summary>Regression: `anonymise` of two inputs with one file name silently wrote one over the other, exit 0.</summary>
    [TestMethod]
    public void Anonymise_TwoInputsWithTheSameFileName_WritesBoth()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("t1"));
        Directory.CreateDirectory(temp.Combine("t2"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), temp.Combine("t1", "photo.png"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "chelsea.png"), temp.Combine("t2", "photo.png"));

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise", Path.Combine("t1", "photo.png"), Path.Combine("t2", "photo.png"), "--out", "o", "--models", TestPaths.SharedModels);

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        JsonElement[] lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.HasCount(2, lines);
        Assert.AreEqual(Path.Combine("o", "photo.jpg"), lines[0].GetProperty("out").GetString());
        Assert.AreEqual(Path.Combine("o", "photo-2.jpg"), lines[1].GetProperty("out").GetString());
        Assert.AreEqual(512, JpegWidth(temp.Combine("o", "photo.jpg")));
        Assert.AreEqual(lines[1].GetProperty("width").GetInt32(), JpegWidth(temp.Combine("o", "photo-2.jpg")));
        Assert.AreNotEqual(512, lines[1].GetProperty("width").GetInt32());
    }

    /// <summary>
    /// Regression: a ".jpg" link to /dev/zero read 4 GB and ended the whole run with OutOfMemoryException; a FIFO
    /// blocked it forever. Recipe: a folder with a real photo, a link to /dev/zero and a FIFO, all named .jpg.
    /// </summary>
    [TestMethod]
    public void Strip_FolderWithDeviceLinkAndFifo_RefusesThemAndWritesThePhoto()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"), temp.Combine("in", "photo.jpg"));
        File.CreateSymbolicLink(temp.Combine("in", "zero.jpg"), "/dev/zero");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [temp.Combine("in", "fifo.jpg")]))
        {
            mkfifo.WaitForExit();
            Assert.AreEqual(0, mkfifo.ExitCode);
        }

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(2, result.ExitCode, result.Stderr);
        Dictionary<string, JsonElement> byFile = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("file").GetString()!);
        Assert.HasCount(3, byFile);
        Assert.AreEqual("Io", byFile[Path.Combine("in", "zero.jpg")].GetProperty("kind").GetString());
        Assert.AreEqual("Io", byFile[Path.Combine("in", "fifo.jpg")].GetProperty("kind").GetString());
        AssertNoIdentifyingMetadata(temp.Combine("out", "photo.jpg"));
        Assert.Contains("1 of 3 files done", result.Stderr);
    }

    /// <summary>Regression: `strip --models m a.jpg` took "--models" and "m" as file names.</summary>
    [TestMethod]
    public void Strip_OptionOfAnotherVerb_IsAUsageErrorBeforeAnyFileIsTouched()
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "--models", "m", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out");

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains("--models", result.Stderr);
        Assert.IsFalse(result.StdoutLines.Any(l => l.StartsWith('{')), "a file was processed");
        Assert.IsFalse(Directory.Exists(temp.Combine("out")));
    }

    /// <summary>Regression: raised limits overflowed checked size arithmetic into an "Internal" error mid-batch.</summary>
    [TestMethod]
    [DataRow("MaxPixels", "600000000")]
    [DataRow("MaxSide", "65536")]
    [DataRow("MaxBytes", "2147483648")]
    public void Strip_LimitAboveItsCap_ExitsOneBeforeWritingAnything(string limit, string value)
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string> { ["MEDIAGATE_Ingest__Limits__" + limit] = value };

        CliRunner.Result result = CliRunner.Run(temp.Path, environment, "strip", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out");

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains(limit, result.Stderr);
        Assert.IsFalse(Directory.Exists(temp.Combine("out")));
    }

    [TestMethod]
    public void Strip_OutputFolderIsTheInputFolder_ExitsOneLeavingTheOriginals()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"), temp.Combine("in", "photo.jpg"));
        byte[] original = File.ReadAllBytes(temp.Combine("in", "photo.jpg"));

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "in", "--out", "in");

        Assert.AreEqual(1, result.ExitCode);
        CollectionAssert.AreEqual(original, File.ReadAllBytes(temp.Combine("in", "photo.jpg")));
    }

    /// <summary>A second run into an output folder inside the input folder does not take the first run's outputs as inputs.</summary>
    [TestMethod]
    public void Strip_OutputFolderInsideTheInputFolder_IsNotReadAgain()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"), temp.Combine("in", "photo.jpg"));

        CliRunner.Result firstRun = CliRunner.Run(temp.Path, "strip", "in", "--out", Path.Combine("in", "clean"));
        CliRunner.Result secondRun = CliRunner.Run(temp.Path, "strip", "in", "--out", Path.Combine("in", "clean"));

        Assert.AreEqual(0, firstRun.ExitCode + secondRun.ExitCode, secondRun.Stderr);
        Assert.HasCount(1, secondRun.StdoutLines);
        Assert.Contains("the output folder", secondRun.Stderr);
        Assert.IsFalse(Directory.Exists(temp.Combine("in", "clean", "clean")));
    }

    /// <summary>Files that lie about their type: a ".png" holding a JPEG gets a ".jpg" output; a JPEG followed by a ZIP archive leaves the archive behind.</summary>
    [TestMethod]
    public void Strip_FilesThatLieAboutTheirType_AreReadByTheirBytes()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        byte[] jpeg = File.ReadAllBytes(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"));
        File.WriteAllBytes(temp.Combine("in", "liar.png"), jpeg);
        byte[] zip = [.. "PK\x03\x04"u8, .. "secret.txt"u8, .. new byte[64]];
        File.WriteAllBytes(temp.Combine("in", "polyglot.jpg"), [.. jpeg, .. zip]);

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        AssertNoIdentifyingMetadata(temp.Combine("out", "liar.jpg"));
        byte[] written = File.ReadAllBytes(temp.Combine("out", "polyglot.jpg"));
        Assert.AreEqual(-1, written.AsSpan().IndexOf("PK\x03\x04"u8));
        Assert.AreEqual(-1, written.AsSpan().IndexOf("secret.txt"u8));
    }

    private static int JpegWidth(string path)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories = ImageMetadataReader.ReadMetadata(path);
        MetadataExtractor.Directory frame = directories.First(d => d.Name.StartsWith("JPEG", StringComparison.Ordinal));
        return frame.GetInt32(MetadataExtractor.Formats.Jpeg.JpegDirectory.TagImageWidth);
    }

    private static void AssertNoIdentifyingMetadata(string path)
    {
        Assert.IsTrue(File.Exists(path), path + " was not written");
        IReadOnlyList<MetadataExtractor.Directory> directories = ImageMetadataReader.ReadMetadata(path);
        string[] found = directories.Select(d => d.Name).Where(n => IdentifyingDirectories.Any(bad => n.Contains(bad, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.IsEmpty(found, path + " still has: " + string.Join(", ", found));
    }
}
