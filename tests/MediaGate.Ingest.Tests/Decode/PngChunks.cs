using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MediaGate.Ingest.Decode;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>Builds PNG files chunk by chunk, so tests can make hostile ones (extra chunks, bad CRCs, bombs).</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>One chunk: length, type, data, CRC over type and data.</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), PngCrc.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>IHDR for 8-bit RGB, not interlaced.</summary>
    public static byte[] Ihdr(int width, int height)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(data, width);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), height);
        data[8] = 8; // bit depth
        data[9] = 2; // colour type RGB
        return Chunk("IHDR", data);
    }

    /// <summary>zlib-compressed scanlines of an RGB image (filter byte 0, then a grey level per row), optionally followed by <paramref name="extraZeros"/> more bytes of zeros in the same stream.</summary>
    public static byte[] ImageData(int width, int height, long extraZeros = 0)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (int y = 0; y < height; y++)
            {
                Array.Fill(row, (byte)(y * 255 / Math.Max(1, height - 1)), 1, width * 3);
                zlib.Write(row);
            }

            var zeros = new byte[1 << 20];
            for (long left = extraZeros; left > 0; left -= zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }

        return compressed.ToArray();
    }

    public static byte[] Compress(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return compressed.ToArray();
    }

    public static byte[] Png(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(c => c)];

    /// <summary>A zTXt chunk whose text inflates to <paramref name="inflatedBytes"/> bytes of 'A'.</summary>
    public static byte[] CompressedText(int inflatedBytes)
    {
        using var data = new MemoryStream();
        data.Write("Comment\0\0"u8); // keyword, NUL, compression method 0
        using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var text = new byte[inflatedBytes];
            Array.Fill(text, (byte)'A');
            zlib.Write(text);
        }

        return Chunk("zTXt", data.ToArray());
    }

    /// <summary>The chunk types of a PNG stream, in order.</summary>
    public static List<string> Types(ReadOnlySpan<byte> png)
    {
        var types = new List<string>();
        for (int at = Signature.Length; at + 12 <= png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            types.Add(Encoding.ASCII.GetString(png.Slice(at + 4, 4)));
            at += 12 + length;
        }

        return types;
    }
}
