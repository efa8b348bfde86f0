using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Gate.Consents;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>Two nodes refreshing one item while a consent changes: whatever the interleaving, the end state follows the newest decisions.</summary>
[TestClass]
public sealed class TwoNodeRenditionTests
{
    [TestMethod]
    public async Task RefreshAsync_OtherNodeRefreshingDuringAGroupWithdrawal_EndsWithTheFaceMaskedAndNoOrphans()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var other = await world.OtherNodeAsync();

        var refreshing = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await other.RefreshItemAsync(item.Id);
            }
        });
        var withdrawal = world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, true, false, "Mother", "form 10", null), RenditionWorld.Manager);
        await Task.WhenAll(refreshing, withdrawal);

        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var forBen = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben));
        Assert.IsNotNull(forBen);
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forBen, plain, faces[0], scale), "Ava is masked for Ben's family");
        var rows = await world.Database.Renditions.OfMediaAsync(item.Id);
        Assert.HasCount(2, rows);
        Assert.HasCount(2, world.RenditionFiles(), "a replaced rendition's object was left behind");
    }
}
