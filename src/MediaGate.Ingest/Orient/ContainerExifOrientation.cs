using System.Buffers.Binary;

namespace MediaGate.Ingest.Orient;

/// <summary>
/// EXIF orientation stored in a PNG <c>eXIf</c> chunk or a WebP <c>EXIF</c> chunk (both hold a TIFF
/// structure; some writers prefix it with "Exif\0\0" as in JPEG). Only chunk headers are walked, bounded by
/// the file; a missing or unreadable value means 1, as viewers show it.
/// </summary>
internal static class ContainerExifOrientation
{
    private static ReadOnlySpan<byte> ExifPrefix => "Exif\0\0"u8;

    public static int FromPng(ReadOnlySpan<byte> png)
    {
        // Signature (8), then chunks: length (4, big-endian), type (4), data, CRC (4).
        var pos = 8L;
        while (pos + 12 <= png.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(png[(int)pos..]);
            var type = png.Slice((int)pos + 4, 4);
            if (pos + 12 + length > png.Length)
            {
                break;
            }

            if (type.SequenceEqual("eXIf"u8))
            {
                return FromTiff(png.Slice((int)pos + 8, (int)length));
            }

            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            pos += 12 + length;
        }

        return 1;
    }

    public static int FromWebP(ReadOnlySpan<byte> webp)
    {
        // "RIFF", size, "WEBP", then chunks: FourCC (4), size (4, little-endian), data padded to an even length.
        var pos = 12L;
        while (pos + 8 <= webp.Length)
        {
            long size = BinaryPrimitives.ReadUInt32LittleEndian(webp[((int)pos + 4)..]);
            if (pos + 8 + size > webp.Length)
            {
                break;
            }

            if (webp.Slice((int)pos, 4).SequenceEqual("EXIF"u8))
            {
                return FromTiff(webp.Slice((int)pos + 8, (int)size));
            }

            pos += 8 + size + (size & 1);
        }

        return 1;
    }

    private static int FromTiff(ReadOnlySpan<byte> exif) =>
        ExifOrientationReader.FromTiff(exif.StartsWith(ExifPrefix) ? exif[ExifPrefix.Length..] : exif);
}
