namespace MediaGate.Ingest.Detect;

/// <summary>
/// Turns one stride of YuNet's outputs into boxes in input pixels. Per cell (row-major over
/// (H / stride) x (W / stride)): cls and obj probabilities, score = sqrt(cls x obj); bbox = centre offset
/// in cells (x, y), then log width and log height in strides.
/// </summary>
internal static class YuNetDecoder
{
    public static readonly int[] Strides = [8, 16, 32];

    // A log size above this is not a face at any input size YuNet accepts; it keeps exp() finite.
    private const float MaxLogSize = 10f;

    public static void Decode(
        int stride,
        int inputWidth,
        int inputHeight,
        ReadOnlySpan<float> cls,
        ReadOnlySpan<float> obj,
        ReadOnlySpan<float> bbox,
        float minScore,
        List<ScoredBox> into) => Decode(stride, inputWidth, inputHeight, cls, obj, bbox, [], minScore, into);

    /// <summary>As above, with the key points: per cell five (x, y) offsets in cells, like the box centre;
    /// empty <paramref name="kps"/> means none.</summary>
    public static void Decode(
        int stride,
        int inputWidth,
        int inputHeight,
        ReadOnlySpan<float> cls,
        ReadOnlySpan<float> obj,
        ReadOnlySpan<float> bbox,
        ReadOnlySpan<float> kps,
        float minScore,
        List<ScoredBox> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        var cols = inputWidth / stride;
        var rows = inputHeight / stride;
        var cells = cols * rows;
        if (cls.Length != cells || obj.Length != cells || bbox.Length != cells * 4 || (kps.Length != 0 && kps.Length != cells * 10))
        {
            throw new ArgumentException($"YuNet stride {stride} outputs do not match a {inputWidth}x{inputHeight} input.", nameof(bbox));
        }

        Span<float> p = stackalloc float[10];
        for (var i = 0; i < cells; i++)
        {
            var score = MathF.Sqrt(Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f));
            if (!(score >= minScore))
            {
                continue;
            }

            var row = i / cols;
            var col = i - (row * cols);
            var b = bbox.Slice(i * 4, 4);
            var centreX = (col + b[0]) * stride;
            var centreY = (row + b[1]) * stride;
            var width = MathF.Exp(Math.Min(b[2], MaxLogSize)) * stride;
            var height = MathF.Exp(Math.Min(b[3], MaxLogSize)) * stride;
            FaceLandmarks? landmarks = null;
            if (kps.Length != 0)
            {
                for (var n = 0; n < 10; n += 2)
                {
                    p[n] = (col + kps[(i * 10) + n]) * stride;
                    p[n + 1] = (row + kps[(i * 10) + n + 1]) * stride;
                }

                landmarks = new FaceLandmarks(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
            }

            into.Add(new ScoredBox(FaceBox.FromCentre(centreX, centreY, width, height), score, 0, landmarks));
        }
    }
}
