namespace MediaGate.Gate.Renditions;

/// <summary>What one refresh of an item's renditions did.</summary>
/// <param name="Made">Renditions made or re-made.</param>
/// <param name="Kept">Renditions already in line with their decision (nothing done).</param>
/// <param name="Withdrawn">Renditions deleted (object and row) because their decision no longer releases them.</param>
/// <param name="Failed">Released decisions whose rendition could not be made: none is shown (fail closed).</param>
/// <param name="Rendered">Pictures masked and encoded for them: audiences that see the same pixels share one.</param>
public sealed record RenditionRefresh(int Made, int Kept, int Withdrawn, int Failed, int Rendered = 0)
{
    public static RenditionRefresh None { get; } = new(0, 0, 0, 0);

    public RenditionRefresh Plus(RenditionRefresh other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Made + other.Made, Kept + other.Kept, Withdrawn + other.Withdrawn, Failed + other.Failed, Rendered + other.Rendered);
    }
}
