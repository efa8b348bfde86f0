using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Mask;

/// <summary>
/// Masks faces irreversibly (product.md, Masking): blurred or pixelated faces can be re-identified in a
/// small closed set like a nursery class, so no output pixel inside a mask is computed from any pixel
/// inside any mask. Each mask is filled from the colours just outside the union of all masks, sampled along
/// rays from the centre and blended towards their mean: it looks like a soft blur of the surroundings but
/// carries nothing of the face. Pixels outside every mask are left unchanged.
/// </summary>
public static class FaceMasker
{
    // Angular resolution of the colours sampled around each mask; smoothed so the fill has no streaks.
    private const int AngleBins = 96;
    private const int SmoothingRadius = 4;
    private const int SamplesPerRay = 6;
    private static readonly byte[] NeutralGrey = [128, 128, 128];

    /// <summary>The mask regions for the given faces.</summary>
    public static IReadOnlyList<MaskRegion> Plan(IReadOnlyList<DetectedFace> faces, MaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(options);
        return faces.Select(face => MaskRegion.Around(face, options.Margin)).ToArray();
    }

    /// <summary>Masks every region in place.</summary>
    public static void Apply(RgbImage image, IReadOnlyList<MaskRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0)
        {
            return;
        }

        bool[] covered = CoverageOf(image, regions);
        byte[] fallback = MeanOfUncovered(image, covered);
        foreach (MaskRegion region in regions)
        {
            float[] ring = SampleRing(image, covered, region, fallback);
            Fill(image, region, ring);
        }
    }

    /// <summary>Which pixels lie inside at least one mask.</summary>
    internal static bool[] CoverageOf(RgbImage image, IReadOnlyList<MaskRegion> regions)
    {
        var covered = new bool[image.Width * image.Height];
        foreach (MaskRegion region in regions)
        {
            var (_, y0, _, y1) = region.PixelBounds(image.Width, image.Height);
            for (int y = y0; y < y1; y++)
            {
                var (x0, x1) = RowSpan(region, y, image.Width);
                covered.AsSpan((y * image.Width) + x0, Math.Max(0, x1 - x0)).Fill(true);
            }
        }

        return covered;
    }

    /// <summary>
    /// The pixels [x0, x1) of row y whose centres lie inside the region, solved from the superellipse per row
    /// (|u| &lt;= (1 - v^4)^(1/4)) instead of testing every pixel; the edges are checked with
    /// <see cref="MaskRegion.Contains"/> so that the span agrees with it exactly.
    /// </summary>
    internal static (int X0, int X1) RowSpan(MaskRegion region, int y, int width)
    {
        double v = (y + 0.5 - region.CenterY) / region.HalfHeight;
        double v4 = v * v * v * v;
        if (v4 > 1.0)
        {
            return (0, 0);
        }

        double halfSpan = region.HalfWidth * Math.Sqrt(Math.Sqrt(1.0 - v4));
        int x0 = Math.Clamp((int)Math.Floor(region.CenterX - halfSpan - 0.5) - 1, 0, width);
        int x1 = Math.Clamp((int)Math.Ceiling(region.CenterX + halfSpan - 0.5) + 2, 0, width);
        while (x0 < x1 && !region.Contains(x0, y))
        {
            x0++;
        }

        while (x1 > x0 && !region.Contains(x1 - 1, y))
        {
            x1--;
        }

        return (x0, x1);
    }

    /// <summary>
    /// The colour around the region at each of <see cref="AngleBins"/> angles (RGB floats, 3 per bin): the
    /// mean of the first uncovered pixels met walking outwards from the mask's edge.
    /// </summary>
    private static float[] SampleRing(RgbImage image, bool[] covered, MaskRegion region, byte[] fallback)
    {
        var ring = new float[AngleBins * 3];
        var found = new bool[AngleBins];
        byte[] px = image.Pixels;
        for (int bin = 0; bin < AngleBins; bin++)
        {
            double theta = 2 * Math.PI * bin / AngleBins;
            (double ex, double ey) = EdgeOffset(region, theta);
            double edgeLength = Math.Max(1.0, Math.Sqrt((ex * ex) + (ey * ey)));
            double maxT = 1.0 + (Math.Max(16.0, 0.5 * edgeLength) / edgeLength);
            double step = 1.0 / edgeLength;
            int count = 0;
            float r = 0, g = 0, b = 0;
            for (double t = 1.0 + step; t <= maxT && count < SamplesPerRay; t += step)
            {
                int x = (int)Math.Floor(region.CenterX + (ex * t));
                int y = (int)Math.Floor(region.CenterY + (ey * t));
                if ((uint)x >= (uint)image.Width || (uint)y >= (uint)image.Height)
                {
                    break;
                }

                int index = (y * image.Width) + x;
                if (covered[index])
                {
                    continue;
                }

                int offset = index * 3;
                r += px[offset];
                g += px[offset + 1];
                b += px[offset + 2];
                count++;
            }

            if (count > 0)
            {
                ring[bin * 3] = r / count;
                ring[(bin * 3) + 1] = g / count;
                ring[(bin * 3) + 2] = b / count;
                found[bin] = true;
            }
        }

        FillGaps(ring, found, fallback);
        for (int pass = 0; pass < 2; pass++)
        {
            SmoothCircular(ring);
        }

        return ring;
    }

    /// <summary>The vector from the centre to the superellipse's edge at angle theta.</summary>
    private static (double X, double Y) EdgeOffset(MaskRegion region, double theta)
    {
        double c = Math.Cos(theta);
        double s = Math.Sin(theta);
        double c2 = c * c;
        double s2 = s * s;
        double scale = 1.0 / Math.Sqrt(Math.Sqrt((c2 * c2) + (s2 * s2)));
        return (region.HalfWidth * c * scale, region.HalfHeight * s * scale);
    }

    /// <summary>Angles where no uncovered pixel was found (image edge, neighbouring masks) take the nearest found colours.</summary>
    private static void FillGaps(float[] ring, bool[] found, byte[] fallback)
    {
        int firstFound = Array.IndexOf(found, true);
        if (firstFound < 0)
        {
            for (int bin = 0; bin < AngleBins; bin++)
            {
                ring[bin * 3] = fallback[0];
                ring[(bin * 3) + 1] = fallback[1];
                ring[(bin * 3) + 2] = fallback[2];
            }

            return;
        }

        for (int bin = 0; bin < AngleBins; bin++)
        {
            if (found[bin])
            {
                continue;
            }

            int before = bin;
            int distBefore = 0;
            while (!found[before])
            {
                before = (before + AngleBins - 1) % AngleBins;
                distBefore++;
            }

            int after = bin;
            int distAfter = 0;
            while (!found[after])
            {
                after = (after + 1) % AngleBins;
                distAfter++;
            }

            float w = distBefore / (float)(distBefore + distAfter);
            for (int ch = 0; ch < 3; ch++)
            {
                ring[(bin * 3) + ch] = (ring[(before * 3) + ch] * (1 - w)) + (ring[(after * 3) + ch] * w);
            }
        }
    }

    private static void SmoothCircular(float[] ring)
    {
        var source = (float[])ring.Clone();
        int window = (2 * SmoothingRadius) + 1;
        for (int bin = 0; bin < AngleBins; bin++)
        {
            for (int ch = 0; ch < 3; ch++)
            {
                float sum = 0;
                for (int k = -SmoothingRadius; k <= SmoothingRadius; k++)
                {
                    sum += source[((((bin + k) % AngleBins) + AngleBins) % AngleBins * 3) + ch];
                }

                ring[(bin * 3) + ch] = sum / window;
            }
        }
    }

    /// <summary>Fills the region: the ring's colour at the edge, blending smoothly to the ring's mean at the centre.</summary>
    private static void Fill(RgbImage image, MaskRegion region, float[] ring)
    {
        Span<float> centre = stackalloc float[3];
        for (int bin = 0; bin < AngleBins; bin++)
        {
            for (int ch = 0; ch < 3; ch++)
            {
                centre[ch] += ring[(bin * 3) + ch] / AngleBins;
            }
        }

        byte[] px = image.Pixels;
        var (_, y0, _, y1) = region.PixelBounds(image.Width, image.Height);
        float inverseHalfWidth = (float)(1.0 / region.HalfWidth);
        float binsPerRadian = AngleBins / (2 * MathF.PI);
        for (int y = y0; y < y1; y++)
        {
            var (x0, x1) = RowSpan(region, y, image.Width);
            float v = (float)((y + 0.5 - region.CenterY) / region.HalfHeight);
            float v2 = v * v;
            for (int x = x0; x < x1; x++)
            {
                float u = (float)(x + 0.5 - region.CenterX) * inverseHalfWidth;
                float u2 = u * u;
                float rho = MathF.Min(1f, MathF.Sqrt(MathF.Sqrt((u2 * u2) + (v2 * v2))));
                float position = FastAngle(v, u) * binsPerRadian;
                int bin0 = (int)position % AngleBins;
                int bin1 = (bin0 + 1) % AngleBins;
                float frac = position - MathF.Floor(position);
                float blend = rho * rho * (3 - (2 * rho));
                int offset = ((y * image.Width) + x) * 3;
                for (int ch = 0; ch < 3; ch++)
                {
                    float edge = (ring[(bin0 * 3) + ch] * (1 - frac)) + (ring[(bin1 * 3) + ch] * frac);
                    float value = centre[ch] + ((edge - centre[ch]) * blend);
                    px[offset + ch] = (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
                }
            }
        }
    }

    /// <summary>
    /// atan2(y, x) mapped to [0, 2 pi), by a polynomial good to about 0.001 rad: the fill is smooth across
    /// angle bins, so this precision is more than enough, and it is several times cheaper than Math.Atan2.
    /// </summary>
    internal static float FastAngle(float y, float x)
    {
        float ax = MathF.Abs(x);
        float ay = MathF.Abs(y);
        float max = MathF.Max(ax, ay);
        if (max == 0f)
        {
            return 0f;
        }

        float a = MathF.Min(ax, ay) / max;
        float s = a * a;
        float r = ((((-0.0464964749f * s) + 0.15931422f) * s) - 0.327622764f) * s * a + a;
        if (ay > ax)
        {
            r = (MathF.PI / 2) - r;
        }

        if (x < 0)
        {
            r = MathF.PI - r;
        }

        return y < 0 ? (2 * MathF.PI) - r : r;
    }

    /// <summary>Mean colour of the uncovered pixels on a coarse grid: used only when a mask has nothing uncovered around it.</summary>
    private static byte[] MeanOfUncovered(RgbImage image, bool[] covered)
    {
        long r = 0, g = 0, b = 0, n = 0;
        int stepX = Math.Max(1, image.Width / 64);
        int stepY = Math.Max(1, image.Height / 64);
        for (int y = 0; y < image.Height; y += stepY)
        {
            for (int x = 0; x < image.Width; x += stepX)
            {
                int index = (y * image.Width) + x;
                if (covered[index])
                {
                    continue;
                }

                r += image.Pixels[index * 3];
                g += image.Pixels[(index * 3) + 1];
                b += image.Pixels[(index * 3) + 2];
                n++;
            }
        }

        return n == 0 ? NeutralGrey : [(byte)(r / n), (byte)(g / n), (byte)(b / n)];
    }
}
