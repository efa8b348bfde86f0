namespace MediaGate.Ingest.Detect;

/// <summary>
/// Plans the passes over one photo (pure, no model): the whole photo at
/// <see cref="MultiScaleSettings.WholeImageLongSide"/>, then levels up to the finest scale allowed by
/// <see cref="MultiScaleSettings.FinestLevelPixels"/>, no more than <see cref="MultiScaleSettings.MaxLevelRatio"/>
/// apart, each cut into overlapping tiles of at most <see cref="MultiScaleSettings.TileSide"/>.
/// </summary>
internal static class DetectionPlanner
{
    // A finer level that adds less than this much resolution over the coarsest is not worth a pass.
    private const double MinUsefulRatio = 1.15;

    // A finest level at most this much larger than the photo is searched at the photo's own size: a 2048x1536
    // rendition-size picture would otherwise be enlarged 1.009x to 2066x1549 (a resampling pass, and a fourth
    // column of tiles: 12 tiles, 4.7 M tensor pixels instead of 9 and 4.2 M) for 1% more resolution.
    internal const double OwnSizeSnap = 1.05;

    public static DetectionPlan Plan(int width, int height, MultiScaleSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.TileOverlap < 0 || settings.TileOverlap >= settings.TileSide || settings.TensorAlignment < 1)
        {
            throw new ArgumentException("Tile overlap must be smaller than the tile side; alignment at least 1.", nameof(settings));
        }

        var levels = Scales(width, height, settings)
            .Select(s => new ScaleLevel(s, Math.Max(1, (int)Math.Round(width * s)), Math.Max(1, (int)Math.Round(height * s))))
            .ToList();
        var windows = new List<InferenceWindow>();
        for (var l = 0; l < levels.Count; l++)
        {
            var columns = Split(levels[l].Width, settings);
            var rows = Split(levels[l].Height, settings);
            foreach (var (y, h) in rows)
            {
                foreach (var (x, w) in columns)
                {
                    var tensorWidth = settings.FixedTensor ? settings.TileSide : AlignUp(w, settings.TensorAlignment);
                    var tensorHeight = settings.FixedTensor ? settings.TileSide : AlignUp(h, settings.TensorAlignment);
                    windows.Add(new InferenceWindow(
                        l,
                        new PixelRect(x, y, w, h),
                        tensorWidth,
                        tensorHeight,
                        InteriorLeft: x > 0,
                        InteriorTop: y > 0,
                        InteriorRight: x + w < levels[l].Width,
                        InteriorBottom: y + h < levels[l].Height));
                }
            }
        }

        return new DetectionPlan(levels, windows);
    }

    /// <summary>The scales of all levels, coarsest (the whole photo) first.</summary>
    internal static List<double> Scales(int width, int height, MultiScaleSettings settings)
    {
        var coarsest = Math.Min(settings.MaxScale, (double)settings.WholeImageLongSide / Math.Max(width, height));
        var finest = Math.Min(settings.MaxScale, Math.Sqrt((double)settings.FinestLevelPixels / ((double)width * height)));
        finest = finest > 1d && finest <= OwnSizeSnap ? 1d : finest;
        var scales = new List<double> { coarsest };
        if (finest < coarsest * MinUsefulRatio)
        {
            return scales;
        }

        var steps = (int)Math.Ceiling(Math.Log(finest / coarsest) / Math.Log(settings.MaxLevelRatio));
        for (var k = 1; k <= steps; k++)
        {
            scales.Add(coarsest * Math.Pow(finest / coarsest, (double)k / steps));
        }

        return scales;
    }

    /// <summary>Cuts one side of a level into tiles (start, length) of at most the tile side, evenly spaced,
    /// neighbours overlapping by at least the configured overlap.</summary>
    internal static List<(int Start, int Length)> Split(int length, MultiScaleSettings settings)
    {
        var tile = settings.TileSide;
        if (length <= tile)
        {
            return [(0, length)];
        }

        var overlap = settings.TileOverlap;
        var count = (int)Math.Ceiling((double)(length - overlap) / (tile - overlap));
        var size = settings.FixedTensor
            ? tile
            : Math.Min(tile, AlignUp((int)Math.Ceiling((double)(length + ((count - 1) * overlap)) / count), settings.TensorAlignment));
        var tiles = new List<(int, int)>(count);
        for (var i = 0; i < count; i++)
        {
            tiles.Add(((int)Math.Round((double)i * (length - size) / (count - 1)), size));
        }

        return tiles;
    }

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
