using System.Globalization;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Render;

/// <summary>Real photos from the shared face set (../shared/eval/faces-dev) with their annotated face boxes.</summary>
internal static class RealFaces
{
    /// <summary>A meeting: three faces, 148 to 186 px wide, well apart.</summary>
    public const string Meeting = "images/11--Meeting/11_Meeting_Meeting_11_Meeting_Meeting_11_633.jpg";

    public static byte[] Bytes(string photo) => File.ReadAllBytes(Path.Combine(TestPaths.FacesDev, photo));

    public static RgbImage Pixels(string photo) => PhotoReader.ReadUpright(Bytes(photo), new IngestLimits()).Value.Image;

    /// <summary>The annotated faces of the photo, in the file's order.</summary>
    public static IReadOnlyList<DetectedFace> Faces(string photo) =>
        File.ReadLines(Path.Combine(TestPaths.FacesDev, "gt.tsv"))
            .Select(line => line.Split('\t'))
            .Where(fields => fields[0] == photo)
            .Select(fields => new DetectedFace(Number(fields[1]), Number(fields[2]), Number(fields[3]), Number(fields[4]), 0.95f, false))
            .ToArray();

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
