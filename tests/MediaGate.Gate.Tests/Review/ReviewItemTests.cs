using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Review;
using MediaGate.Gate.Tests.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class ReviewItemTests
{
    private static readonly DecisionOptions HoldMasked = new(JournalMaskPolicy.Hold);

    [TestMethod]
    public async Task QueueAsync_JournalPhotoNeedingMasks_IsListedWithReasonsFacesAndAssignments()
    {
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var queue = await world.Review.QueueAsync(50);

        var entry = queue.Single(q => q.MediaId == item.Id);
        Assert.AreEqual("held", entry.Status);
        CollectionAssert.AreEqual(new[] { "child", "not-a-child", "not-a-child" }, entry.Faces.Select(f => f.Kind).ToArray());
        Assert.AreEqual(ava.Value, entry.Faces[0].ChildId);
        var journal = entry.Decisions.Single(d => d.Purpose == "journal");
        Assert.AreEqual("hold", journal.Verdict);
        Assert.IsTrue(journal.Reasons.Any(r => r.Code == nameof(ReasonCode.JournalNeedsMasksHeld)), string.Join("; ", journal.Reasons.Select(r => r.Message)));
        CollectionAssert.AreEqual(new[] { "show", "mask", "mask" }, journal.Faces.ToArray());
    }

    [TestMethod]
    public async Task DecideAsync_MaskOnAHeldJournalPhoto_ReleasesItWithTheMasks()
    {
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, []), RenditionWorld.Manager);

        Assert.AreEqual("released", outcome.Item?.Status, outcome.Problem);
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsNotNull(forAva);
        Assert.IsLessThan(5.0, Pixels.DifferenceInFace(forAva, plain, faces[0], scale));
        Assert.IsGreaterThan(20.0, Pixels.DifferenceInFace(forAva, plain, faces[1], scale));
        Assert.IsGreaterThan(20.0, Pixels.DifferenceInFace(forAva, plain, faces[2], scale));
        var audit = await world.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == "decision" && e.Subject == item.Id && e.Actor == RenditionWorld.Manager));
    }

    [TestMethod]
    public async Task DecideAsync_ReleaseAfterMask_HoldsAgainAndWithdraws()
    {
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, []), RenditionWorld.Manager);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.AreEqual("held", outcome.Item?.Status, "release means as the engine decides: the setting holds journal photos needing masks");
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task DecideAsync_AssigningTheFaceNobodyAccountedFor_ReleasesThePhoto()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null], othersUnassigned: true);
        Assert.AreEqual(MediaStatus.NeedsAssignment, item.Status);
        var third = (await world.Database.Media.FacesAsync(item.Id))[2];

        var outcome = await world.Review.DecideAsync(
            item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, [new FaceAssignmentChange(third.FaceId, Consent.Media.FaceAssignment.StaffAdult)]),
            RenditionWorld.Manager);

        Assert.AreEqual("released", outcome.Item?.Status, outcome.Problem);
        Assert.AreEqual("staff", outcome.Item!.Faces[2].Kind);
        Assert.HasCount(2, await world.Database.Renditions.OfMediaAsync(item.Id));
    }

    [TestMethod]
    public async Task DecideAsync_BlockJournal_WithdrawsAndALaterConsentChangeDoesNotBringItBack()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        Assert.HasCount(2, world.RenditionFiles());

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Block, []), RenditionWorld.Manager);
        // Ben's group option now shows him in Ava's rendition: a decision that changes and would be re-made.
        var change = await world.Consents.ApplyAsync(new ConsentChange(ben, Purpose.Journal, true, true, "Mother", "form 9", null), RenditionWorld.Manager);

        Assert.AreEqual("blocked", outcome.Item?.Status);
        Assert.AreEqual(1, change.ChangedDecisions);
        Assert.IsEmpty(world.RenditionFiles());
        Assert.IsEmpty(await world.Database.Renditions.OfMediaAsync(item.Id));
        Assert.AreEqual(MediaStatus.Blocked, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
    }

    [TestMethod]
    public async Task DecideAsync_ApproveForWebsite_PublishesOneRenditionAndBlockTakesItDown()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var body = new ReviewDecisionBody("website", "approve");
        var (decision, problem) = body.Read();
        Assert.IsNotNull(decision, problem);

        await world.Review.DecideAsync(item.Id, decision, RenditionWorld.Manager);
        var published = await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Block, []), RenditionWorld.Manager);

        Assert.HasCount(1, published);
        Assert.IsFalse(await world.Database.Approvals.IsApprovedAsync(item.Id, Purpose.Website));
        Assert.IsEmpty(await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key));
    }

    [TestMethod]
    public async Task DecideAsync_AssignmentToAFaceOfAnotherItem_IsInvalidAndChangesNothing()
    {
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var outcome = await world.Review.DecideAsync(
            item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, [new FaceAssignmentChange("not-a-face", Consent.Media.FaceAssignment.Unknown)]),
            RenditionWorld.Manager);

        Assert.IsNotNull(outcome.Problem);
        Assert.IsEmpty(await world.Database.ReviewActions.OfMediaAsync(item.Id));
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task DecideAsync_UnknownItem_IsNotFound()
    {
        await using var world = await RenditionWorld.CreateAsync();

        var outcome = await world.Review.DecideAsync(Guid.NewGuid().ToString("N"), new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.IsTrue(outcome.NotFound);
    }

    [TestMethod]
    public async Task ReadMasterAsync_ProcessedItem_ReturnsTheFullSizeMasterAndAuditsTheView()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var master = await world.Review.ReadMasterAsync(item.Id, RenditionWorld.Manager);

        Assert.IsNotNull(master);
        var image = PhotoReader.ReadUpright(master, new IngestLimits()).Value.Image;
        Assert.AreEqual((item.Width, item.Height), (image.Width, image.Height));
        var audit = await world.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == "view-master" && e.Subject == item.Id && e.Actor == RenditionWorld.Manager));
    }
}
