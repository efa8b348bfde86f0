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
/// <item>Read (may reject): the master decoded and made upright, within the ingest limits. A JPEG larger than the
/// rendition is decoded in the DCT at the eighth <see cref="JpegDecoder.EighthsFor"/> picks
/// (<see cref="PhotoReader.ReadUpright(ReadOnlySpan{byte}, IngestLimits, int)"/>): a 4000x3000 master is read as 2000x1500
/// and the rendition made at that size, a little under 2048 px, rather than decoded at 2500x1875 and resampled.</item>
/// <item>Check (may reject): every face to mask lies in the full-size picture; one that does not means the faces
/// and the picture do not belong together, so nothing is released.</item>
/// <item>Mask: the boxes are full-size pixels ("Masks are planned on the full-size photo"), mapped onto the decoded
/// picture and applied there, before the reduction ("and applied before the reduction"), so the reduction only ever
/// sees the fill.</item>
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
        ArgumentNullException.ThrowIfNull(rendition);
        Outcome<UprightPhoto> photo = PhotoReader.ReadUpright(master, ingest.Limits, rendition.MaxLongSide);
        return photo.IsSuccess
            ? Render(photo.Value, facesToMask, rendition, ingest.Mask)
            : Outcome<RenderedPhoto>.Fail(photo.Failure);
    }

    /// <summary>
    /// The same from a photo read for the rendition's size (<see cref="PhotoReader.ReadUpright(ReadOnlySpan{byte}, IngestLimits, int)"/>),
    /// whose picture may be smaller than the photo: <paramref name="facesToMask"/> and the yield's faces are in pixels
    /// of the FULL-size upright photo, and the rendition has the size the full-size photo would give. The picture is
    /// masked in place.
    /// </summary>
    public static Outcome<RenderedPhoto> Render(
        UprightPhoto photo, IReadOnlyList<DetectedFace> facesToMask, RenditionOptions rendition, MaskOptions mask, MaskYield? yieldToShown = null)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return Render(photo.Image, photo.Header.UprightWidth, photo.Header.UprightHeight, photo.Geometry, facesToMask, rendition, mask, yieldToShown);
    }

    /// <summary>The same from upright pixels, which are masked in place (the caller's image is used up).</summary>
    public static Outcome<RenderedPhoto> Render(
        RgbImage upright, IReadOnlyList<DetectedFace> facesToMask, RenditionOptions rendition, MaskOptions mask, MaskYield? yieldToShown = null)
    {
        ArgumentNullException.ThrowIfNull(upright);
        return Render(upright, upright.Width, upright.Height, PictureGeometry.Identity, facesToMask, rendition, mask, yieldToShown);
    }

    private static Outcome<RenderedPhoto> Render(
        RgbImage upright, int fullWidth, int fullHeight, PictureGeometry geometry, IReadOnlyList<DetectedFace> facesToMask, RenditionOptions rendition, MaskOptions mask, MaskYield? yieldToShown)
    {
        ArgumentNullException.ThrowIfNull(upright);
        ArgumentNullException.ThrowIfNull(facesToMask);
        ArgumentNullException.ThrowIfNull(rendition);
        ArgumentNullException.ThrowIfNull(mask);
        if (facesToMask.FirstOrDefault(face => !LiesIn(face, fullWidth, fullHeight)) is { } outside)
        {
            return Outcome<RenderedPhoto>.Fail(
                IngestFailureKind.Corrupt,
                $"A face to mask ({outside.X}, {outside.Y}, {outside.Width}x{outside.Height}) is not inside the {fullWidth}x{fullHeight} picture.");
        }

        // The picture is the full size, or a DCT-scaled decode of it: the boxes go where the DCT put their pixels.
        var regions = FaceMasker.Plan([.. facesToMask.Select(geometry.ToPicture)], mask);
        yieldToShown = yieldToShown is null ? null : yieldToShown with { Shown = [.. yieldToShown.Shown.Select(geometry.ToPicture)] };
        var shownPixels = yieldToShown?.Save(upright, regions);
        FaceMasker.Apply(upright, regions);
        yieldToShown?.Restore(upright, regions, shownPixels);
        var (width, height) = SizeFor(upright, fullWidth, fullHeight, rendition.MaxLongSide);
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

    /// <summary>
    /// The size a picture of a photo (<paramref name="fullWidth"/> x <paramref name="fullHeight"/> upright) is reduced to:
    /// <see cref="SizeWithin"/>, or the picture's own size when it is no larger than that on either side, or when its long
    /// side is shorter than that size's (a JPEG decoded in the DCT a little under the size asked,
    /// <see cref="JpegDecoder.EighthsFor"/>): never enlarged. The second case is a short side the DCT's ceil(h x e/8) makes a
    /// pixel longer than the size within rounds it: 8188 x 2041 read at 2/8 is 2047 x 511, within 2048 px is 2048 x 510,
    /// and resampling to that enlarged the picture (found attacking the 95% rule, 2026-12-08).
    /// </summary>
    public static (int Width, int Height) SizeFor(RgbImage picture, int fullWidth, int fullHeight, int maxLongSide)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var (width, height) = SizeWithin(fullWidth, fullHeight, maxLongSide);
        bool fits = picture.Width <= width && picture.Height <= height;
        bool shorter = Math.Max(picture.Width, picture.Height) < Math.Max(width, height);
        return fits || shorter ? (picture.Width, picture.Height) : (width, height);
    }

    /// <summary>A face box with a positive size that overlaps the picture (a box partly over an edge is normal).</summary>
    private static bool LiesIn(DetectedFace face, int width, int height) =>
        float.IsFinite(face.X) && float.IsFinite(face.Y) && float.IsFinite(face.Width) && float.IsFinite(face.Height)
        && face.Width > 0 && face.Height > 0
        && face.X < width && face.Y < height && face.X + face.Width > 0 && face.Y + face.Height > 0;
}
