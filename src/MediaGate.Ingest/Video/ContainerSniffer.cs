using System.Text;

namespace MediaGate.Ingest.Video;

/// <summary>
/// Decides from the first bytes, before any tool reads the file, whether it is an MP4/MOV (ISO base media or
/// QuickTime) container. Only then is ffprobe started, and always with the MOV demuxer forced, so a hostile
/// file never reaches another of FFmpeg's demuxers whatever its name says.
/// </summary>
internal static class ContainerSniffer
{
    // Brands of MP4 and QuickTime files that tablets and phones write; HEIF/AVIF images share the box format
    // but carry their own brands (heic, mif1, avif) and are refused here.
    private static readonly HashSet<string> VideoBrands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "hvc1", "qt  ", "M4V ", "MSNV", "XAVC",
    };

    // A QuickTime file from an old writer may start with one of these instead of ftyp.
    private static readonly HashSet<string> QuickTimeFirstBoxes = new(StringComparer.Ordinal) { "moov", "mdat", "wide", "free", "skip" };

    public static VideoFailure? Check(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12)
        {
            return new VideoFailure(VideoFailureKind.Container, "the file is too short to be an MP4 or MOV video");
        }

        string box = Encoding.Latin1.GetString(head.Slice(4, 4));
        if (box == "ftyp")
        {
            string brand = Encoding.Latin1.GetString(head.Slice(8, 4));
            return VideoBrands.Contains(brand)
                ? null
                : new VideoFailure(VideoFailureKind.Container, $"the file's brand '{Printable(brand)}' is not an MP4 or MOV video (only MP4/MOV are accepted)");
        }

        if (QuickTimeFirstBoxes.Contains(box))
        {
            return null;
        }

        return new VideoFailure(VideoFailureKind.Container, $"the file is not an MP4 or MOV video ({Describe(head)}); only MP4/MOV are accepted");
    }

    private static string Describe(ReadOnlySpan<byte> head) => head switch
    {
        [0x1A, 0x45, 0xDF, 0xA3, ..] => "it is Matroska/WebM",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', ..] => "it is RIFF/AVI",
        [0xFF, 0xD8, ..] => "it is a JPEG image",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "it is a PNG image",
        _ => "unknown bytes",
    };

    private static string Printable(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
