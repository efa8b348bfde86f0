using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

/// <summary>Real photos and models for the inference tests (shared data, never copied into the repo).</summary>
internal static class DetectTestData
{
    public static ModelRegistry Registry { get; } = new(
        ModelManifest.Load(ModelManifest.DefaultPath).Value, [ModelRegistry.InstalledFolder, TestPaths.SharedModels]);

    public static IFaceDetector Create(string name) => FaceDetectorFactory.Create(Registry, name, new DetectorOptions { IntraOpThreads = 1 }).Value;

    /// <summary>The astronaut's face in the 512x512 sample photo (checked by eye).</summary>
    public static FaceBox AstronautFace { get; } = new(175, 75, 70, 95);

    public static RgbImage Sample(string name) => Read(Path.Combine(TestPaths.SamplePhotos, name));

    public static RgbImage FacesDev(string relativePath) => Read(Path.Combine(TestPaths.FacesDev, relativePath));

    /// <summary>The labelled boxes of one faces-dev photo (gt.tsv).</summary>
    public static List<FaceBox> Labels(string relativePath) =>
        File.ReadLines(Path.Combine(TestPaths.FacesDev, "gt.tsv"))
            .Select(l => l.Split('\t'))
            .Where(f => f[0] == relativePath && f.Length >= 5 && f[1].Length > 0)
            .Select(f => new FaceBox(P(f[1]), P(f[2]), P(f[3]), P(f[4])))
            .ToList();

    /// <summary>True when some face's mask (its box grown 1.4x, product.md) covers at least 70% of the labelled box.</summary>
    public static bool IsMasked(IReadOnlyList<DetectedFace> faces, FaceBox labelled) =>
        faces.Any(f => new FaceBox(f.X, f.Y, f.Width, f.Height).Grow(1.4f).Covers(labelled) >= 0.7f);

    /// <summary>Pastes <paramref name="part"/> into <paramref name="canvas"/> with its top-left corner at (x, y).</summary>
    public static void Paste(RgbImage canvas, RgbImage part, int x, int y)
    {
        for (var row = 0; row < part.Height; row++)
        {
            part.Row(row).CopyTo(canvas.Row(y + row).Slice(x * 3));
        }
    }

    private static RgbImage Read(string path)
    {
        var photo = PhotoReader.ReadUpright(File.ReadAllBytes(path), new IngestLimits());
        Assert.IsTrue(photo.IsSuccess, $"{path}: {photo.Failure}");
        return photo.Value.Image;
    }

    private static float P(string s) => float.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
