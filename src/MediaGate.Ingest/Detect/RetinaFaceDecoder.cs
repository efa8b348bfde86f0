namespace MediaGate.Ingest.Detect;

/// <summary>
/// Turns RetinaFace's outputs into boxes in input pixels (pure). Per prior: offsets (dx, dy, dw, dh) decoded with
/// variances 0.1 for the centre and 0.2 for the size (centre = prior centre + d x 0.1 x prior size; size = prior
/// size x exp(d x 0.2)), and two class scores (background, face) that the export already passes through softmax.
/// </summary>
internal static class RetinaFaceDecoder
{
    public const float CentreVariance = 0.1f;

    public const float SizeVariance = 0.2f;

    // A log-size offset above this is no face at 640 px; it keeps exp() finite.
    private const float MaxSizeOffset = 20f;

    /// <param name="priors">From <see cref="RetinaFacePriors.Generate"/>: four floats per prior.</param>
    /// <param name="offsets">Output 0: four floats per prior.</param>
    /// <param name="scores">Output 1: background and face probability per prior.</param>
    /// <param name="minScore">Only boxes whose face probability reaches this are added.</param>
    /// <param name="into">Boxes found, in input pixels.</param>
    public static void Decode(ReadOnlySpan<float> priors, ReadOnlySpan<float> offsets, ReadOnlySpan<float> scores, float minScore, List<ScoredBox> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var count = priors.Length / 4;
        if (priors.Length != count * 4 || offsets.Length != count * 4 || scores.Length != count * 2)
        {
            throw new ArgumentException($"RetinaFace outputs do not match {count} priors.", nameof(offsets));
        }

        for (var i = 0; i < count; i++)
        {
            var score = scores[(2 * i) + 1];
            if (!(score >= minScore))
            {
                continue;
            }

            var p = priors.Slice(4 * i, 4);
            var d = offsets.Slice(4 * i, 4);
            var centreX = p[0] + (d[0] * CentreVariance * p[2]);
            var centreY = p[1] + (d[1] * CentreVariance * p[3]);
            var width = p[2] * MathF.Exp(Math.Min(d[2] * SizeVariance, MaxSizeOffset));
            var height = p[3] * MathF.Exp(Math.Min(d[3] * SizeVariance, MaxSizeOffset));
            into.Add(new ScoredBox(FaceBox.FromCentre(centreX, centreY, width, height), Math.Clamp(score, 0f, 1f)));
        }
    }
}
