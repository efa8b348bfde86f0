namespace MediaGate.Ingest.Video;

/// <summary>Whether the first bytes of an upload are an MP4/MOV container (sniffed, never by the file's name).</summary>
public static class VideoSignature
{
    /// <summary>Bytes <see cref="IsVideo"/> looks at.</summary>
    public const int BytesNeeded = 12;

    public static bool IsVideo(ReadOnlySpan<byte> firstBytes) => ContainerSniffer.Check(firstBytes) is null;
}
