using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Gate.Consents;
using MediaGate.Storage;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>The renditions use case on the several-node backends: PostgreSQL and Azure Blob (a real Azurite).</summary>
[TestClass]
public sealed class AzuriteRenditionTests
{
    [TestMethod]
    public async Task RefreshAsync_OnPostgreSqlAndAzurite_MakesThenWithdrawsTheBlobOnConsentWithdrawal()
    {
        await using var world = await RenditionWorld.CreateAsync(openDatabase: SharedPostgres.OpenAsync, openStore: SharedPostgres.AzuriteStores());
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);

        var made = await world.Renditions.RefreshItemAsync(item.Id);
        var forAva = await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key);
        var pixels = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, false, false, "Mother", "withdrawal 2", null), RenditionWorld.Manager);

        Assert.AreEqual(2, made.Made);
        Assert.IsNotNull(forAva);
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(pixels!, plain, faces[1], scale), "Ben (no group option) is masked for Ava's family");
        Assert.IsFalse(await world.RenditionStore.ExistsAsync(ObjectKey.Parse(forAva.ObjectKey)), "the withdrawn rendition's blob is still there");
        Assert.IsNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key));
        var forBen = await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben).Key);
        Assert.IsTrue(await world.RenditionStore.ExistsAsync(ObjectKey.Parse(forBen!.ObjectKey)));
    }
}
