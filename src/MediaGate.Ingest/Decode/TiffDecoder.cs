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
    // PHOTOMETRIC_MINISBLACK and PHOTOMETRIC_RGB: the layouts read row by row straight into the RGB picture.
    private const ushort MinIsBlack = 1;
    private const ushort Rgb = 2;

    /// <summary>
    /// Most memory the RGBA path may take (the 4-byte raster plus libtiff's decoded strip or tile buffer): with
    /// the input (at most 64 MiB by default) and the runtime (about 90 MB) it keeps a run under 400 MB. A 49 MP
    /// TIFF in one strip needs 343 MB that way and is refused; 8-bit RGB and grey TIFFs in strips are read row
    /// by row instead and need only the RGB picture.
    /// </summary>
    internal const long RgbaPathBudget = 240L * 1024 * 1024;

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

            if (ReadsRowByRow(image, handle))
            {
                return DecodeRows(handle, header, image.samplesperpixel);
            }

            long working = LibTiff.IsTiled(handle) != 0 ? LibTiff.TileSize(handle) : LibTiff.StripSize(handle);
            long needed = (4L * header.Width * header.Height) + (Math.Max(0, working) * (image.isContig != 0 ? 1 : image.samplesperpixel));
            if (working <= 0 || needed > RgbaPathBudget)
            {
                return Outcome<RgbImage>.Fail(
                    IngestFailureKind.TooManyPixels,
                    $"TIFF: decoding this layout needs about {needed >> 20} MB (a 4-byte raster plus a decoded strip or tile of {Math.Max(0, working) >> 20} MB); at most {RgbaPathBudget >> 20} MB");
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

    /// <summary>8-bit RGB or grey, one plane, in strips, no alpha: rows can go straight into the RGB picture.</summary>
    private static bool ReadsRowByRow(LibTiff.RgbaImage image, nint handle) =>
        image.isContig != 0 && image.alpha == 0 && image.bitspersample == 8 && LibTiff.IsTiled(handle) == 0
        && ((image.photometric == Rgb && image.samplesperpixel == 3) || (image.photometric == MinIsBlack && image.samplesperpixel == 1));

    /// <summary>
    /// Decodes row by row into the RGB picture (stored order, like the RGBA path with the file's own orientation):
    /// libtiff decodes a strip incrementally, so a picture stored in one huge strip needs no strip-sized buffer.
    /// </summary>
    private static unsafe Outcome<RgbImage> DecodeRows(nint handle, ImageHeader header, int samples)
    {
        long rowBytes = LibTiff.ScanlineSize(handle);
        if (rowBytes != (long)header.Width * samples)
        {
            return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, $"TIFF: rows of {rowBytes} bytes, expected {(long)header.Width * samples}");
        }

        var result = new RgbImage(header.Width, header.Height);
        var grey = samples == 1 ? new byte[header.Width] : null;
        for (int y = 0; y < header.Height; y++)
        {
            Span<byte> row = result.Row(y);
            fixed (byte* target = grey is null ? row : grey)
            {
                if (LibTiff.ReadScanline(handle, target, (uint)y, 0) != 1)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, $"TIFF: row {y} does not decode");
                }
            }

            if (grey is not null)
            {
                for (int x = 0, d = 0; x < grey.Length; x++, d += 3)
                {
                    row[d] = row[d + 1] = row[d + 2] = grey[x];
                }
            }
        }

        return result;
    }
}
