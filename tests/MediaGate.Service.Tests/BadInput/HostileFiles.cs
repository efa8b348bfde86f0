using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MediaGate.Service.Tests.BadInput;

/// <summary>Hostile uploads built by the test itself (nothing committed).</summary>
internal static class HostileFiles
{
    /// <summary>
    /// A PNG decompression bomb: the header declares 100,000 x 100,000 grey pixels (10 GB decoded) and the image
    /// data is zlib-compressed zero rows, so the file is a few kilobytes. Only the first rows are present: a
    /// decoder that trusts the header allocates before it finds out.
    /// </summary>
    public static byte[] PngBomb()
    {
        const int side = 100_000;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[side + 1]; // filter byte + pixels, all zero
                for (int i = 0; i < 64; i++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(png, "IDAT", data.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A plain-text file named like a photo.</summary>
    public static byte[] NotAnImage() => Encoding.UTF8.GetBytes("Dear parents, the nursery will be closed on Friday.\n" + new string('x', 4000));

    /// <summary>Bytes that start like a JPEG and go on past the size limit.</summary>
    public static byte[] Oversized(long limit)
    {
        var bytes = new byte[limit + (1 << 20)];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        return bytes;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
