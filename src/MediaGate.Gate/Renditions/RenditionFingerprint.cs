using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaGate.Ingest;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Render;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// What a rendition is made from, as a short hash: the master, the faces to mask, and the settings. Two
/// decisions with the same fingerprint produce the same picture, so the rendition need not be made again.
/// </summary>
internal static class RenditionFingerprint
{
    public static string Of(string masterKey, IReadOnlyList<DetectedFace> masked, RenditionOptions rendition, IngestOptions ingest)
    {
        var text = new StringBuilder("v1|").Append(masterKey)
            .Append('|').Append(rendition.MaxLongSide.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(rendition.JpegQuality.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(ingest.Mask.Margin.ToString("R", CultureInfo.InvariantCulture));
        foreach (var face in masked)
        {
            text.Append('|').Append(string.Create(CultureInfo.InvariantCulture, $"{face.X:R},{face.Y:R},{face.Width:R},{face.Height:R}"));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 10));
    }
}
