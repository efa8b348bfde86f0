namespace MediaGate.Ingest.Detect;

/// <summary>
/// The prior boxes of RetinaFace-MobileNet0.25 (pure): for strides 8, 16 and 32, every cell of the input, row by
/// row, and in each cell the stride's two anchor sizes (16 and 32 / 64 and 128 / 256 and 512), centred on the
/// cell. This is the order of the model's 16,800 outputs at 640x640.
/// </summary>
internal static class RetinaFacePriors
{
    public static readonly int[] Strides = [8, 16, 32];

    private static readonly int[][] AnchorSizes = [[16, 32], [64, 128], [256, 512]];

    /// <summary>Priors of a square input <paramref name="side"/> pixels wide: centre x, centre y, width,
    /// height, in input pixels, four floats per prior.</summary>
    public static float[] Generate(int side)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
        var priors = new List<float>();
        for (var s = 0; s < Strides.Length; s++)
        {
            var stride = Strides[s];
            var cells = (side + stride - 1) / stride;
            for (var row = 0; row < cells; row++)
            {
                for (var col = 0; col < cells; col++)
                {
                    foreach (var size in AnchorSizes[s])
                    {
                        priors.Add((col + 0.5f) * stride);
                        priors.Add((row + 0.5f) * stride);
                        priors.Add(size);
                        priors.Add(size);
                    }
                }
            }
        }

        return [.. priors];
    }
}
