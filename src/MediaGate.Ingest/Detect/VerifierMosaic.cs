namespace MediaGate.Ingest.Detect;

/// <summary>
/// Plans where a candidate goes in the verifier's mosaic (pure): a square of <see cref="VerifierSettings.Context"/>
/// face sides centred on the face and clipped to the photo, scaled so that it fills one cell (enlarged at most
/// <see cref="VerifierSettings.MaxEnlargement"/> times), top-left in cell <c>index</c> (row by row).
/// </summary>
internal static class VerifierMosaic
{
    /// <summary>One candidate's crop in photo pixels, its cell's top-left corner in input pixels and its size there.</summary>
    public readonly record struct Placement(PixelRect Crop, int CellX, int CellY, int Width, int Height)
    {
        /// <summary>A box in input pixels mapped back to the photo.</summary>
        public FaceBox ToPhoto(FaceBox box)
        {
            var (sx, sy) = ((float)Width / Crop.Width, (float)Height / Crop.Height);
            return new FaceBox(((box.X - CellX) / sx) + Crop.X, ((box.Y - CellY) / sy) + Crop.Y, box.Width / sx, box.Height / sy);
        }

        /// <summary>True when the box's centre lies in this candidate's part of its cell.</summary>
        public bool Holds(FaceBox box)
        {
            var (cx, cy) = (box.X + (box.Width / 2f), box.Y + (box.Height / 2f));
            return cx >= CellX && cx < CellX + Width && cy >= CellY && cy < CellY + Height;
        }
    }

    public static Placement Plan(FaceBox face, int imageWidth, int imageHeight, int index, VerifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, settings.Grid * settings.Grid);
        var cell = settings.CellSide;
        var side = Math.Max(1d, (face.Width + face.Height) / 2d);
        var cropSide = settings.Context * side;
        var scale = Math.Min(settings.MaxEnlargement, cell / cropSide);
        var (cx, cy) = (face.X + (face.Width / 2d), face.Y + (face.Height / 2d));
        var left = Math.Clamp((int)Math.Floor(cx - (cropSide / 2d)), 0, imageWidth - 1);
        var top = Math.Clamp((int)Math.Floor(cy - (cropSide / 2d)), 0, imageHeight - 1);
        var right = Math.Clamp((int)Math.Ceiling(cx + (cropSide / 2d)), left + 1, imageWidth);
        var bottom = Math.Clamp((int)Math.Ceiling(cy + (cropSide / 2d)), top + 1, imageHeight);
        var crop = new PixelRect(left, top, right - left, bottom - top);
        var width = Math.Clamp((int)Math.Round(crop.Width * scale), 1, cell);
        var height = Math.Clamp((int)Math.Round(crop.Height * scale), 1, cell);
        return new Placement(crop, index % settings.Grid * cell, index / settings.Grid * cell, width, height);
    }
}
