using System.Text.Json;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using Directory = System.IO.Directory;

namespace MediaGate.Cli.Tests;

/// <summary>`anonymise --max-side N` (issue 12, section 3): detected and written at that size, masks applied at full size first.</summary>
[TestClass]
public sealed class AnonymiseMaxSideTests
{
    [TestMethod]
    public void Anonymise_MaxSide_WritesThePhotoAtThatSizeWithTheFaceMasked()
    {
        using var temp = new TempFolder();
        string input = Path.Combine(TestPaths.SamplePhotos, "astronaut.png");

        CliRunner.Result result = CliRunner.Run(temp.Path, "anonymise", input, "--out", "out", "--models", TestPaths.SharedModels, "--max-side", "256");

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        using JsonDocument line = JsonDocument.Parse(result.StdoutLines.Single());
        Assert.AreEqual(512, line.RootElement.GetProperty("width").GetInt32());
        Assert.AreEqual(256, line.RootElement.GetProperty("outWidth").GetInt32());
        IngestLimits limits = new();
        RgbImage before = Halved(PhotoReader.ReadUpright(File.ReadAllBytes(input), limits).Value.Image);
        RgbImage after = PhotoReader.ReadUpright(File.ReadAllBytes(temp.Combine("out", "astronaut.jpg")), limits).Value.Image;
        Assert.AreEqual((256, 256), (after.Width, after.Height));

        // The face box is in the input's pixels; in the written photo it is at half of them, and masked there.
        // (The astronaut's face is around (210, 122) of the 512 px photo.)
        JsonElement face = line.RootElement.GetProperty("faces").EnumerateArray().MaxBy(f => f.GetProperty("w").GetDouble());
        int x = (int)face.GetProperty("x").GetDouble() / 2, y = (int)face.GetProperty("y").GetDouble() / 2;
        int w = (int)face.GetProperty("w").GetDouble() / 2, h = (int)face.GetProperty("h").GetDouble() / 2;
        Assert.IsTrue(x < 105 && x + w > 105 && y < 61 && y + h > 61, $"the face box ({x}, {y}, {w}x{h}) x 2 is not the astronaut's face in full-size pixels");
        Assert.IsGreaterThan(PixelThresholds.MaskedAtLeast, MeanDifference(before, after, x + (w / 4), y + (h / 4), w / 2, h / 2), "the face is masked");
        Assert.IsLessThan(PixelThresholds.EncodedAtMost, MeanDifference(before, after, 0, after.Height - 20, 20, 20), "pixels far from the face are unchanged");
    }

    [TestMethod]
    public void Anonymise_WithTheVerifierInstalled_MasksWhatDetectListsWithoutAskingIt()
    {
        // faces-dev: YuNet-n scores a patch that is no face at about 0.96; the verifier makes it faint for detect.
        // anonymise masks every detection whatever its strength, so it does not ask the verifier: the same boxes,
        // the patch marked by the detector alone (at or above release-alone: not faint).
        using var temp = new TempFolder();
        string input = Path.Combine(TestPaths.FacesDev, "images", "10--People_Marching", "10_People_Marching_People_Marching_2_27.jpg");

        CliRunner.Result detected = CliRunner.Run(temp.Path, "detect", input, "--models", TestPaths.SharedModels);
        CliRunner.Result anonymised = CliRunner.Run(temp.Path, "anonymise", input, "--out", "out", "--models", TestPaths.SharedModels);

        Assert.AreEqual(0, detected.ExitCode, detected.Stderr);
        Assert.AreEqual(0, anonymised.ExitCode, anonymised.Stderr);
        JsonElement[] listed = Faces(detected.StdoutLines.Single()), masked = Faces(anonymised.StdoutLines.Single());
        CollectionAssert.AreEquivalent(listed.Select(Box).ToArray(), masked.Select(Box).ToArray(), "anonymise did not mask the faces detect lists");
        static bool OnPatch(JsonElement f) => Math.Abs(f.GetProperty("x").GetDouble() - 756.4) < 3 && Math.Abs(f.GetProperty("y").GetDouble() - 233.5) < 3;
        Assert.IsTrue(listed.Single(OnPatch).GetProperty("faint").GetBoolean(), "detect: the verifier does not confirm the patch");
        Assert.IsFalse(masked.Single(OnPatch).GetProperty("faint").GetBoolean(), "anonymise asked the verifier");
    }

    private static JsonElement[] Faces(string line) => JsonDocument.Parse(line).RootElement.GetProperty("faces").EnumerateArray().ToArray();

    private static string Box(JsonElement f) => $"{f.GetProperty("x")} {f.GetProperty("y")} {f.GetProperty("w")} {f.GetProperty("h")} {f.GetProperty("score")}";

    [TestMethod]
    [DataRow("10")]
    [DataRow("70000")]
    [DataRow("big")]
    public void Anonymise_MaxSideOutOfRange_ExitsOneBeforeAnyFile(string value)
    {
        using var temp = new TempFolder();

        CliRunner.Result result = CliRunner.Run(
            temp.Path, "anonymise", Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), "--out", "out", "--models", TestPaths.SharedModels, "--max-side", value);

        Assert.AreEqual(1, result.ExitCode);
        Assert.Contains("--max-side", result.Stderr);
        Assert.IsFalse(result.StdoutLines.Any(l => l.StartsWith('{')), "a file was processed");
        Assert.IsFalse(Directory.Exists(temp.Combine("out")));
    }

    /// <summary>Each 2x2 block averaged: the reduction a 512 px photo gets to 256 px.</summary>
    private static RgbImage Halved(RgbImage image)
    {
        var half = new RgbImage(image.Width / 2, image.Height / 2);
        for (int y = 0; y < half.Height; y++)
        {
            ReadOnlySpan<byte> top = image.Row(2 * y), bottom = image.Row((2 * y) + 1);
            Span<byte> row = half.Row(y);
            for (int i = 0; i < row.Length; i++)
            {
                int x = i / 3, c = i % 3;
                row[i] = (byte)((top[(6 * x) + c] + top[(6 * x) + 3 + c] + bottom[(6 * x) + c] + bottom[(6 * x) + 3 + c] + 2) / 4);
            }
        }

        return half;
    }

    private static double MeanDifference(RgbImage a, RgbImage b, int x, int y, int width, int height)
    {
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
}
