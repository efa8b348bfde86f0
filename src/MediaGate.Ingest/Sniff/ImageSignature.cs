namespace MediaGate.Ingest.Sniff;

/// <summary>
/// Tells from the first bytes of a file whether it is an image MediaGate reads, so that an upload can refuse
/// a non-image while it is still streaming, before it is stored (issue 7, Bad input: "a non-image file").
/// </summary>
public static class ImageSignature
{
    /// <summary>Bytes that are enough to recognise every format (a HEIF 'ftyp' box's brands are looked for in its first 4 KiB).</summary>
    public const int BytesNeeded = 4096;

    /// <summary>The format, or null when the bytes are no format MediaGate reads (GIF is refused by name: see <see cref="RefusedFormat"/>).</summary>
    public static ImageFormat? Recognise(ReadOnlySpan<byte> firstBytes) => FormatSniffer.Detect(firstBytes);

    /// <summary>The name of a recognised image format that MediaGate does not read (GIF), or null.</summary>
    public static string? RefusedFormat(ReadOnlySpan<byte> firstBytes) => FormatSniffer.RefusedFormat(firstBytes);
}
