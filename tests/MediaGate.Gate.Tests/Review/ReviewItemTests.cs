using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Review;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Testing.Renditions;

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

        Assert.AreEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsNotNull(forAva);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forAva, plain, faces[0], scale));
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[1], scale));
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[2], scale));
        var audit = await world.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == "decision" && e.Subject == item.Id && e.Actor == RenditionWorld.Manager));
    }

    [TestMethod]
    public async Task DecideAsync_ReleaseOnAPhotoTheSettingHoldsForMasks_ReleasesItWithTheMasks()
    {
        // Was "release means as the engine decides": the photo stayed held. The manager's answer is final (issue 12).
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Mask, []), RenditionWorld.Manager);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.AreEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        Assert.HasCount(1, world.RenditionFiles());
        CollectionAssert.AreEqual(new[] { "show", "mask", "mask" }, outcome.Value.Decisions.Single(d => d.Purpose == "journal").Faces.ToArray());
    }

    /// <summary>
    /// Regression, issue 12 ("the manager's answer is final"): a photo with a faint detection and a face nobody named was
    /// released by the manager, then released with masks; the page said "released ... The item is now held" and the
    /// parent still saw "Being checked".
    /// </summary>
    [TestMethod]
    public async Task DecideAsync_ReleaseOfAPhotoHeldByAFaintAndAnUnnamedFace_ReleasesWithBothMasked()
    {
        await using var world = await RenditionWorld.CreateAsync(HoldMasked);
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        Assert.AreEqual(MediaStatus.NeedsAssignment, item.Status);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.AreEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        Assert.AreEqual(MediaStatus.Released, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
        StringAssert.StartsWith(outcome.Value.Summary, "Released to Ava Smith's family's journal.");
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsNotNull(forAva, "Ava's parents receive the photo");
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forAva, plain, faces[0], scale), "Ava's own face is shown");
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[1], scale), "the unnamed face is masked");
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(forAva, plain, faces[2], scale), "the faint, unnamed face is masked");
    }

    [TestMethod]
    public async Task DecideAsync_ReleasedByTheManagerThenAConsentChange_StaysReleased()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        // A change to a cell the released decision relies on: re-evaluation recomputes it from its stored request.
        var change = await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, true, true, "Mother", "form 9", null), RenditionWorld.Manager);

        Assert.IsTrue(change.IsSuccess, change.Problem?.Detail);
        Assert.AreEqual(MediaStatus.Released, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
        Assert.HasCount(1, world.RenditionFiles());
    }

    [TestMethod]
    public async Task DecideAsync_ReleasedByTheManagerThenConsentWithdrawn_IsNoLongerReleased()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);
        Assert.HasCount(1, world.RenditionFiles());

        await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, false, false, "Mother", "withdrawal 1", null), RenditionWorld.Manager);

        Assert.IsEmpty(world.RenditionFiles(), "the manager's release never outlives a withdrawal");
    }

    [TestMethod]
    public async Task DecideAsync_EveryFaceNamedOneOfThemFaint_ReleasesToBothFamilies()
    {
        // The manager named every face and pressed Release: a faint face a person named follows that child's
        // consent. Since faint faces no longer hold (issue 12), the photo is released before the manager looks; the
        // manager's Release keeps it released to both families.
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null], faint: [2]);
        Assert.AreEqual(MediaStatus.Released, item.Status, "a named faint face and a face of someone outside the setting hold nothing");

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.AreEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        Assert.HasCount(2, await world.Database.Renditions.OfMediaAsync(item.Id));
        Assert.AreEqual("Released to the journals of Ava Smith's and Ben Jones' families. Website and publicity: not approved.", outcome.Value.Summary);
    }

    [TestMethod]
    public async Task DecideAsync_ApproveForWebsiteAPhotoWithAFaintUnnamedFace_PublishesItWithTheUnnamedFacesMasked()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.HasCount(1, await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key));
        StringAssert.Contains(outcome.Value.Summary, "Website: approved and published.");
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var published = await world.RenditionPixelsAsync(item.Id, Purpose.Website, Audience.Public);
        Assert.IsNotNull(published);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(published, plain, faces[0], scale), "Ava, with website consent, is shown");
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(published, plain, faces[1], scale));
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(published, plain, faces[2], scale));
    }

    [TestMethod]
    public async Task DecideAsync_ApproveForPublicityAPhotoWithAFaintUnnamedFace_TheManagerCanDownloadIt()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        await world.Database.Consents.AppendAsync(new ConsentRecord(
            ava, Purpose.Publicity, true, false, "Mother", "form-2", DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime), null, null, world.Time.GetUtcNow()));
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        var download = new RenditionDownload(world.Database.Renditions, world.Database.Videos, world.Database.Audit, new NoFamilies(), world.RenditionStore,
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Ingest.Video.VideoLimits()),
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Gate.Video.VideoServiceOptions()), world.Time);
        Assert.AreEqual(GateProblemKind.NotFound, (await download.PublicityAsync(item.Id, RenditionWorld.Manager)).Problem?.Kind, "nothing before approval");

        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Publicity, ReviewAction.Release, []), RenditionWorld.Manager);

        var approved = await download.PublicityAsync(item.Id, RenditionWorld.Manager);
        Assert.IsTrue(approved.IsSuccess, approved.Problem?.Detail);
    }

    [TestMethod]
    public async Task DecideAsync_ApproveForWebsiteAPhotoOfAChildWithoutWebsiteConsent_SaysWhyItIsNotPublished()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.IsEmpty(await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key));
        StringAssert.Contains(outcome.Value.Summary, "Website: approved, but not published, because it would need a child masked (Face 1 is masked");
    }

    [TestMethod]
    public async Task QueueAsync_PhotoWithUnnamedFaces_SummarySaysWhatHoldsItAndWhoCanAct()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);

        var entry = (await world.Review.QueueAsync(50)).Single(q => q.MediaId == item.Id);

        Assert.AreEqual(
            "Held for the journals: faces 2 and 3 need a name — the practitioner can name them on the tablet, or you can here. Website and publicity: not approved.",
            entry.Summary);
    }

    [TestMethod]
    public async Task QueueAsync_FaintFace_IsMarkedFaint()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);

        var entry = (await world.Review.QueueAsync(50)).Single(q => q.MediaId == item.Id);

        CollectionAssert.AreEqual(new[] { false, false, true }, entry.Faces.Select(f => f.Faint).ToArray());
    }

    [TestMethod]
    public async Task DecideAsync_BlockJournalAfterRelease_SummaryAndStatusSayBlocked()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, []), RenditionWorld.Manager);

        var outcome = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Block, []), RenditionWorld.Manager);

        Assert.AreEqual("blocked", outcome.Value.Status);
        StringAssert.StartsWith(outcome.Value.Summary, "Blocked for the journals by you.");
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task DecideAsync_Assignment_IsAuditedWithTheDetectionsScoreAndStrength()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        var third = (await world.Database.Media.FacesAsync(item.Id))[2];

        await world.Review.DecideAsync(
            item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release, [new FaceAssignmentChange(third.FaceId, Consent.Media.FaceAssignment.Unknown)]),
            RenditionWorld.Manager);

        var entry = (await world.Database.Audit.ReadAsync()).Last(e => e.Action == "decision" && e.Subject == item.Id && e.Actor == RenditionWorld.Manager);
        using var details = System.Text.Json.JsonDocument.Parse(entry.Detail!);
        var assignment = details.RootElement.GetProperty("assignments")[0];
        Assert.AreEqual(3, assignment.GetProperty("number").GetInt32());
        Assert.AreEqual(0.6, assignment.GetProperty("score").GetDouble(), 1e-4);
        Assert.IsTrue(assignment.GetProperty("faint").GetBoolean());
        Assert.AreEqual("not-a-child", assignment.GetProperty("kind").GetString());
    }

    [TestMethod]
    public async Task PublishableAsync_ReleasedAndHeldItems_ListsTheReleasedNewestFirstInPages()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var released = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            released.Add((await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null])).Id);
            world.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var held = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true);

        var first = await world.Review.PublishableAsync(2);
        var second = await world.Review.PublishableAsync(2, first[^1].MediaId);

        CollectionAssert.AreEqual(new[] { released[2], released[1] }, first.Select(i => i.MediaId).ToArray());
        CollectionAssert.AreEqual(new[] { released[0] }, second.Select(i => i.MediaId).ToArray());
        Assert.IsTrue(first.Concat(second).All(i => i.Status == "released" && i.Summary.Contains("Website and publicity: not approved.", StringComparison.Ordinal)));
        Assert.IsFalse(first.Concat(second).Any(i => i.MediaId == held.Id));
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

        Assert.AreEqual("released", outcome.Value.Status, outcome.Problem?.Detail);
        Assert.AreEqual("staff", outcome.Value.Faces[2].Kind);
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

        Assert.AreEqual("blocked", outcome.Value.Status);
        Assert.AreEqual(1, change.Value.ChangedDecisions);
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

        Assert.AreEqual(GateProblemKind.NotFound, outcome.Problem?.Kind);
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

    /// <summary>No parent sees anything: the publicity copy is the manager's.</summary>
    private sealed class NoFamilies : IParentChildren
    {
        public Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChildId>>([]);
    }
}
