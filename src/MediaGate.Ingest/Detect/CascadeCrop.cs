namespace MediaGate.Ingest.Detect;

/// <summary>
/// Plans the second look at one candidate (pure): which part of the photo, at what scale, in what tensor.
/// The crop is a square of <see cref="CascadeSettings.Context"/> face sides centred on the face, clipped to
/// the photo; its scale brings the face to <see cref="CascadeSettings.TargetSide"/> without enlarging more
/// than <see cref="CascadeSettings.MaxEnlargement"/>.
/// </summary>
internal static class CascadeCrop
{
    /// <summary>The crop in photo pixels, the scale photo-to-tensor, and the tensor size (aligned up).</summary>
    public static (PixelRect Crop, double Scale, int TensorWidth, int TensorHeight) Plan(FaceBox face, int width, int height, CascadeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var side = Math.Max(1d, (face.Width + face.Height) / 2d);
        var scale = Math.Min(settings.MaxEnlargement, settings.TargetSide / side);
        var half = settings.Context * side / 2d;
        var (cx, cy) = (face.X + (face.Width / 2d), face.Y + (face.Height / 2d));
        var left = Math.Clamp((int)Math.Floor(cx - half), 0, width - 1);
        var top = Math.Clamp((int)Math.Floor(cy - half), 0, height - 1);
        var right = Math.Clamp((int)Math.Ceiling(cx + half), left + 1, width);
        var bottom = Math.Clamp((int)Math.Ceiling(cy + half), top + 1, height);
        var crop = new PixelRect(left, top, right - left, bottom - top);
        var tensorWidth = AlignUp(Math.Max(1, (int)Math.Round(crop.Width * scale)), settings.Alignment);
        var tensorHeight = AlignUp(Math.Max(1, (int)Math.Round(crop.Height * scale)), settings.Alignment);
        return (crop, scale, tensorWidth, tensorHeight);
    }

    /// <summary>A crop in photo pixels mapped to a level made at <paramref name="scale"/> (grown to whole
    /// level pixels, clipped to the level).</summary>
    public static PixelRect MapToLevel(PixelRect crop, double scale, int levelWidth, int levelHeight)
    {
        var left = Math.Clamp((int)Math.Floor(crop.X * scale), 0, levelWidth - 1);
        var top = Math.Clamp((int)Math.Floor(crop.Y * scale), 0, levelHeight - 1);
        var right = Math.Clamp((int)Math.Ceiling(crop.Right * scale), left + 1, levelWidth);
        var bottom = Math.Clamp((int)Math.Ceiling(crop.Bottom * scale), top + 1, levelHeight);
        return new PixelRect(left, top, right - left, bottom - top);
    }

    /// <summary>The second-stage score: the best score among boxes found in the crop (already mapped back to
    /// photo pixels) that overlap the candidate by at least <paramref name="minOverlap"/> IoU; 0 when none.</summary>
    public static float Rescore(FaceBox candidate, IEnumerable<ScoredBox> found, float minOverlap = 0.3f) =>
        found.Where(f => f.Box.IntersectionOverUnion(candidate) >= minOverlap).Select(f => f.Score).DefaultIfEmpty(0f).Max();

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
