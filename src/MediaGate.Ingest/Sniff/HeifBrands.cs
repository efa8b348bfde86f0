using System.Buffers.Binary;

namespace MediaGate.Ingest.Sniff;

/// <summary>Recognises an ISO-BMFF 'ftyp' box whose major or compatible brands name a HEIF still image.</summary>
internal static class HeifBrands
{
    private static readonly string[] Brands =
        ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2", "avif", "avis"];

    public static bool IsHeif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var end = (int)Math.Min(Math.Min(boxSize, (uint)bytes.Length), 4096u);
        if (IsKnown(bytes[8..12]))
        {
            return true;
        }

        // Compatible brands follow the major brand (4 bytes) and minor version (4 bytes).
        for (var offset = 16; offset + 4 <= end; offset += 4)
        {
            if (IsKnown(bytes.Slice(offset, 4)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKnown(ReadOnlySpan<byte> brand)
    {
        foreach (var known in Brands)
        {
            if (brand.Length == 4 && brand[0] == known[0] && brand[1] == known[1] && brand[2] == known[2] && brand[3] == known[3])
            {
                return true;
            }
        }

        return false;
    }
}
