namespace MediaGate.Ingest.Decode;

/// <summary>
/// Composites RGBA onto white: every output is a JPEG, and white is what a transparent area looks like on the
/// page the photo was made for.
/// </summary>
internal static class AlphaFlattener
{
    /// <summary>Writes width x height RGB pixels from RGBA rows of <paramref name="rgbaStride"/> bytes.</summary>
    public static void FlattenOntoWhite(ReadOnlySpan<byte> rgba, int rgbaStride, RgbImage target)
    {
        for (var y = 0; y < target.Height; y++)
        {
            var source = rgba.Slice(y * rgbaStride, target.Width * 4);
            var row = target.Row(y);
            for (int x = 0, s = 0, d = 0; x < target.Width; x++, s += 4, d += 3)
            {
                int alpha = source[s + 3];
                var white = 255 * (255 - alpha);
                row[d] = (byte)(((source[s] * alpha) + white + 127) / 255);
                row[d + 1] = (byte)(((source[s + 1] * alpha) + white + 127) / 255);
                row[d + 2] = (byte)(((source[s + 2] * alpha) + white + 127) / 255);
            }
        }
    }
}
