using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Orient;
using MediaGate.Ingest.Sniff;
using MediaGate.Ingest.Verify;

namespace MediaGate.Ingest;

/// <summary>
/// The gate a photo passes through. Steps, in order (those marked "may reject" end the run with an
/// <see cref="IngestFailure"/>, and a rejected photo is never released):
/// <list type="number">
/// <item>Sniff (may reject): the real format from the bytes, the size from the header, the limits checked before any pixel memory is allocated.</item>
/// <item>Decode (may reject): native codecs to RGB.</item>
/// <item>Orient: the EXIF orientation applied to the pixels.</item>
/// <item>Detect (may reject): every face at or above the doubt threshold; a failed detector fails the photo.</item>
/// <item>Mask: every face to be hidden is filled irreversibly.</item>
/// <item>Encode (may reject): JPEG, with no metadata.</item>
/// <item>Verify (may reject): the output is read back; anything identifying left rejects it, and it must decode completely, upright, at the expected size.</item>
/// </list>
/// <see cref="Strip"/> runs Sniff, then for a JPEG the lossless path (libjpeg's transcoder writes the DCT
/// coefficients again, upright, with no marker copied) and, where that is not possible (an imperfect
/// rotation, a tolerable decoder warning), Decode, Orient and Encode; then Verify. A JPEG that libjpeg
/// cannot read completely is refused, not re-encoded. <see cref="Detect(PhotoContext, int?)"/> stops after Detect.
/// <see cref="Anonymise(PhotoContext, int?)"/> treats every face as an unknown child (no consent) and masks them all.
/// </summary>
public sealed class IngestPipeline
{
    private readonly IFaceDetector? _detector;
    private readonly IngestOptions _options;

    public IngestPipeline(IFaceDetector? detector, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _detector = detector;
        _options = options;
    }

    /// <summary>
    /// The pixels <paramref name="photo"/> will decode to, from its header (0 when the header is refused: the
    /// photo then fails at its first step without decoding anything). For a <see cref="Concurrency.PixelBudget"/>.
    /// </summary>
    public long PixelsOf(PhotoContext photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        Outcome<ImageHeader> header = Sniff(photo);
        return header.IsSuccess ? (long)header.Value.Width * header.Value.Height : 0;
    }

    /// <summary>Upright, metadata-free copy; lossless for JPEGs where no pixel has to change.</summary>
    public Outcome<PhotoContext> Strip(PhotoContext photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        Outcome<ImageHeader> header = Sniff(photo);
        if (!header.IsSuccess)
        {
            return header.Failure;
        }

        if (header.Value.Format == ImageFormat.Jpeg)
        {
            Outcome<byte[]> lossless = photo.Timed("strip", () => JpegLosslessStripper.Strip(photo.Input, header.Value.Orientation));
            if (lossless.IsSuccess)
            {
                photo.Output = lossless.Value;
                photo.Method = OutputMethod.Lossless;
                return Verify(photo);
            }

            if (lossless.Failure.Kind != IngestFailureKind.EncodeFailed)
            {
                return lossless.Failure;
            }

            // Not losslessly possible (a rotation with partial MCUs, a warning the decoder tolerates): decode and re-encode below.
        }

        return Chain(photo, DecodeUpright, Encode, Verify);
    }

    /// <summary>Sniff, decode, orient and detect, without producing an output.</summary>
    public Outcome<PhotoContext> Detect(PhotoContext photo) => Detect(photo, maxSide: null);

