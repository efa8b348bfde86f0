namespace MediaGate.Data.Media;

/// <summary>
/// One text region found on an item's master (issue 15), masked in its website and publicity renditions unless the
/// manager un-masked it (a sign that names no child). Coordinates are pixels of the upright master.
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="Number">1, 2, ... within the item, in the order found.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Score">The detector's score (0..1).</param>
/// <param name="UnmaskedBy">The manager who un-masked it; null while it is masked.</param>
/// <param name="UnmaskedAt">When.</param>
public sealed record TextRegionRecord(
    string MediaId, int Number, double X, double Y, double Width, double Height, double Score, string? UnmaskedBy = null, DateTimeOffset? UnmaskedAt = null)
{
    public bool Masked => UnmaskedBy is null;
}
