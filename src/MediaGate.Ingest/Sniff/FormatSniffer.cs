namespace MediaGate.Ingest.Sniff;

/// <summary>Recognises the format from the first bytes only.</summary>
internal static class FormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The name of an image format that is recognised but not read, or null. GIF: its photos are palette
    /// reductions, often animated; a first-frame decoder would add a codec (libgif) to the attack surface for
    /// no nursery photo, so a GIF is refused by name rather than reported as unknown bytes.
    /// </summary>
    public static string? RefusedFormat(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? "GIF" : null;

    /// <summary>The format, or null when the bytes are none MediaGate reads.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (bytes.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        if (bytes.Length >= 4 && (bytes[..4].SequenceEqual("II*\0"u8) || bytes[..4].SequenceEqual("MM\0*"u8)
            || bytes[..4].SequenceEqual("II+\0"u8) || bytes[..4].SequenceEqual("MM\0+"u8)))
        {
            return ImageFormat.Tiff;
        }

        return HeifBrands.IsHeif(bytes) ? ImageFormat.Heif : null;
    }
}
