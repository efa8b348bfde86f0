using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Text;

/// <summary>
/// Text regions as masks (issue 15): the same irreversible fill as faces (<see cref="Mask.FaceMasker"/>), with a margin.
/// A face mask is a rounded box whose half-sides are the face box's times the face margin; a word is long and low, so
/// it gets its own margin instead: <see cref="MarginOfHeight"/> of its height on every side (at least
/// <see cref="MinMarginPixels"/>), and the rounded box is made just large enough that the padded box's corners lie on
/// it. The result is handed to the masker as a box that the face margin grows to exactly that rounded box.
/// </summary>
public static class TextMasks
{
    /// <summary>Padding on each side of a text box, as a share of its height: the unclipped box can still cut descenders.</summary>
    public const double MarginOfHeight = 0.25;

    /// <summary>Padding on each side of a text box at least, in pixels.</summary>
    public const double MinMarginPixels = 2.0;

    // A superellipse |u|^4 + |v|^4 <= 1 passes through the corners of a box whose half-sides are its own over 2^(1/4).
    private static readonly double CornerFactor = Math.Pow(2.0, 0.25);

    /// <summary>The boxes to pass to the masker (with <paramref name="faceMargin"/>, the face mask margin) for these regions.</summary>
    public static IReadOnlyList<DetectedFace> AsMaskBoxes(IEnumerable<TextRegion> regions, double faceMargin)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(faceMargin);
        return regions.Select(r =>
        {
            double pad = Math.Max(MinMarginPixels, r.Height * MarginOfHeight);
            double width = (r.Width + (2 * pad)) * CornerFactor / faceMargin;
            double height = (r.Height + (2 * pad)) * CornerFactor / faceMargin;
            double cx = r.X + (r.Width / 2.0), cy = r.Y + (r.Height / 2.0);
            return new DetectedFace((float)(cx - (width / 2)), (float)(cy - (height / 2)), (float)width, (float)height, r.Score, Uncertain: false);
        }).ToList();
    }
}
