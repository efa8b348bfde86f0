using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Review;
using MediaGate.Gate.Tests.Support;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Review;

/// <summary>
/// Red team: the manager releases a held photo while a parent's withdrawal of the child's journal consent is
/// recorded. The withdrawal lands after the review loaded the matrix and before it saved its re-decision, so the
/// withdrawal's own re-decision ran first and the review then saved (and rendered) a release from the older matrix.
/// </summary>
[TestClass]
public sealed class ReviewItemConsentRaceTests
{
    [TestMethod]
    public async Task DecideAsync_JournalWithdrawnWhileTheManagerReleases_LeavesNoParentRendition()
    {
        await using var world = await RenditionWorld.CreateAsync(new DecisionOptions(JournalMaskPolicy.Hold));
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var withdrawal = new ConsentChange(ava, Purpose.Journal, false, false, "Parent of Ava", "FORM-withdrawn", null);
        // The review reads the clock once for the moment of the decision, then right after it loaded the matrix.
        var clock = new ClockThatRunsOnce(world.Time, 2, () => world.Consents.ApplyAsync(withdrawal, RenditionWorld.Manager).GetAwaiter().GetResult());
        var db = world.Database;
        var review = new ReviewItem(
            db.Media, db.Decisions, db.Audit, db.Consents, db.ReviewActions, db.Approvals, db.ReviewLists, db.Videos,
            new ItemStatuses(db.Media, db.Decisions, db.ReviewActions), new ItemRedecider(db.Media, db.Decisions, db.Approvals, db.ReviewActions, db.Events, db.Videos),
            world.Renditions, world.Masters, Microsoft.Extensions.Options.Options.Create(world.Ingest),
            Microsoft.Extensions.Options.Options.Create(new GateOptions { JournalMasks = JournalMaskPolicy.Hold }), clock,
            Microsoft.Extensions.Options.Options.Create(new SettingClockOptions { TimeZone = "Europe/London" }));

        var outcome = await review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, []), RenditionWorld.Manager);

        Assert.IsTrue(clock.HasRun, "the withdrawal was not made during the review");
        Assert.AreNotEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        Assert.IsNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, "parent:" + ava), "a withdrawn child's photo is still in the journal");
        Assert.IsEmpty(world.RenditionFiles());
    }
}
