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
/// cannot read completely is refused, not re-encoded. <see cref="Detect"/> stops after Detect.
/// <see cref="Anonymise"/> treats every face as an unknown child (no consent) and masks them all.
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
    public Outcome<PhotoContext> Detect(PhotoContext photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return Chain(photo, SniffStep, DecodeUpright, DetectFaces);
    }

    /// <summary>Every face masked, upright, metadata-free JPEG.</summary>
    public Outcome<PhotoContext> Anonymise(PhotoContext photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return Chain(photo, SniffStep, DecodeUpright, DetectFaces, MaskAll, Encode, Verify);
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

    private Outcome<PhotoContext> DetectFaces(PhotoContext photo)
    {
        if (_detector is null)
        {
            return new IngestFailure(IngestFailureKind.DetectionFailed, "No face detector is configured.");
        }

        Outcome<IReadOnlyList<DetectedFace>> faces = photo.Timed("detect", () => _detector.Detect(photo.Image!));
        if (!faces.IsSuccess)
        {
            return faces.Failure;
        }

        photo.Faces = faces.Value;
        return photo;
    }

    private Outcome<PhotoContext> MaskAll(PhotoContext photo)
    {
        photo.Timed("mask", () =>
        {
            photo.Masks = FaceMasker.Plan(photo.Faces!, _options.Mask);
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
