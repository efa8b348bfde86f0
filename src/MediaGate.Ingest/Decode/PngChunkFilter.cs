using System.Buffers.Binary;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Rebuilds a PNG from only the chunks its picture needs before libpng sees it: IHDR, PLTE, tRNS, the IDAT run,
/// IEND, and the colour chunks libpng's simplified API uses when it converts to 8-bit RGB (gAMA, cHRM, sRGB).
/// Text chunks (libpng inflates and keeps every zTXt/iTXt: hundreds of them made 6.8 GB), iCCP (the output
/// carries no profile, and the simplified API does not apply it), eXIf, APNG frames and everything after IEND
/// never reach the codec. Every chunk's length and CRC are checked, IHDR must come first and IDAT must be
/// one run; an unknown critical chunk is refused, since the picture may depend on it. A colour chunk that is out of
/// place (after PLTE or IDAT, or a second one of its type) or invalid (wrong length, a zero gamma, chromaticities
/// outside the unit square, an unknown rendering intent) is dropped and the photo kept, as browsers do: libpng
/// would warn about it, and a warning fails the file.
/// </summary>
internal static class PngChunkFilter
{
    private const int ChunkOverhead = 12; // length, type, CRC

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Kept = ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"];

    private static readonly string[] Colour = ["gAMA", "cHRM", "sRGB"];

    /// <summary>The picture's chunks only; <paramref name="keepColourChunks"/> false drops gAMA, cHRM and sRGB too.</summary>
    public static Outcome<byte[]> Rebuild(ReadOnlySpan<byte> png, bool keepColourChunks = true)
    {
        if (!png.StartsWith(Signature))
        {
            return Corrupt("no PNG signature");
        }

        // Two passes over the input and one copy: the first checks every chunk and notes the kept ones, the
        // second copies them into an array of exactly their size. A MemoryStream for the output, another for the
        // image data and their ToArray copies held five copies of a 64 MB PNG at once (a 49 MP PNG peaked at 617 MB).
        var kept = new List<(int Start, int Length, bool IsImageData)>();
        int keptBytes = Signature.Length;
        int position = Signature.Length;
        bool idatSeen = false, idatEnded = false, paletteSeen = false;
        var coloursSeen = new HashSet<string>(StringComparer.Ordinal);
        long? declaredBytes = null;
        for (int index = 0; ; index++)
        {
            if (png.Length - position < ChunkOverhead)
            {
                return Corrupt("the file ends before IEND");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            if (length > int.MaxValue || length > png.Length - position - ChunkOverhead)
            {
                return Corrupt($"chunk {index} declares {length} bytes, more than the file holds");
            }

            ReadOnlySpan<byte> chunk = png.Slice(position, ChunkOverhead + (int)length);
            ReadOnlySpan<byte> type = chunk.Slice(4, 4);
            string name = System.Text.Encoding.ASCII.GetString(type);
            if (!IsChunkType(type))
            {
                return Corrupt($"chunk {index} has an invalid type");
            }

            if (PngCrc.Compute(chunk[4..^4]) != BinaryPrimitives.ReadUInt32BigEndian(chunk[^4..]))
            {
                return Corrupt($"chunk {name} has a wrong CRC");
            }

            if ((index == 0) != (name == "IHDR") || (name == "IHDR" && length != 13))
            {
                return Corrupt("IHDR must be the first chunk, once, with 13 bytes");
            }

            if (name == "IHDR" && (declaredBytes = PngImageDataBound.DeclaredBytes(chunk.Slice(8, 13))) is null)
            {
                return Corrupt("IHDR has an invalid size, bit depth, colour type or interlace method");
            }

            if (name == "IDAT")
            {
                if (idatEnded)
                {
                    return Corrupt("IDAT chunks are not one run");
                }

                idatSeen = true;
            }
            else if (idatSeen)
            {
                idatEnded = true;
            }

            paletteSeen |= name == "PLTE";
            bool critical = (type[0] & 0x20) == 0;
            if (Array.IndexOf(Colour, name) >= 0)
            {
                // Only the first of each, before PLTE and IDAT, and valid (PNG 1.2, 11.3.3): anything else is dropped.
                if (keepColourChunks && coloursSeen.Add(name) && !paletteSeen && !idatSeen && IsValidColour(name, chunk.Slice(8, (int)length)))
                {
                    kept.Add((position, chunk.Length, false));
                    keptBytes += chunk.Length;
                }
            }
            else if (Array.IndexOf(Kept, name) >= 0)
            {
                kept.Add((position, chunk.Length, name == "IDAT"));
                keptBytes += chunk.Length;
            }
            else if (critical)
            {
                return Outcome<byte[]>.Fail(IngestFailureKind.UnsupportedFormat, $"PNG: unknown critical chunk {name}");
            }

            position += chunk.Length;
            if (name == "IEND")
            {
                // Whatever follows IEND (a ZIP, a second image) is not part of the picture and is dropped.
                if (!idatSeen)
                {
                    return Corrupt("no image data (IDAT)");
                }

                break;
            }
        }

        byte[] output = new byte[keptBytes];
        Signature.CopyTo(output);
        int at = Signature.Length;
        var imageData = new List<(int Start, int Length)>();
        foreach ((int start, int length, bool isImageData) in kept)
        {
            png.Slice(start, length).CopyTo(output.AsSpan(at));
            if (isImageData)
            {
                imageData.Add((at + 8, length - ChunkOverhead));
            }

            at += length;
        }

        using var idat = new ChunkDataStream(output, imageData);
        return PngImageDataBound.InflatesBeyond(idat, declaredBytes!.Value)
            ? Corrupt("the image data inflates beyond the picture IHDR declares")
            : output;
    }

    private static bool IsValidColour(string name, ReadOnlySpan<byte> data)
    {
        switch (name)
        {
            case "gAMA":
                return data.Length == 4 && BinaryPrimitives.ReadUInt32BigEndian(data) is > 0 and <= int.MaxValue;
            case "sRGB":
                return data.Length == 1 && data[0] <= 3;
            case "cHRM":
                if (data.Length != 32)
                {
                    return false;
                }

                // White point, red, green, blue: each (x, y) x100000 with x >= 0, y > 0 and x + y <= 1.
                for (int i = 0; i < 32; i += 8)
                {
                    long x = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
                    long y = BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]);
                    if (y == 0 || x + y > 100_000)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (byte b in type)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }

        return true;
    }

    private static Outcome<byte[]> Corrupt(string why) => Outcome<byte[]>.Fail(IngestFailureKind.Corrupt, "PNG: " + why);
}
