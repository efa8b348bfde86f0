using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes the first page of a TIFF through libtiff's RGBA interface, in stored pixel order: asking for the
/// file's own orientation makes libtiff flip nothing, and <see cref="Orient.Orientation"/> applies it once
/// for every format alike.
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
                var rgba = new byte[checked(header.Width * header.Height * 4)];
                fixed (byte* raster = rgba)
                {
                    if (LibTiff.ReadRgbaImageOriented(handle, (uint)header.Width, (uint)header.Height, (uint*)raster, header.Orientation, 1) != 1)
                    {
                        return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "TIFF: libtiff could not decode the image");
                    }
                }

                var result = new RgbImage(header.Width, header.Height);
                AlphaFlattener.FlattenOntoWhite(rgba, header.Width * 4, result);
                return result;
            }
            finally
            {
                LibTiff.Close(handle);
            }
        }
    }
}
