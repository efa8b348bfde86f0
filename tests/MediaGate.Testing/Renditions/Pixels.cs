using MediaGate.Consent.Media;
using MediaGate.Ingest;
using MediaGate.Ingest.Render;

namespace MediaGate.Testing.Renditions;

/// <summary>
/// Pixel comparisons between a rendition and the master reduced the same way without masks. Assertions use the named
/// thresholds (<see cref="PixelThresholds"/>), and their messages state what must be true ("Ava is masked for Ben's family").
/// </summary>
internal static class Pixels
{
    /// <summary>See <see cref="PixelThresholds.ShownAtMost"/>.</summary>
    public const double ShownAtMost = PixelThresholds.ShownAtMost;

    /// <summary>See <see cref="PixelThresholds.MaskedAtLeast"/>.</summary>
    public const double MaskedAtLeast = PixelThresholds.MaskedAtLeast;

    /// <summary>The master, reduced to the rendition's size with the same area average, unmasked and not JPEG-encoded.</summary>
    public static RgbImage PlainReduction(RgbImage master, int maxLongSide)
    {
        var rendered = RenditionRenderer.Render(master.Clone(), [], new RenditionOptions { MaxLongSide = maxLongSide, JpegQuality = 100 }, new Ingest.Mask.MaskOptions());
        return MediaGate.Ingest.Decode.PhotoReader.ReadUpright(rendered.Value.Jpeg, new IngestLimits()).Value.Image;
    }

    /// <summary>Mean absolute difference per channel inside the face's box, scaled from master to rendition pixels.</summary>
    public static double DifferenceInFace(RgbImage rendition, RgbImage plain, FaceBox face, double scale)
    {
        int x0 = (int)(face.X * scale), y0 = (int)(face.Y * scale);
        int x1 = Math.Min(rendition.Width, (int)((face.X + face.Width) * scale)), y1 = Math.Min(rendition.Height, (int)((face.Y + face.Height) * scale));
        long sum = 0, count = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                int o = ((y * rendition.Width) + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    sum += Math.Abs(rendition.Pixels[o + c] - plain.Pixels[o + c]);
                    count++;
                }
            }
        }

        return (double)sum / count;
    }
}
