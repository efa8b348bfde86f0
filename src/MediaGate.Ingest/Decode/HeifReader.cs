using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Reads the primary image of a HEIF/HEIC file through libheif. libheif applies the file's irot/imir
/// transforms itself, so the size and pixels it reports are already upright (orientation 1).
/// </summary>
internal static class HeifReader
{
    /// <summary>The primary image's upright size, from the container boxes only (no HEVC decoding).</summary>
    public static unsafe Outcome<ImageHeader> ReadHeader(ReadOnlySpan<byte> heif, int maxSide)
    {
        fixed (byte* data = heif)
        {
            var context = LibHeif.ContextAlloc();
            var handle = nint.Zero;
            try
            {
                var failure = OpenPrimary(context, data, heif.Length, maxSide, out handle);
                if (failure is not null)
                {
                    return Outcome<ImageHeader>.Fail(failure);
                }

                var width = LibHeif.ImageHandleGetWidth(handle);
                var height = LibHeif.ImageHandleGetHeight(handle);
                if (width <= 0 || height <= 0)
                {
                    return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "HEIF: primary image has no size");
                }

                return new ImageHeader(ImageFormat.Heif, width, height, 1);
            }
            finally
            {
                Release(context, handle, nint.Zero);
            }
        }
    }

    public static unsafe Outcome<RgbImage> Decode(ReadOnlySpan<byte> heif, ImageHeader header)
    {
        fixed (byte* data = heif)
        {
            var context = LibHeif.ContextAlloc();
            nint handle = nint.Zero, image = nint.Zero;
            try
            {
                var failure = OpenPrimary(context, data, heif.Length, Math.Max(header.Width, header.Height), out handle);
                if (failure is not null)
                {
                    return Outcome<RgbImage>.Fail(failure);
                }

                var hasAlpha = LibHeif.ImageHandleHasAlphaChannel(handle) != 0;
                var chroma = hasAlpha ? LibHeif.ChromaInterleavedRgba : LibHeif.ChromaInterleavedRgb;
                var error = LibHeif.DecodeImage(handle, out image, LibHeif.ColorspaceRgb, chroma, nint.Zero);
                if (!error.IsOk || image == nint.Zero)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "HEIF: " + error.Message);
                }

                return CopyPixels(image, header, hasAlpha);
            }
            finally
            {
                Release(context, handle, image);
            }
        }
    }

    private static unsafe Outcome<RgbImage> CopyPixels(nint image, ImageHeader header, bool hasAlpha)
    {
        var width = LibHeif.ImageGetWidth(image, LibHeif.ChannelInterleaved);
        var height = LibHeif.ImageGetHeight(image, LibHeif.ChannelInterleaved);
        var plane = LibHeif.ImageGetPlaneReadonly(image, LibHeif.ChannelInterleaved, out var stride);
        var bytesPerPixel = hasAlpha ? 4 : 3;
        if (plane == null || width != header.Width || height != header.Height || stride < width * bytesPerPixel)
        {
            return Outcome<RgbImage>.Fail(
                IngestFailureKind.Corrupt, $"HEIF: decoded {width}x{height} does not match the header's {header.Width}x{header.Height}");
        }

        var result = new RgbImage(width, height);
        var source = new ReadOnlySpan<byte>(plane, checked(stride * (height - 1)) + (width * bytesPerPixel));
        if (hasAlpha)
        {
            AlphaFlattener.FlattenOntoWhite(source, stride, result);
        }
        else
        {
            for (var y = 0; y < height; y++)
            {
                source.Slice(y * stride, result.Stride).CopyTo(result.Row(y));
            }
        }

        return result;
    }

    private static unsafe IngestFailure? OpenPrimary(nint context, byte* data, int length, int maxSide, out nint handle)
    {
        handle = nint.Zero;
        if (context == nint.Zero)
        {
            throw new InvalidOperationException("heif_context_alloc returned null (out of memory).");
        }

        // libheif refuses declared sizes at or above this before allocating anything (decompression-bomb guard).
        LibHeif.ContextSetMaximumImageSizeLimit(context, maxSide + 1);
        var error = LibHeif.ContextReadFromMemoryWithoutCopy(context, data, (nuint)length, nint.Zero);
        if (!error.IsOk)
        {
            return Failure(error);
        }

        error = LibHeif.ContextGetPrimaryImageHandle(context, out handle);
        return error.IsOk && handle != nint.Zero ? null : Failure(error);
    }

    private static IngestFailure Failure(LibHeif.HeifError error) =>
        error.subcode == LibHeif.SubcodeSecurityLimitExceeded
            ? new IngestFailure(IngestFailureKind.TooManyPixels, "HEIF: " + error.Message)
            : new IngestFailure(IngestFailureKind.Corrupt, "HEIF: " + error.Message);

    private static void Release(nint context, nint handle, nint image)
    {
        if (image != nint.Zero)
        {
            LibHeif.ImageRelease(image);
        }

        if (handle != nint.Zero)
        {
            LibHeif.ImageHandleRelease(handle);
        }

        LibHeif.ContextFree(context);
    }
}
