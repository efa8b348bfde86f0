using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest.Render;

/// <summary>
/// Makes a rendition from a master (product.md, Masking). Steps, in order; each that may fail returns an
/// <see cref="IngestFailure"/>, and a failed rendition is never stored:
/// <list type="number">
/// <item>Read (may reject): the master decoded and made upright, within the ingest limits.</item>
/// <item>Check (may reject): every face to mask lies in the picture; one that does not means the faces and the
/// picture do not belong together, so nothing is released.</item>
/// <item>Mask: planned and applied on the FULL-size picture, before any reduction ("Masks are planned on the
/// full-size photo and applied before the reduction"), so the reduction only ever sees the fill.</item>
/// <item>Reduce: an area-averaging downscale to at most <see cref="RenditionOptions.MaxLongSide"/>.</item>
/// <item>Encode (may reject) and Verify (may reject): a JPEG with nothing identifying that decodes completely at
/// its size (the same read-back as every other output).</item>
/// </list>
/// </summary>
public static class RenditionRenderer
{
    public static Outcome<RenderedPhoto> Render(
        ReadOnlySpan<byte> master, IReadOnlyList<DetectedFace> facesToMask, RenditionOptions rendition, IngestOptions ingest)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        Outcome<UprightPhoto> photo = PhotoReader.ReadUpright(master, ingest.Limits);
        return photo.IsSuccess
            ? Render(photo.Value.Image, facesToMask, rendition, ingest.Mask)
            : Outcome<RenderedPhoto>.Fail(photo.Failure);
    }

    /// <summary>The same from upright pixels, which are masked in place (the caller's image is used up).</summary>
    public static Outcome<RenderedPhoto> Render(
        RgbImage upright, IReadOnlyList<DetectedFace> facesToMask, RenditionOptions rendition, MaskOptions mask, MaskYield? yieldToShown = null)
    {
        ArgumentNullException.ThrowIfNull(upright);
        ArgumentNullException.ThrowIfNull(facesToMask);
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(mask);
        if (facesToMask.FirstOrDefault(face => !LiesIn(face, upright)) is { } outside)
        {
            return Outcome<RenderedPhoto>.Fail(
                IngestFailureKind.Corrupt,
                $"A face to mask ({outside.X}, {outside.Y}, {outside.Width}x{outside.Height}) is not inside the {upright.Width}x{upright.Height} picture.");
        }

        var regions = FaceMasker.Plan(facesToMask, mask);
        var shownPixels = yieldToShown?.Save(upright, regions);
        FaceMasker.Apply(upright, regions);
        yieldToShown?.Restore(upright, regions, shownPixels);
        var (width, height) = SizeWithin(upright.Width, upright.Height, rendition.MaxLongSide);
        RgbImage reduced = ImageResampler.Resize(upright, width, height);
        Outcome<byte[]> encoded = JpegEncoder.Encode(reduced, rendition.JpegQuality);
        if (!encoded.IsSuccess)
        {
            return Outcome<RenderedPhoto>.Fail(encoded.Failure);
        }

        Outcome<bool> clean = MetadataVerifier.VerifyClean(encoded.Value);
        if (!clean.IsSuccess)
        {
            return Outcome<RenderedPhoto>.Fail(clean.Failure);
        }

        return JpegDecodeCheck.FindProblem(encoded.Value, width, height) is { } problem
            ? Outcome<RenderedPhoto>.Fail(IngestFailureKind.EncodeFailed, problem)
            : new RenderedPhoto(encoded.Value, width, height);
    }

    /// <summary>The size a picture is reduced to: its own when its long side fits, else scaled to fit, aspect kept.</summary>
    public static (int Width, int Height) SizeWithin(int width, int height, int maxLongSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLongSide);
        int longSide = Math.Max(width, height);
        if (longSide <= maxLongSide)
        {
            return (width, height);
        }

        double scale = (double)maxLongSide / longSide;
        return width >= height
            ? (maxLongSide, Math.Max(1, (int)Math.Round(height * scale)))
            : (Math.Max(1, (int)Math.Round(width * scale)), maxLongSide);
    }

    /// <summary>A face box with a positive size that overlaps the picture (a box partly over an edge is normal).</summary>
    private static bool LiesIn(DetectedFace face, RgbImage image) =>
        float.IsFinite(face.X) && float.IsFinite(face.Y) && float.IsFinite(face.Width) && float.IsFinite(face.Height)
        && face.Width > 0 && face.Height > 0
        && face.X < image.Width && face.Y < image.Height && face.X + face.Width > 0 && face.Y + face.Height > 0;
}
