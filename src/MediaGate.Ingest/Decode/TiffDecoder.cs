using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes the first page of a TIFF through libtiff's RGBA interface, in stored pixel order: asking for the
/// file's own orientation makes libtiff flip nothing, and <see cref="Orient.Orientation"/> applies it once
/// for every format alike. The size checked is the size libtiff will produce: TIFFRGBAImageBegin reports
/// it, and it must be the header's (already within the limits) before any pixel memory is allocated. A file
/// whose IFD the managed reader and libtiff read differently (a repeated ImageLength) is refused here.
/// </summary>
internal static class TiffDecoder
{
    public static unsafe Outcome<RgbImage> Decode(ReadOnlySpan<byte> tiff, ImageHeader header)
    {
        // libtiff otherwise prints to stderr; its failures still come back as return values.
        _ = LibTiff.SetErrorHandler(nint.Zero);
        _ = LibTiff.SetWarningHandler(nint.Zero);

        fixed (byte* data = tiff)
        {
            var source = new TiffMemorySource { Data = data, Length = tiff.Length };
            var handle = LibTiff.ClientOpen(
                "memory", "r", (nint)(&source),
                &TiffMemorySource.Read, &TiffMemorySource.Write, &TiffMemorySource.Seek, &TiffMemorySource.Close,
                &TiffMemorySource.Size, &TiffMemorySource.Map, &TiffMemorySource.Unmap);
            if (handle == nint.Zero)
            {
                return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "TIFF: libtiff could not open the file");
            }

            try
            {
                return DecodeOpen(handle, header);
            }
            finally
            {
                LibTiff.Close(handle);
            }
        }
    }

    private static unsafe Outcome<RgbImage> DecodeOpen(nint handle, ImageHeader header)
    {
        var image = default(LibTiff.RgbaImage);
        byte* message = stackalloc byte[1024];
        if (LibTiff.RgbaImageBegin(&image, handle, 1, message) != 1)
        {
            return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "TIFF: libtiff cannot read this image: " + new string((sbyte*)message));
        }

        try
        {
            // The one place for TIFF where "the size the codec will produce is the size that was checked".
            if (image.width != header.Width || image.height != header.Height || image.orientation != header.Orientation)
            {
                return Outcome<RgbImage>.Fail(
                    IngestFailureKind.Corrupt,
                    $"TIFF: libtiff reads {image.width}x{image.height} orientation {image.orientation}, the header said {header.Width}x{header.Height} orientation {header.Orientation}");
            }

            image.req_orientation = image.orientation;
            var rgba = new byte[checked(header.Width * header.Height * 4)];
            fixed (byte* raster = rgba)
            {
                if (LibTiff.RgbaImageGet(&image, (uint*)raster, image.width, image.height) != 1)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "TIFF: libtiff could not decode the image");
                }
            }

            return AlphaFlattener.FlattenOntoWhiteInPlace(rgba, header.Width, header.Height);
        }
        finally
        {
            LibTiff.RgbaImageEnd(&image);
        }
    }
}
