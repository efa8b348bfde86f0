using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Mask;

/// <summary>
/// Which masks give way to the faces a rendition shows (issue 12's nursery day: the 1.5x mask of a faint detection
/// beside a child's face covered part of that face in the child's own family's copy). A yielding mask (a faint
/// detection nobody named) is not applied inside the box of a shown face; every other mask is applied everywhere,
/// shown face or not (a child masked for consent always stays masked). Restored pixels are the shown face's own,
/// which the rendition shows anyway, so nothing masked becomes visible outside a shown face's box.
/// </summary>
/// <param name="Yields">Per face to mask, in the same order: true when its mask gives way to shown faces.</param>
/// <param name="Shown">The boxes of the faces the rendition shows, in pixels of the upright picture.</param>
public sealed record MaskYield(IReadOnlyList<bool> Yields, IReadOnlyList<DetectedFace> Shown)
{
    /// <summary>Copies the shown boxes' pixels before masking (null when nothing can yield).</summary>
    internal byte[][]? Save(RgbImage image, IReadOnlyList<MaskRegion> regions)
    {
        if (Shown.Count == 0 || !Yields.Any(y => y) || Yields.Count != regions.Count)
        {
            return null;
        }

        var saved = new byte[Shown.Count][];
        for (int s = 0; s < Shown.Count; s++)
        {
            var (x0, y0, x1, y1) = Bounds(Shown[s], image);
            saved[s] = new byte[Math.Max(0, x1 - x0) * Math.Max(0, y1 - y0) * 3];
            for (int y = y0; y < y1; y++)
            {
                image.Pixels.AsSpan(((y * image.Width) + x0) * 3, (x1 - x0) * 3).CopyTo(saved[s].AsSpan((y - y0) * (x1 - x0) * 3));
            }
        }

        return saved;
    }

    /// <summary>Puts back, inside each shown box, the pixels that no non-yielding mask covers.</summary>
    internal void Restore(RgbImage image, IReadOnlyList<MaskRegion> regions, byte[][]? saved)
    {
        if (saved is null)
        {
            return;
        }

        var holding = regions.Where((_, i) => !Yields[i]).ToArray();
        for (int s = 0; s < Shown.Count; s++)
        {
            var (x0, y0, x1, y1) = Bounds(Shown[s], image);
            for (int y = y0; y < y1; y++)
            {
                for (int x = x0; x < x1; x++)
                {
                    if (!IsInside(holding, x, y))
                    {
                        int from = (((y - y0) * (x1 - x0)) + (x - x0)) * 3;
                        saved[s].AsSpan(from, 3).CopyTo(image.Pixels.AsSpan(((y * image.Width) + x) * 3, 3));
                    }
                }
            }
        }
    }

    private static bool IsInside(MaskRegion[] regions, int x, int y)
    {
        foreach (var region in regions)
        {
            if (region.Contains(x, y))
            {
                return true;
            }
        }

        return false;
    }

    private static (int X0, int Y0, int X1, int Y1) Bounds(DetectedFace face, RgbImage image) => (
        Math.Clamp((int)Math.Ceiling(face.X), 0, image.Width),
        Math.Clamp((int)Math.Ceiling(face.Y), 0, image.Height),
        Math.Clamp((int)Math.Floor(face.X + face.Width), 0, image.Width),
        Math.Clamp((int)Math.Floor(face.Y + face.Height), 0, image.Height));
}
