using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Review;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>The central scenarios again on PostgreSQL (the several-node deployment's database).</summary>
[TestClass]
public sealed class PostgreSqlRenditionTests
{
    [TestMethod]
    public async Task RefreshAsync_OnPostgreSql_MakesKeepsAndWithdrawsOnConsentWithdrawal()
    {
        await using var world = await RenditionWorld.CreateAsync(openDatabase: SharedPostgres.OpenAsync);
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);

        var made = await world.Renditions.RefreshItemAsync(item.Id);
        var kept = await world.Renditions.RefreshItemAsync(item.Id);
        var change = await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, false, false, "Mother", "withdrawal 1", null), RenditionWorld.Manager);

        Assert.AreEqual(2, made.Made);
        Assert.AreEqual(2, kept.Kept);
        Assert.AreEqual(2, change.Value.ChangedDecisions, "Ava's own decision blocks and Ben's rendition masks her");
        Assert.IsNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key));
        Assert.IsNotNull(await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben)));
        Assert.HasCount(1, world.RenditionFiles());
    }

    [TestMethod]
    public async Task DecideAsync_OnPostgreSql_ReviewActionsApprovalsAndBlock()
    {
        await using var world = await RenditionWorld.CreateAsync(new DecisionOptions(JournalMaskPolicy.Hold), SharedPostgres.OpenAsync);
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var masked = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, []), RenditionWorld.Manager);
        var approved = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);
        var feed = await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key);
        var blocked = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Block, []), RenditionWorld.Manager);

        Assert.AreEqual("released", masked.Value.Status);
        Assert.AreEqual("release", approved.Value.ManagerActions["website"]);
        Assert.HasCount(1, feed);
        Assert.AreEqual("blocked", blocked.Value.Status);
        Assert.AreEqual(ReviewAction.Block, (await world.Database.ReviewActions.OfMediaAsync(item.Id)).Single(a => a.Purpose == Purpose.Journal).Action);
        Assert.HasCount(1, world.RenditionFiles(), "only the website rendition is left");
    }
}
