using System.Buffers.Binary;

namespace MediaGate.Ingest.Tests.Decode;

/// <summary>
/// Builds a little-endian, uncompressed, 8-bit greyscale TIFF with one strip, entry by entry, so that tests can
/// repeat or mistype the size tags.
/// </summary>
internal static class TinyTiff
{
    public const ushort Short = 3;
    public const ushort Long = 4;
    public const ushort Rational = 5;

    /// <summary>An IFD entry: tag, type, count 1, value (inline).</summary>
    public readonly record struct Entry(ushort Tag, ushort Type, uint Value);

    /// <summary>A TIFF whose size entries are <paramref name="sizeEntries"/> (width 256 and height 257, any number, any type) and whose strip holds <paramref name="pixels"/>.</summary>
    public static byte[] Build(IReadOnlyList<Entry> sizeEntries, byte[] pixels, uint rowsPerStrip)
    {
        List<Entry> entries =
        [
            .. sizeEntries,
            new(258, Short, 8),     // BitsPerSample
            new(259, Short, 1),     // Compression: none
            new(262, Short, 1),     // Photometric: BlackIsZero
            new(273, Long, 0),      // StripOffsets (filled below)
            new(277, Short, 1),     // SamplesPerPixel
            new(278, Long, rowsPerStrip),
            new(279, Long, (uint)pixels.Length), // StripByteCounts
        ];
        entries = [.. entries.OrderBy(e => e.Tag)];
        int ifdSize = 2 + (entries.Count * 12) + 4;
        uint dataOffset = (uint)(8 + ifdSize);
        var tiff = new byte[dataOffset + pixels.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), (ushort)entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            Span<byte> entry = tiff.AsSpan(10 + (i * 12), 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            uint value = entries[i].Tag == 273 ? dataOffset : entries[i].Value;
            if (entries[i].Type == Short)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
            }
        }

        pixels.CopyTo(tiff.AsSpan((int)dataOffset));
        return tiff;
    }

    /// <summary>A clean width x height grey TIFF whose row y has grey level y * 10.</summary>
    public static byte[] Grey(int width, int height) =>
        Build([new(256, Long, (uint)width), new(257, Short, (uint)height)], Rows(width, height), (uint)height);

    public static byte[] Rows(int width, int height) =>
        [.. Enumerable.Range(0, height).SelectMany(y => Enumerable.Repeat((byte)(y * 10), width))];
}
