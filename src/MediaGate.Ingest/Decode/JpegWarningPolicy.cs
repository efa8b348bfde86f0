using System.Text.RegularExpressions;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Which libjpeg warnings still mean "the whole picture was decoded". TurboJPEG 2.x reports a warning only
/// as the text of the FIRST warning of a call (later ones are counted, not kept), so a warning is tolerated
/// only when nothing can follow it: extraneous bytes before EOI, which libjpeg meets after the last scan
/// has decoded every block. Every other warning fails the photo (fail closed): premature end of data,
/// bad Huffman code, a marker instead of RSTn, a bogus progression, and any text not recognised.
/// Header faults (an unknown JFIF revision, stray bytes after an APPn segment) never reach libjpeg: it
/// is only given <see cref="Encode.JpegImageData"/>.
/// </summary>
internal static partial class JpegWarningPolicy
{
    /// <summary>Whether a decode that ended with this (first) warning still produced every pixel.</summary>
    public static bool IsTolerable(string warning) => ExtraneousBytesBeforeEoi().IsMatch(warning);

    [GeneratedRegex(@"^Corrupt JPEG data: [0-9]+ extraneous bytes before marker 0xd9$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtraneousBytesBeforeEoi();
}
