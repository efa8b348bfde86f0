namespace MediaGate.Ingest.Detect;

/// <summary>
/// Turns BlazeFace back's raw outputs into boxes in input pixels (0..256). Scores are logits (sigmoid);
/// regressors are 16 per anchor in input pixels: centre offset x, y from the anchor centre, width, height,
/// then six key points, which MediaGate does not use.
/// </summary>
internal static class BlazeFaceDecoder
{
    public const int RegressorsPerAnchor = 16;

    // MediaPipe clips logits to +-100 before the sigmoid; this keeps exp() finite for any model output.
    private const float LogitClip = 100f;

    /// <summary>Decodes one of the model's two output groups.</summary>
    /// <param name="scores">Logits, one per anchor of the group.</param>
    /// <param name="regressors">16 values per anchor of the group.</param>
    /// <param name="firstAnchor">Index in <see cref="BlazeFaceAnchors.Centres"/> of the group's first anchor.</param>
    /// <param name="minScore">Keep boxes scoring at least this (after the sigmoid).</param>
    /// <param name="into">Where decoded boxes are added.</param>
    public static void Decode(
        ReadOnlySpan<float> scores, ReadOnlySpan<float> regressors, int firstAnchor, float minScore, List<ScoredBox> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (regressors.Length != scores.Length * RegressorsPerAnchor || firstAnchor + scores.Length > BlazeFaceAnchors.Count)
        {
            throw new ArgumentException("BlazeFace outputs do not match its anchors.", nameof(regressors));
        }

        const float side = BlazeFaceAnchors.InputSide;
        for (var i = 0; i < scores.Length; i++)
        {
            var score = Sigmoid(scores[i]);
            if (score < minScore)
            {
                continue;
            }

            var anchor = BlazeFaceAnchors.Centres[firstAnchor + i];
            var r = regressors.Slice(i * RegressorsPerAnchor, 4);
            var width = r[2];
            var height = r[3];
            if (!(width > 0f && height > 0f))
            {
                continue;
            }

            var box = FaceBox.FromCentre((anchor.X * side) + r[0], (anchor.Y * side) + r[1], width, height);
            into.Add(new ScoredBox(box, score));
        }
    }

    public static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-Math.Clamp(logit, -LogitClip, LogitClip)));
}
