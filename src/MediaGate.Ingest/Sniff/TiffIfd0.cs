using System.Buffers.Binary;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// The few IFD0 fields MediaGate needs from a TIFF structure (a TIFF file, or the EXIF block inside a JPEG):
/// width (0x0100), height (0x0101) and orientation (0x0112). Bounds-checked; never throws on bad bytes.
/// <see cref="SizeTagsAmbiguous"/> is set when a size tag is repeated or is not one SHORT or LONG: readers
/// disagree on such files (libtiff takes another entry than a first-wins reader), so a TIFF is refused.
/// </summary>
internal readonly record struct TiffIfd0(uint? Width, uint? Height, int? Orientation, bool SizeTagsAmbiguous = false)
{
    private const ushort TagWidth = 0x0100;
    private const ushort TagHeight = 0x0101;
    private const ushort TagOrientation = 0x0112;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;

    /// <summary>Reads IFD0, or returns null when the structure is not a readable classic TIFF.</summary>
    public static TiffIfd0? Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        bool bigEndian;
        if (tiff[0] == (byte)'I' && tiff[1] == (byte)'I')
        {
            bigEndian = false;
        }
        else if (tiff[0] == (byte)'M' && tiff[1] == (byte)'M')
        {
            bigEndian = true;
        }
        else
        {
            return null;
        }

        if (ReadUInt16(tiff[2..], bigEndian) != 42)
        {
            return null;
        }

        var ifdOffset = ReadUInt32(tiff[4..], bigEndian);
        if (ifdOffset < 8 || ifdOffset > tiff.Length - 2L)
        {
            return null;
        }

        var ifd = tiff[(int)ifdOffset..];
        int count = ReadUInt16(ifd, bigEndian);
        if (2L + (count * 12L) > ifd.Length)
        {
            return null;
        }

        uint? width = null, height = null;
        int? orientation = null;
        int widthEntries = 0, heightEntries = 0;
        bool oddSizeType = false;
        for (var i = 0; i < count; i++)
        {
            var entry = ifd.Slice(2 + (i * 12), 12);
            var tag = ReadUInt16(entry, bigEndian);
            var value = ReadScalar(entry, bigEndian);
            switch (tag)
            {
                case TagWidth:
                    width ??= value;
                    widthEntries++;
                    oddSizeType |= value is null;
                    break;
                case TagHeight:
                    height ??= value;
                    heightEntries++;
                    oddSizeType |= value is null;
                    break;
                case TagOrientation:
                    orientation ??= value is >= 1 and <= 8 ? (int)value : null;
                    break;
                default:
                    break;
            }
        }

        return new TiffIfd0(width, height, orientation, widthEntries > 1 || heightEntries > 1 || oddSizeType);
    }

    /// <summary>A single SHORT or LONG stored inline in the entry's value field; null for anything else.</summary>
    private static uint? ReadScalar(ReadOnlySpan<byte> entry, bool bigEndian)
    {
        var type = ReadUInt16(entry[2..], bigEndian);
        var count = ReadUInt32(entry[4..], bigEndian);
        if (count != 1)
        {
            return null;
        }

        return type switch
        {
            TypeShort => ReadUInt16(entry[8..], bigEndian),
            TypeLong => ReadUInt32(entry[8..], bigEndian),
            _ => null,
        };
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> span, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);

    private static uint ReadUInt32(ReadOnlySpan<byte> span, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
}
