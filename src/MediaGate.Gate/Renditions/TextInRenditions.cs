using System.Globalization;
using System.Text;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Text;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// Where text is masked (issue 15, product.md "Masking"): in website and publicity renditions only; journal and event
/// renditions go to the children's own families and keep text. A region the manager un-masked is not masked. The text
/// masks come after the faces', never give way to a shown face, and take part in the fingerprint and the pixels key, so
/// a rendition is made again when a region is un-masked and never shares pixels with a journal copy.
/// </summary>
internal static class TextInRenditions
{
    public static bool Applies(Purpose purpose) => purpose is Purpose.Website or Purpose.Publicity;

    /// <summary>The mask boxes of the item's masked regions (empty when none), with the face margin <paramref name="faceMargin"/>.</summary>
    public static IReadOnlyList<DetectedFace> MaskBoxes(IReadOnlyList<TextRegionRecord> regions, double faceMargin) =>
        TextMasks.AsMaskBoxes(
            regions.Where(r => r.Masked).Select(r => new TextRegion((float)r.X, (float)r.Y, (float)r.Width, (float)r.Height, (float)r.Score)),
            faceMargin);

    /// <summary>Everything the decision's rendition masks: its faces, then the text when the purpose masks text.</summary>
    public static IReadOnlyList<DetectedFace> Masks(StoredDecision decision, IReadOnlyList<DetectedFace> text) =>
        Applies(decision.Request.Purpose) && text.Count > 0
            ? [.. RenditionPolicy.FacesToMask(decision), .. text]
            : RenditionPolicy.FacesToMask(decision);

    /// <summary>The faces' yields, and for each text mask: never gives way.</summary>
    public static MaskYield Yield(StoredDecision decision, IReadOnlyList<DetectedFace> text)
    {
        var faces = RenditionPolicy.YieldToShown(decision);
        return Applies(decision.Request.Purpose) && text.Count > 0
            ? new MaskYield([.. faces.Yields, .. text.Select(_ => false)], faces.Shown)
            : faces;
    }

    /// <summary>The faces' pixels key, plus the text masks when the purpose masks text.</summary>
    public static string PixelsKey(StoredDecision decision, IReadOnlyList<DetectedFace> text)
    {
        var key = new StringBuilder(RenditionPolicy.PixelsKey(decision));
        if (Applies(decision.Request.Purpose))
        {
            foreach (var box in text)
            {
                key.Append('t').Append(string.Create(CultureInfo.InvariantCulture, $"{box.X:R},{box.Y:R},{box.Width:R},{box.Height:R}")).Append(';');
            }
        }

        return key.ToString();
    }

    /// <summary>"2 text regions masked" (and how many the manager un-masked), or null when the scan found none.</summary>
    public static string? Sentence(IReadOnlyList<TextRegionRecord> regions)
    {
        if (regions.Count == 0)
        {
            return null;
        }

        int masked = regions.Count(r => r.Masked), shown = regions.Count - masked;
        var text = masked == 1 ? "1 text region masked" : string.Create(CultureInfo.InvariantCulture, $"{masked} text regions masked");
        return shown == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {shown} un-masked by the manager");
    }
}
