using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Video;

/// <summary>Whether the first bytes of an upload are an MP4/MOV container (sniffed, never by the file's name).</summary>
public static class VideoSignature
{
    /// <summary>Bytes <see cref="IsVideo"/> looks at.</summary>
    public const int BytesNeeded = 12;

    public static bool IsVideo(ReadOnlySpan<byte> firstBytes) => ContainerSniffer.Check(firstBytes) is null;

    /// <summary>
    /// Whether <paramref name="path"/> is a regular file whose first bytes are an MP4/MOV and not an image (the command line's
    /// <c>strip</c> and <c>anonymise</c> route such a file to the video gate). Opened without blocking, as
    /// <see cref="RegularFileReader"/> opens a photo: a FIFO or a device is no clip, and only the first bytes are read. False
    /// when it cannot be read; the photo path then says why.
    /// </summary>
    public static bool IsVideoFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || RegularFileReader.ReadHead(path, Math.Max(BytesNeeded, ImageSignature.BytesNeeded)) is not { } head)
        {
            return false;
        }

        return head.Length >= BytesNeeded && ImageSignature.Recognise(head) is null && IsVideo(head);
    }
}
