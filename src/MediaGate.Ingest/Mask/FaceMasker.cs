using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
    public static void Apply(RgbImage image, IReadOnlyList<MaskRegion> regions) => Apply(image, regions, coverage: null);

    /// <summary>
    /// The same with a coverage buffer of at least width x height reused from call to call (a video's frames: at 720p a
    /// new one is 0.9 MB on the large-object heap for every frame); it is cleared here. Null: one is allocated.
    /// </summary>
    internal static void Apply(RgbImage image, IReadOnlyList<MaskRegion> regions, bool[]? coverage)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0)
        {
            return;
        }

        bool[] covered = CoverageOf(image, regions, coverage);
        byte[] fallback = MeanOfUncovered(image, covered);
        foreach (MaskRegion region in regions)
        {
            float[] ring = SampleRing(image, covered, region, fallback);
            Fill(image, region, ring);
        }
    }

    /// <summary>Which pixels lie inside at least one mask.</summary>
    internal static bool[] CoverageOf(RgbImage image, IReadOnlyList<MaskRegion> regions, bool[]? reuse = null)
    {
        int pixels = image.Width * image.Height;
        bool[] covered;
        if (reuse is null)
        {
            covered = new bool[pixels];
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(reuse.Length, pixels, nameof(reuse));
            covered = reuse;
            Array.Clear(covered, 0, pixels);
        }

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

    /// <summary>Fills the region: the ring's colour at the edge, blending smoothly to the ring's mean at the centre.
    /// Eight pixels at a time where the processor has AVX2 (<see cref="FillVectors"/>), the same arithmetic in the same
    /// order as one at a time (<see cref="FillPixel"/>), so the output is the same to the bit (FaceMaskerTests); this was
    /// 40 of the 105 CPU s of a minute's 1080p clip with two large faces (issue 14). <paramref name="vectors"/>: null, eight at a time
    /// where the processor has AVX2; true or false forces one way (the tests compare both).</summary>
    internal static void Fill(RgbImage image, MaskRegion region, float[] ring, bool? vectors = null)
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
        bool wide = vectors ?? Avx2.IsSupported;
        for (int y = y0; y < y1; y++)
        {
            var (x0, x1) = RowSpan(region, y, image.Width);
            float v = (float)((y + 0.5 - region.CenterY) / region.HalfHeight);
            float v2 = v * v;
            int x = wide ? FillVectors(px, y * image.Width, x0, x1, region.CenterX, inverseHalfWidth, v, v2, ring, centre, binsPerRadian) : x0;
            for (; x < x1; x++)
            {
                float u = (float)(x + 0.5 - region.CenterX) * inverseHalfWidth;
                FillPixel(px, ((y * image.Width) + x) * 3, u, v, v2, ring, centre, binsPerRadian);
            }
        }
    }

    /// <summary>One pixel of the fill, at (u, v) in half-sides from the centre.</summary>
    private static void FillPixel(byte[] px, int offset, float u, float v, float v2, float[] ring, ReadOnlySpan<float> centre, float binsPerRadian)
    {
        float u2 = u * u;
        float rho = MathF.Min(1f, MathF.Sqrt(MathF.Sqrt((u2 * u2) + (v2 * v2))));
        float position = FastAngle(v, u) * binsPerRadian;
        int bin0 = (int)position % AngleBins;
        int bin1 = (bin0 + 1) % AngleBins;
        float frac = position - MathF.Floor(position);
        float blend = rho * rho * (3 - (2 * rho));
        for (int ch = 0; ch < 3; ch++)
        {
            float edge = (ring[(bin0 * 3) + ch] * (1 - frac)) + (ring[(bin1 * 3) + ch] * frac);
            float value = centre[ch] + ((edge - centre[ch]) * blend);
            px[offset + ch] = (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
        }
    }

    /// <summary>
    /// <see cref="FillPixel"/> for the pixels [x0, x0 + 8k) of one row, eight at a time (AVX2; the ring's colours gathered
    /// by bin); returns the first pixel left for <see cref="FillPixel"/>. Same operations, same order, same rounding.
    /// </summary>
    private static unsafe int FillVectors(
        byte[] px, int rowStart, int x0, int x1, double centreX, float inverseHalfWidth, float v, float v2, float[] ring, ReadOnlySpan<float> centre, float binsPerRadian)
    {
        Vector256<float> one = Vector256.Create(1f);
        Vector256<double> halves = Vector256.Create(0.5, 1.5, 2.5, 3.5);
        Vector256<double> centre4 = Vector256.Create(centreX);
        Vector256<float> inverse = Vector256.Create(inverseHalfWidth);
        Vector256<float> vv = Vector256.Create(v);
        Vector256<float> v4 = Vector256.Create(v2 * v2);
        Vector256<float> ay = Vector256.Abs(vv);
        Vector256<float> bins = Vector256.Create(binsPerRadian);
        Vector256<int> binCount = Vector256.Create(AngleBins);
        int x = x0;
        fixed (float* ringAt = ring)
        {
            for (; x + 8 <= x1; x += 8)
            {
                // (float)(x + k + 0.5 - centreX) * inverseHalfWidth: x + k + 0.5 is exact in a double, then one rounding each, as one at a time.
                Vector256<double> left = (Vector256.Create((double)x) + halves) - centre4;
                Vector256<double> right = (Vector256.Create((double)(x + 4)) + halves) - centre4;
                Vector256<float> u = Vector256.Narrow(left, right) * inverse;
                Vector256<float> u2 = u * u;
                Vector256<float> rho = Vector256.Min(one, Vector256.Sqrt(Vector256.Sqrt((u2 * u2) + v4)));

                // FastAngle(v, u), lane by lane.
                Vector256<float> ax = Vector256.Abs(u);
                Vector256<float> max = Vector256.Max(ax, ay);
                Vector256<float> a = Vector256.Min(ax, ay) / max;
                Vector256<float> s = a * a;
                Vector256<float> r = (((((Vector256.Create(-0.0464964749f) * s) + Vector256.Create(0.15931422f)) * s) - Vector256.Create(0.327622764f)) * s * a) + a;
                r = Vector256.ConditionalSelect(Vector256.GreaterThan(ay, ax), Vector256.Create(MathF.PI / 2) - r, r);
                r = Vector256.ConditionalSelect(Vector256.LessThan(u, Vector256<float>.Zero), Vector256.Create(MathF.PI) - r, r);
                r = v < 0 ? Vector256.Create(2 * MathF.PI) - r : r;
                r = Vector256.ConditionalSelect(Vector256.Equals(max, Vector256<float>.Zero), Vector256<float>.Zero, r);

                Vector256<float> position = r * bins;
                Vector256<int> bin0 = Vector256.ConvertToInt32(position);
                bin0 = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(bin0, binCount), bin0 - binCount, bin0);
                Vector256<int> bin1 = bin0 + Vector256<int>.One;
                bin1 = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(bin1, binCount), bin1 - binCount, bin1);
                Vector256<float> frac = position - Vector256.Floor(position);
                Vector256<float> blend = rho * rho * (Vector256.Create(3f) - (Vector256.Create(2f) * rho));
                Vector256<int> index0 = bin0 * 3;
                Vector256<int> index1 = bin1 * 3;
                Vector256<int> red = Channel(ringAt, index0, index1, frac, blend, centre[0], 0);
                Vector256<int> green = Channel(ringAt, index0, index1, frac, blend, centre[1], 1);
                Vector256<int> blue = Channel(ringAt, index0, index1, frac, blend, centre[2], 2);

                // R0..R7 G0..G7 | B0..B7, then interleaved to R0 G0 B0 R1... (24 bytes).
                Vector256<byte> planar = Vector256.Narrow(Vector256.Narrow(red, green), Vector256.Narrow(blue, Vector256<int>.Zero)).AsByte();
                Vector128<byte> redGreen = planar.GetLower();
                Vector128<byte> blues = planar.GetUpper();
                Vector128<byte> first = Vector128.Shuffle(redGreen, FirstFromRedGreen) | Vector128.Shuffle(blues, FirstFromBlue);
                Vector128<byte> second = Vector128.Shuffle(redGreen, SecondFromRedGreen) | Vector128.Shuffle(blues, SecondFromBlue);
                int offset = (rowStart + x) * 3;
                first.CopyTo(px, offset);
                BinaryPrimitives.WriteUInt64LittleEndian(px.AsSpan(offset + 16, 8), second.AsUInt64().ToScalar());
            }
        }

        return x;
    }

    // Byte shuffles from planar R0..R7 G0..G7 (and B0..B7) to interleaved RGB; 0xFF picks nothing (zero).
    private static readonly Vector128<byte> FirstFromRedGreen = Vector128.Create((byte)0, 8, 0xFF, 1, 9, 0xFF, 2, 10, 0xFF, 3, 11, 0xFF, 4, 12, 0xFF, 5);
    private static readonly Vector128<byte> FirstFromBlue = Vector128.Create((byte)0xFF, 0xFF, 0, 0xFF, 0xFF, 1, 0xFF, 0xFF, 2, 0xFF, 0xFF, 3, 0xFF, 0xFF, 4, 0xFF);
    private static readonly Vector128<byte> SecondFromRedGreen = Vector128.Create((byte)13, 0xFF, 6, 14, 0xFF, 7, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
    private static readonly Vector128<byte> SecondFromBlue = Vector128.Create((byte)0xFF, 5, 0xFF, 0xFF, 6, 0xFF, 0xFF, 7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);

    /// <summary>The ring's values at eight indices: one AVX2 gather, or eight loads where the processor has none (the tests
    /// run the eight-at-a-time fill on any machine).</summary>
    private static unsafe Vector256<float> Gather(float* ringAt, Vector256<int> index) => Avx2.IsSupported
        ? Avx2.GatherVector256(ringAt, index, 4)
        : Vector256.Create(
            ringAt[index[0]], ringAt[index[1]], ringAt[index[2]], ringAt[index[3]], ringAt[index[4]], ringAt[index[5]], ringAt[index[6]], ringAt[index[7]]);

    /// <summary>One colour channel of eight pixels of <see cref="FillVectors"/>, rounded and clamped to 0..255.</summary>
    private static unsafe Vector256<int> Channel(float* ringAt, Vector256<int> index0, Vector256<int> index1, Vector256<float> frac, Vector256<float> blend, float centre, int ch)
    {
        Vector256<int> channel = Vector256.Create(ch);
        Vector256<float> edge = (Gather(ringAt, index0 + channel) * (Vector256.Create(1f) - frac)) + (Gather(ringAt, index1 + channel) * frac);
        Vector256<float> c = Vector256.Create(centre);
        Vector256<float> value = c + ((edge - c) * blend);
        Vector256<int> rounded = Vector256.ConvertToInt32(Vector256.Round(value));
        return Vector256.Min(Vector256.Max(rounded, Vector256<int>.Zero), Vector256.Create(255));
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
