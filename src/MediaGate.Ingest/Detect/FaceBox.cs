namespace MediaGate.Ingest.Detect;

/// <summary>An axis-aligned box (top-left corner, width, height) in some pixel space, with the overlap
/// measures that non-maximum suppression and the recall benchmark need.</summary>
internal readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;

    public float Bottom => Y + Height;

    public float Area => Math.Max(0f, Width) * Math.Max(0f, Height);

    public static FaceBox FromCentre(float centreX, float centreY, float width, float height) =>
        new(centreX - (width / 2f), centreY - (height / 2f), width, height);

    public float IntersectionArea(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        return w <= 0f || h <= 0f ? 0f : w * h;
    }

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public float IntersectionOverUnion(FaceBox other)
    {
        var intersection = IntersectionArea(other);
        var union = Area + other.Area - intersection;
        return union <= 0f ? 0f : intersection / union;
    }

    /// <summary>Intersection over the smaller box's area: 1 when one box lies inside the other.</summary>
    public float IntersectionOverSmaller(FaceBox other)
    {
        var smaller = Math.Min(Area, other.Area);
        return smaller <= 0f ? 0f : IntersectionArea(other) / smaller;
    }

    /// <summary>The share of <paramref name="other"/>'s area that this box covers.</summary>
    public float Covers(FaceBox other) => other.Area <= 0f ? 0f : IntersectionArea(other) / other.Area;

    /// <summary>This box grown by <paramref name="factor"/> around its centre (a mask's margin).</summary>
    public FaceBox Grow(float factor) =>
        FromCentre(X + (Width / 2f), Y + (Height / 2f), Width * factor, Height * factor);

    /// <summary>This box in the left-right mirror of a picture <paramref name="pictureWidth"/> wide.</summary>
    public FaceBox MirrorHorizontally(float pictureWidth) => new(pictureWidth - Right, Y, Width, Height);

    /// <summary>This box mapped from a window's pixels back to the image: shift by the window's corner, divide by its scale.</summary>
    public FaceBox ToImage(float offsetX, float offsetY, float scale) =>
        new((X + offsetX) / scale, (Y + offsetY) / scale, Width / scale, Height / scale);
}
