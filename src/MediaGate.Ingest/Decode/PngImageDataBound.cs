using System.Buffers.Binary;
using System.IO.Compression;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Bounds a PNG's image data by its IHDR: the zlib stream in the IDAT run may inflate to at most the scanlines
/// the declared picture has (a filter byte and the packed pixels per row, per Adam7 pass when interlaced).
/// libpng keeps memory bounded but inflated a 4 GiB zlib bomb behind a 16x16 IHDR to the end (11 s); here the
/// inflation stops one byte past the declared size, so the work is bounded by the checked picture.
/// </summary>
internal static class PngImageDataBound
{
    private static readonly (int X, int Y, int StepX, int StepY)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <summary>The inflated size of the declared picture's scanlines, or null when IHDR's fields are invalid.</summary>
    public static long? DeclaredBytes(ReadOnlySpan<byte> ihdrData)
    {
        long width = BinaryPrimitives.ReadUInt32BigEndian(ihdrData);
        long height = BinaryPrimitives.ReadUInt32BigEndian(ihdrData[4..]);
        int depth = ihdrData[8];
        int channels = ihdrData[9] switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        bool depthValid = ihdrData[9] switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            _ => depth is 8 or 16,
        };
        if (channels == 0 || !depthValid || width == 0 || height == 0 || ihdrData[12] > 1)
        {
            return null;
        }

        long bitsPerPixel = channels * depth;
        long Rows(long w, long h) => w == 0 || h == 0 ? 0 : h * (1 + ((w * bitsPerPixel) + 7) / 8);
        if (ihdrData[12] == 0)
        {
            return Rows(width, height);
        }

        long total = 0;
        foreach ((int x, int y, int stepX, int stepY) in Adam7)
        {
            total += Rows(Math.Max(0, (width - x + stepX - 1) / stepX), Math.Max(0, (height - y + stepY - 1) / stepY));
        }

        return total;
    }

    /// <summary>True when the zlib stream inflates to more than <paramref name="declaredBytes"/>; stops reading there.</summary>
    public static bool InflatesBeyond(byte[] zlibStream, long declaredBytes) =>
        InflatesBeyond(new MemoryStream(zlibStream, writable: false), declaredBytes);

    /// <summary>As above, reading the zlib stream from <paramref name="zlibStream"/> (left open).</summary>
    public static bool InflatesBeyond(Stream zlibStream, long declaredBytes)
    {
        using var inflater = new ZLibStream(zlibStream, CompressionMode.Decompress, leaveOpen: true);
        var scratch = new byte[1 << 16];
        long total = 0;
        try
        {
            int read;
            while ((read = inflater.Read(scratch)) > 0)
            {
                total += read;
                if (total > declaredBytes)
                {
                    return true;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A damaged stream: libpng reports it with its own message.
        }

        return false;
    }
}
