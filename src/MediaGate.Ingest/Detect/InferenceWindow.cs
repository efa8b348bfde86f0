namespace MediaGate.Ingest.Detect;

/// <summary>
/// One model run: a tile of a scale level, copied top-left into a tensor of the given size.
/// Sides flagged interior border a neighbouring tile: a box reaching them is a cut face, which the
/// neighbour (overlapping by more than the face) or a coarser level sees whole.
/// </summary>
internal readonly record struct InferenceWindow(
    int Level, PixelRect Tile, int TensorWidth, int TensorHeight, bool InteriorLeft, bool InteriorTop, bool InteriorRight, bool InteriorBottom)
{
    // A face box decoded up to this close (tensor pixels) to an interior side counts as cut by it.
    private const float EdgeMargin = 2f;

    /// <summary>True when a box (in tensor pixels) reaches a side shared with a neighbouring tile.</summary>
    public bool IsCutByNeighbour(FaceBox box) =>
        (InteriorLeft && box.X < EdgeMargin)
        || (InteriorTop && box.Y < EdgeMargin)
        || (InteriorRight && box.Right > Tile.Width - EdgeMargin)
        || (InteriorBottom && box.Bottom > Tile.Height - EdgeMargin);
}