    /// <summary>
    /// Sniff, decode, orient and detect on the photo reduced to at most <paramref name="maxSide"/> on its long side
    /// (product.md, Masking: the faces that must be found are those that can be seen at the rendition size). A JPEG is
    /// decoded in the DCT at the smallest scale whose long side is still at least that (a part of a full decode's
    /// work), other formats whole; then both are resampled down to the rendition's size and searched with the
    /// detector's whole pyramid, enlarged tiles included. The faces come back in pixels of the FULL-size upright
    /// photo, so masks are planned on it as before; <see cref="PhotoContext.Image"/> is the reduced picture.
    /// Null, or a photo that already fits: the full size, as <see cref="Detect(PhotoContext)"/> always did.
    /// </summary>
    public Outcome<PhotoContext> Detect(PhotoContext photo, int? maxSide)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (maxSide is { } side)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
            return Chain(photo, SniffStep, p => DecodeReduced(p, side), DetectFaces);
        }

        return Chain(photo, SniffStep, DecodeUpright, DetectFaces);
    }

    /// <summary>Every face masked, upright, metadata-free JPEG.</summary>
    public Outcome<PhotoContext> Anonymise(PhotoContext photo) => Anonymise(photo, maxSide: null);

    /// <summary>
    /// Every face masked, upright, metadata-free JPEG, at most <paramref name="maxSide"/> on its long side. The photo is
    /// decoded once, reduced (a JPEG in the DCT, as <see cref="Detect(PhotoContext, int?)"/>), its faces found on that
    /// picture, masked on it and written: the full size is never decoded. Masks are irreversible fills planned from
    /// boxes found at this very size, so masking here hides what masking at full size and then reducing would.
    /// <see cref="PhotoContext.Faces"/> stay in full-size pixels; <see cref="PhotoContext.Masks"/> are in the output's.
    /// Null: full size throughout.
    /// </summary>
    public Outcome<PhotoContext> Anonymise(PhotoContext photo, int? maxSide)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (maxSide is { } side)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
            return Chain(photo, SniffStep, p => DecodeReduced(p, side), DetectFaces, MaskAll, Encode, Verify);
        }

        return Chain(photo, SniffStep, DecodeUpright, DetectFaces, MaskAll, Encode, Verify);
    }

    /// <summary>
    /// The pixels <see cref="Detect(PhotoContext, int?)"/> and <see cref="Anonymise(PhotoContext, int?)"/> decode at once for <paramref name="photo"/>: the scaled
    /// decode and the reduced copy (0 when the header is refused). For a <see cref="Concurrency.PixelBudget"/>.
    /// </summary>
    public long PixelsOf(PhotoContext photo, int? maxSide)
    {
        ArgumentNullException.ThrowIfNull(photo);
        Outcome<ImageHeader> header = Sniff(photo);
        if (!header.IsSuccess)
        {
            return 0;
        }

        return maxSide is { } side ? PhotoReader.PixelsWithin(header.Value, side) : (long)header.Value.Width * header.Value.Height;
    }

    private static Outcome<PhotoContext> Chain(PhotoContext photo, params Func<PhotoContext, Outcome<PhotoContext>>[] steps)
    {
        foreach (Func<PhotoContext, Outcome<PhotoContext>> step in steps)
        {
            Outcome<PhotoContext> outcome = step(photo);
            if (!outcome.IsSuccess)
            {
                return outcome;
            }
        }

        return photo;
    }

    private Outcome<ImageHeader> Sniff(PhotoContext photo)
    {
        if (photo.Header is { } known)
        {
            return known;
        }

        Outcome<ImageHeader> header = photo.Timed("sniff", () => InputGuard.Inspect(photo.Input, _options.Limits));
        if (header.IsSuccess)
        {
            photo.Header = header.Value;
        }

        return header;
    }

    private Outcome<PhotoContext> SniffStep(PhotoContext photo)
    {
        Outcome<ImageHeader> header = Sniff(photo);
        return header.IsSuccess ? photo : header.Failure;
    }

    private Outcome<PhotoContext> DecodeUpright(PhotoContext photo)
    {
        Outcome<ImageHeader> header = Sniff(photo);
        if (!header.IsSuccess)
        {
            return header.Failure;
        }

        Outcome<RgbImage> decoded = photo.Timed("decode", () => ImageDecoder.Decode(photo.Input, header.Value));
        if (!decoded.IsSuccess)
        {
            return decoded.Failure;
        }

        photo.Image = photo.Timed("orient", () => Orientation.ApplyExif(decoded.Value, header.Value.Orientation));
        return photo;
    }

    /// <summary>
    /// Decodes the photo reduced for detection: a JPEG in the DCT (<see cref="JpegDecoder.EighthsFor"/>), anything else
    /// whole; then made upright and resampled down to the rendition's size, or kept at its own when it is already under it.
    /// </summary>
    private Outcome<PhotoContext> DecodeReduced(PhotoContext photo, int maxSide)
    {
        Outcome<ImageHeader> header = Sniff(photo);
        if (!header.IsSuccess)
        {
            return header.Failure;
        }

        var stored = header.Value;
        if (Math.Max(stored.Width, stored.Height) <= maxSide)
        {
            return DecodeUpright(photo);
        }

        Outcome<RgbImage> decoded = photo.Timed("decode", () => PhotoReader.DecodeWithin(photo.Input, stored, maxSide));
        if (!decoded.IsSuccess)
        {
            return decoded.Failure;
        }

        photo.Eighths = PhotoReader.EighthsWithin(stored, maxSide);

        RgbImage upright = photo.Timed("orient", () => Orientation.ApplyExif(decoded.Value, stored.Orientation));
        var (width, height) = Render.RenditionRenderer.SizeFor(upright, photo.UprightWidth, photo.UprightHeight, maxSide);
        photo.Image = photo.Timed("reduce", () => ImageResampler.Resize(upright, width, height));
        return photo;
    }

    private Outcome<PhotoContext> DetectFaces(PhotoContext photo)
    {
        if (_detector is null)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, "No face detector is configured.");
        }

        RgbImage searched = photo.Image!;
        Outcome<IReadOnlyList<DetectedFace>> faces = photo.Timed("detect", () => _detector.Detect(searched));
        if (!faces.IsSuccess)
        {
            return faces.Failure;
        }

        var geometry = photo.Geometry;
        photo.Faces = [.. faces.Value.Select(geometry.ToFullSize)];
        return photo;
    }

    private Outcome<PhotoContext> MaskAll(PhotoContext photo)
    {
        photo.Timed("mask", () =>
        {
            // Planned in the pixels of the picture being masked: the full size, or the reduced output of an anonymise with a size.
            var geometry = photo.Geometry;
            photo.Masks = FaceMasker.Plan([.. photo.Faces!.Select(geometry.ToPicture)], _options.Mask);
            FaceMasker.Apply(photo.Image!, photo.Masks);
            return true;
        });
        return photo;
    }

    private Outcome<PhotoContext> Encode(PhotoContext photo)
    {
        Outcome<byte[]> encoded = photo.Timed("encode", () => JpegEncoder.Encode(photo.Image!, _options.JpegQuality));
        if (!encoded.IsSuccess)
        {
            return encoded.Failure;
        }

        photo.Output = encoded.Value;
        photo.Method = OutputMethod.Reencoded;
        return photo;
    }

    private static Outcome<PhotoContext> Verify(PhotoContext photo)
    {
        Outcome<bool> clean = photo.Timed("verify", () => MetadataVerifier.VerifyClean(photo.Output!));
        if (!clean.IsSuccess)
        {
            photo.Output = null;
            return clean.Failure;
        }

        // The size the output must have: the encoded picture's, or for the lossless path the header's, upright.
        var header = photo.Header!;
        var upright = photo.Image is { } image ? (image.Width, image.Height)
            : header.Orientation >= 5 ? (Width: header.Height, Height: header.Width) : (header.Width, header.Height);
        string? undecodable = photo.Timed("verify-decode", () => JpegDecodeCheck.FindProblem(photo.Output!, upright.Width, upright.Height));
        if (undecodable is not null)
        {
            photo.Output = null;
            return new IngestFailure(IngestFailureKind.EncodeFailed, undecodable);
        }

        return photo;
    }
}
