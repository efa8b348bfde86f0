namespace MediaGate.Ingest.Detect;

/// <summary>
/// The 896 SSD anchor centres of MediaPipe's BlazeFace back (full-range, 256x256) model, in the order of
/// its two outputs: 16x16 cells x 2 anchors at stride 16, then 8x8 cells x 6 anchors at stride 32; each
/// centre at ((i + 0.5) / cells) of the input. Anchors are of fixed size (1 x 1), so only centres matter.
/// </summary>
internal static class BlazeFaceAnchors
{
    public const int InputSide = 256;

    public const int FineCells = 16;

    public const int FineAnchorsPerCell = 2;

    public const int CoarseCells = 8;

    public const int CoarseAnchorsPerCell = 6;

    public const int FineCount = FineCells * FineCells * FineAnchorsPerCell;

    public const int CoarseCount = CoarseCells * CoarseCells * CoarseAnchorsPerCell;

    public const int Count = FineCount + CoarseCount;

    /// <summary>Anchor centres as (x, y) pairs in 0..1 of the input, fine layer first.</summary>
    public static IReadOnlyList<(float X, float Y)> Centres { get; } = Generate();

    private static (float X, float Y)[] Generate()
    {
        var centres = new (float X, float Y)[Count];
        var i = 0;
        foreach (var (cells, perCell) in new[] { (FineCells, FineAnchorsPerCell), (CoarseCells, CoarseAnchorsPerCell) })
        {
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var a = 0; a < perCell; a++)
                    {
                        centres[i++] = ((x + 0.5f) / cells, (y + 0.5f) / cells);
                    }
                }
            }
        }

        return centres;
    }
}
