namespace MediaGate.Ingest.Sniff;

/// <summary>One marker segment of a JPEG file, as byte offsets into the file.</summary>
/// <param name="Marker">The marker code (the byte after 0xFF), e.g. 0xE1 for APP1.</param>
/// <param name="Start">Offset of the marker's first 0xFF (fill bytes included).</param>
/// <param name="PayloadStart">Offset of the payload, after the two length bytes (equals End for standalone markers).</param>
/// <param name="PayloadLength">Payload bytes, not counting the length field.</param>
/// <param name="End">Offset just past the segment; for SOS this includes the entropy-coded data that follows it.</param>
internal readonly record struct JpegSegment(byte Marker, int Start, int PayloadStart, int PayloadLength, int End)
{
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte Dht = 0xC4;
    public const byte Dac = 0xCC;
    public const byte App0 = 0xE0;
    public const byte App1 = 0xE1;
    public const byte App2 = 0xE2;
    public const byte App14 = 0xEE;
    public const byte Com = 0xFE;

    /// <summary>SOF0..SOF15, which share C0..CF with DHT (C4), JPG (C8) and DAC (CC).</summary>
    public static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF && marker != Dht && marker != 0xC8 && marker != Dac;

    public static bool IsApplication(byte marker) => marker is >= 0xE0 and <= 0xEF;

    /// <summary>Whether the payload begins with an identifier such as "Exif\0\0" or "ICC_PROFILE\0".</summary>
    public bool PayloadStartsWith(ReadOnlySpan<byte> jpeg, ReadOnlySpan<byte> identifier) =>
        PayloadLength >= identifier.Length && jpeg.Slice(PayloadStart, identifier.Length).SequenceEqual(identifier);

    public ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> jpeg) => jpeg.Slice(PayloadStart, PayloadLength);
}
