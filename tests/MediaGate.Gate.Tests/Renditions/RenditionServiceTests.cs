using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;
using MediaGate.Storage;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

[TestClass]
public sealed class RenditionServiceTests
{
    // Tolerances, per channel, mean over the face's box: a masked face differs from the unmasked reduction by far
    // more than 20 levels; a shown face only by the JPEG's own error, well under 5.

    [TestMethod]
    public async Task RefreshAsync_GroupPhoto_EachParentSeesOwnChildAndOthersByTheGroupRule()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var cat = await world.ChildAsync("Cat Brown", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben, cat], [ava, ben, cat]);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(3, result.Made, "one rendition per tagged child's parents; the website waits for approval");
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;

        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsNotNull(forAva);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forAva, plain, faces[0], scale), "Ava's own face is shown to her parents");
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[1], scale), "Ben (no group option) is masked for Ava's parents");
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forAva, plain, faces[2], scale), "Cat (group option) is shown to Ava's parents");

        var forBen = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben));
        Assert.IsNotNull(forBen);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forBen, plain, faces[1], scale), "Ben's own face is shown to his parents");
    }

    [TestMethod]
    public async Task RefreshAsync_TwoParentsShownTheSameFaces_RendersOnePictureForBoth()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(2, result.Made, "each parent has a rendition of their own");
        Assert.AreEqual(1, result.Rendered, "both see Ava and Ben, the third face masked: one picture masked and encoded");
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        foreach (var parent in new[] { ava, ben })
        {
            var pixels = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(parent));
            Assert.IsNotNull(pixels);
            Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(pixels, plain, faces[0], scale), "Ava is shown");
            Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(pixels, plain, faces[1], scale), "Ben is shown");
            Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(pixels, plain, faces[2], scale), "the third face is masked");
        }
    }

    [TestMethod]
    public async Task RefreshAsync_TwoParentsShownDifferentFaces_RendersAPictureForEach()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(2, result.Made);
        Assert.AreEqual(2, result.Rendered, "Ben is masked for Ava's parents and shown to his own: two pictures");
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        var forBen = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben));
        Assert.IsNotNull(forAva);
        Assert.IsNotNull(forBen);
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[1], scale), "Ben, without the group option, is masked for Ava's parents");
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forBen, plain, faces[1], scale), "Ben is shown to his own parents");
    }

    [TestMethod]
    public async Task RefreshAsync_CalledAgainWithNothingChanged_KeepsEveryRendition()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var before = await world.Database.Renditions.OfMediaAsync(item.Id);
        var filesBefore = world.RenditionFiles();
        Assert.HasCount(2, before);

        var again = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(0, again.Made);
        Assert.AreEqual(before.Count, again.Kept);
        CollectionAssert.AreEquivalent(before.Select(r => r.ObjectKey).ToArray(), (await world.Database.Renditions.OfMediaAsync(item.Id)).Select(r => r.ObjectKey).ToArray());
        CollectionAssert.AreEquivalent(filesBefore, world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_KeysAndIds_CarryNoNameNoChildIdAndNoMediaId()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        await world.Renditions.RefreshItemAsync(item.Id);

        var renditions = await world.Database.Renditions.OfMediaAsync(item.Id);
        Assert.HasCount(1, renditions);
        foreach (var text in new[] { renditions[0].Id, renditions[0].ObjectKey }.Concat(world.RenditionFiles()))
        {
            foreach (var forbidden in new[] { "Ava", "Smith", ava.Value, item.Id })
            {
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.MatchesRegex("^[0-9a-f]{32}$", renditions[0].Id);
    }

    [TestMethod]
    public async Task RefreshAsync_MasterMissingFromTheStore_MakesNoRenditionAndCountsAFailure()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Masters.DeleteAsync(ObjectKey.Parse(item.MasterKey!));

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(1, result.Failed);
        Assert.IsEmpty(await world.Database.Renditions.OfMediaAsync(item.Id));
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_DecisionNoLongerReleases_WithdrawsObjectAndRow()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        Assert.HasCount(1, world.RenditionFiles());

        // The manager blocks the journal: the decision still says release, the rendition store must not.
        await world.Database.ReviewActions.SetAsync(new ReviewActionRecord(item.Id, Purpose.Journal, ReviewAction.Block, "m", world.Time.GetUtcNow()));
        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(1, result.Withdrawn);
        Assert.IsEmpty(await world.Database.Renditions.OfMediaAsync(item.Id));
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_HeldJournalPhoto_MakesNoRendition()
    {
        await using var world = await RenditionWorld.CreateAsync(new DecisionOptions(JournalMaskPolicy.Hold));
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(0, result.Made);
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_FaceNobodyAccountedFor_MakesNoRendition()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(0, result.Made);
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_DatabaseRefusesTheRow_LeavesNoObjectBehind()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(world.Root, "data", MediaGate.Data.MediaGateDatabase.SqliteFileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER refuse_renditions BEFORE INSERT ON renditions BEGIN SELECT RAISE(ABORT, 'refused'); END";
            await command.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => world.Renditions.RefreshItemAsync(item.Id));

        Assert.IsEmpty(world.RenditionFiles(), "a rendition object was written without its row");
    }

    [TestMethod]
    public async Task RefreshAsync_UnknownItem_DoesNothing()
    {
        await using var world = await RenditionWorld.CreateAsync();

        var result = await world.Renditions.RefreshItemAsync(Guid.NewGuid().ToString("N"));

        Assert.AreEqual(RenditionRefresh.None, result);
    }

    [TestMethod]
    public async Task RefreshItemAsync_PixelBudgetHeldByProcessing_WaitsThenRenders()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        // Processing decodes a photo that takes the whole budget (renders and processing share one per process).
        var processing = world.Pixels.Acquire(world.Pixels.Capacity);

        var refresh = world.Renditions.RefreshItemAsync(item.Id);
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (world.Pixels.Waiting == 0 && !refresh.IsCompleted)
            {
                await Task.Delay(10, guard.Token);
            }
        }

        Assert.IsFalse(refresh.IsCompleted, "the render must wait for the pixels processing holds");
        Assert.AreEqual(1, world.Pixels.Waiting);
        Assert.IsEmpty(world.RenditionFiles(), "nothing rendered while the budget is full");
        processing.Dispose();
        var result = await refresh;
        Assert.AreEqual(1, result.Made);
        Assert.AreEqual(0, world.Pixels.InFlight, "the render gives its pixels back");
    }
}
