namespace MediaGate.Ingest.Detect;

/// <summary>Left-right mirror image of a picture, for a second look at it: a detector trained on faces of
/// both orientations still scores a face and its mirror differently, and a face seen in both is surer.</summary>
internal static class ImageMirror
{
    public static RgbImage Horizontal(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var mirrored = new RgbImage(image.Width, image.Height);
        for (var y = 0; y < image.Height; y++)
        {
            var from = image.Row(y);
            var to = mirrored.Row(y);
            for (int x = 0, m = (image.Width - 1) * 3; x < image.Width; x++, m -= 3)
            {
                to[m] = from[x * 3];
                to[m + 1] = from[(x * 3) + 1];
                to[m + 2] = from[(x * 3) + 2];
            }
        }

        return mirrored;
    }
}
