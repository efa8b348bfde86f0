using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class DetectionPlannerTests
{
    [TestMethod]
    public void Plan_TabletPhoto12MP_WholePhotoAt640ThenTilesWithinBudget()
    {
        var settings = MultiScaleSettings.YuNet;

        var plan = DetectionPlanner.Plan(4000, 3000, settings);

        Assert.AreEqual(640, plan.Levels[0].Width);
        Assert.AreEqual(480, plan.Levels[0].Height);
        Assert.HasCount(1, plan.Windows.Where(w => w.Level == 0).ToList());
        var finest = plan.Levels[^1];
        Assert.IsTrue((long)finest.Width * finest.Height <= settings.FinestLevelPixels * 1.01, $"{finest}");
        Assert.IsTrue(finest.Scale < 1d, "a 12 MP photo is never searched at full size");
        Assert.IsGreaterThan(1, plan.Levels.Count);
    }

    [TestMethod]
    public void Plan_EveryTensor_IsAMultipleOf32AndAtMostTheTileSide()
    {
        var settings = MultiScaleSettings.YuNet;

        foreach (var (w, h) in new[] { (4000, 3000), (3000, 4000), (1024, 683), (8000, 6000), (333, 100) })
        {
            foreach (var window in DetectionPlanner.Plan(w, h, settings).Windows)
            {
                Assert.AreEqual(0, window.TensorWidth % 32, $"{w}x{h} {window}");
                Assert.AreEqual(0, window.TensorHeight % 32, $"{w}x{h} {window}");
                Assert.IsTrue(window.TensorWidth <= settings.TileSide && window.TensorHeight <= settings.TileSide, $"{w}x{h} {window}");
                Assert.IsTrue(window.Tile.Width <= window.TensorWidth && window.Tile.Height <= window.TensorHeight);
            }
        }
    }

    [TestMethod]
    public void Plan_EveryLevel_IsCoveredByTilesOverlappingByAtLeastTheOverlap()
    {
        foreach (var settings in new[] { MultiScaleSettings.YuNet, MultiScaleSettings.BlazeFace })
        {
            foreach (var (w, h) in new[] { (4000, 3000), (1024, 768), (2000, 500) })
            {
                var plan = DetectionPlanner.Plan(w, h, settings);
                for (var l = 0; l < plan.Levels.Count; l++)
                {
                    var tiles = plan.Windows.Where(x => x.Level == l).Select(x => x.Tile).ToList();
                    AssertCovers(plan.Levels[l].Width, tiles.Select(t => (t.X, t.Width)).Distinct().ToList(), settings.TileOverlap);
                    AssertCovers(plan.Levels[l].Height, tiles.Select(t => (t.Y, t.Height)).Distinct().ToList(), settings.TileOverlap);
                }
            }
        }
    }

    [TestMethod]
    public void Plan_SmallPhoto_IsEnlargedAtMostMaxScaleInOneLevel()
    {
        var plan = DetectionPlanner.Plan(200, 150, MultiScaleSettings.YuNet);

        Assert.HasCount(1, plan.Levels);
        Assert.AreEqual(2d, plan.Levels[0].Scale);
        Assert.HasCount(1, plan.Windows);
    }

    [TestMethod]
    public void Plan_DevPhoto1024_SearchesWholePhotoThenTwiceItsSize()
    {
        var plan = DetectionPlanner.Plan(1024, 683, MultiScaleSettings.YuNet);

        Assert.AreEqual(640, plan.Levels[0].Width);
        Assert.AreEqual(2d, plan.Levels[^1].Scale, 1e-9);
    }

    [TestMethod]
    public void Plan_RenditionSize2048_SearchesItsFinestLevelAtTheOwnSizeInNineTiles()
    {
        // 2048x1536 (a 12 MP photo reduced to the rendition size) would fit a 1.009x finest level under 3.2 MP; it is
        // searched at its own size instead, with no resampling and three columns of tiles rather than four.
        var plan = DetectionPlanner.Plan(2048, 1536, MultiScaleSettings.YuNet);

        var finest = plan.Levels[^1];
        Assert.AreEqual((1d, 2048, 1536), (finest.Scale, finest.Width, finest.Height));
        Assert.HasCount(9, plan.Windows.Where(w => w.Level == plan.Levels.Count - 1).ToList());
    }

    [TestMethod]
    public void Plan_FinestLevelWellAboveTheOwnSize_IsStillEnlarged()
    {
        // 1600x1200 fits 1.29x under 3.2 MP: far more than the snap, so the small faces keep that enlargement.
        var plan = DetectionPlanner.Plan(1600, 1200, MultiScaleSettings.YuNet);

        Assert.IsGreaterThan(1.25, plan.Levels[^1].Scale);
    }

    [TestMethod]
    public void Plan_BlazeFace_EveryTensorIs256Square()
    {
        var plan = DetectionPlanner.Plan(4000, 3000, MultiScaleSettings.BlazeFace);

        Assert.IsTrue(plan.Windows.All(w => w.TensorWidth == 256 && w.TensorHeight == 256));
        Assert.IsTrue(plan.Windows.All(w => w.Tile.Width <= 256 && w.Tile.Height <= 256));
    }

    [TestMethod]
    public void Plan_SingleScaleFullSize_IsOneWindowOverThePhotoAtItsOwnSize()
    {
        var plan = DetectionPlanner.Plan(1024, 683, MultiScaleSettings.SingleScaleFullSize);

        Assert.HasCount(1, plan.Windows);
        Assert.AreEqual(new PixelRect(0, 0, 1024, 683), plan.Windows[0].Tile);
        Assert.AreEqual(704, plan.Windows[0].TensorHeight);
    }

    [TestMethod]
    public void Plan_InteriorSides_AreFlaggedOnlyBetweenTiles()
    {
        var plan = DetectionPlanner.Plan(4000, 3000, MultiScaleSettings.YuNet);
        var finest = plan.Levels.Count - 1;
        var tiles = plan.Windows.Where(w => w.Level == finest).ToList();

        foreach (var w in tiles)
        {
            Assert.AreEqual(w.Tile.X > 0, w.InteriorLeft);
            Assert.AreEqual(w.Tile.Right < plan.Levels[finest].Width, w.InteriorRight);
        }

        Assert.IsTrue(tiles.Any(w => w.InteriorLeft && w.InteriorRight && w.InteriorTop));
    }

    private static void AssertCovers(int length, List<(int Start, int Length)> spans, int overlap)
    {
        spans.Sort();
        Assert.AreEqual(0, spans[0].Start);
        Assert.AreEqual(length, spans[^1].Start + spans[^1].Length);
        for (var i = 1; i < spans.Count; i++)
        {
            var shared = spans[i - 1].Start + spans[i - 1].Length - spans[i].Start;
            Assert.IsTrue(shared >= overlap, $"tiles {spans[i - 1]} and {spans[i]} of {length} overlap by {shared}");
        }
    }
}
