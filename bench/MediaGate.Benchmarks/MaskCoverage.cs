using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Benchmarks;

/// <summary>
/// How much of a labelled face the product's real mask covers: the rounded box that <see cref="FaceMasker"/>
/// fills for a detection (<see cref="MaskRegion"/>), sampled on a 16x16 grid over the labelled box. The
/// benchmark counts what the product masks, not a rectangle that would cover a face's corners more generously.
/// </summary>
internal static class MaskCoverage
{
    private const int Grid = 16;

    public static float Of(FaceBox detection, FaceBox face, float margin)
    {
        if (face.Width <= 0 || face.Height <= 0)
        {
            return 0f;
        }

        var region = MaskRegion.Around(new DetectedFace(detection.X, detection.Y, detection.Width, detection.Height, 1f, false), margin);
        int inside = 0;
        for (int j = 0; j < Grid; j++)
        {
            double y = face.Y + ((j + 0.5) * face.Height / Grid);
            for (int i = 0; i < Grid; i++)
            {
                double x = face.X + ((i + 0.5) * face.Width / Grid);
                inside += region.NormalisedRadius(x, y) <= 1.0 ? 1 : 0;
            }
        }

        return inside / (float)(Grid * Grid);
    }
}
