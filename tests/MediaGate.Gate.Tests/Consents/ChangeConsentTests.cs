using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Review;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Consents;

[TestClass]
public sealed class ChangeConsentTests
{
    private static ConsentChange Withdraw(ChildId child, Purpose purpose) => new(child, purpose, false, false, "Mother", "withdrawal form 7", null);

    private static ConsentChange Grant(ChildId child, Purpose purpose, bool group = false) => new(child, purpose, true, group, "Mother", "form 8", null);

    [TestMethod]
    public async Task ApplyAsync_JournalWithdrawn_RemovesTheParentsRenditionObjectAndRow()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        Assert.HasCount(1, world.RenditionFiles());

        var result = await world.Consents.ApplyAsync(Withdraw(ava, Purpose.Journal), RenditionWorld.Manager);

        Assert.IsTrue(result.IsSuccess, result.Problem?.Detail);
        CollectionAssert.AreEqual(new[] { item.Id }, result.Value.AffectedMedia.ToArray());
        Assert.IsEmpty(await world.Database.Renditions.OfMediaAsync(item.Id));
        Assert.IsEmpty(world.RenditionFiles());
        Assert.IsEmpty(await world.Database.Media.JournalOfAsync([ava]));
        Assert.AreEqual(MediaStatus.Blocked, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
    }

    [TestMethod]
    public async Task ApplyAsync_GroupOptionWithdrawn_RemakesTheOtherFamilysRenditionWithTheFaceMasked()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var faces = RenditionWorld.AnnotatedFaces(RenditionWorld.Meeting);
        var master = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var plain = Pixels.PlainReduction(master, world.Rendition.MaxLongSide);
        double scale = (double)plain.Width / master.Width;
        var before = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben));
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(before!, plain, faces[0], scale), "Ava is shown to Ben's family before the change");

        // Ava's journal consent stays, without the group option: a new grant replaces the old one.
        await world.Consents.ApplyAsync(Grant(ava, Purpose.Journal, group: false), RenditionWorld.Manager);

        var after = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ben));
        Assert.IsNotNull(after);
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(after, plain, faces[0], scale), "Ava (group option withdrawn) is masked for Ben's family");
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(after, plain, faces[1], scale), "Ben's own face stays shown to his family");
        var forAva = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(forAva!, plain, faces[0], scale), "Ava's own parents still see her face");
        Assert.HasCount(2, world.RenditionFiles(), "the replaced rendition's object was left behind");
    }

    /// <summary>
    /// A family saw a photo and then it said "still being checked", unexplained (a nursery's walkthrough): three faces
    /// shown by matching counts until Cara's family took back the group option; the other families' copies are taken
    /// down until the faces are named, and their lists say it is being checked again after a consent change, never
    /// with an image. Once the faces are named and it is released, that reason goes.
    /// </summary>
    [TestMethod]
    public async Task ApplyAsync_GroupOptionWithdrawnFromAPhotoShownByMatchingCounts_OtherFamiliesSeeItIsCheckedAgain()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var cara = await world.ChildAsync("Cara Brown", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben, cara], [null, null, null], othersUnassigned: true);
        var held = await world.ItemAsync(RenditionWorld.Meeting, [ava], [null, null, null], othersUnassigned: true);
        await world.Renditions.RefreshItemAsync(item.Id);
        Assert.AreEqual(("released", (string?)null), await ListedAsync(world, ava, item.Id), "shown by matching counts");
        Assert.AreEqual(("checking", (string?)null), await ListedAsync(world, ava, held.Id), "held from the start: checking, for no consent change");

        await world.Consents.ApplyAsync(Grant(cara, Purpose.Journal, group: false), RenditionWorld.Manager);

        Assert.AreEqual(("checking", ParentListItem.Again), await ListedAsync(world, ava, item.Id));
        Assert.AreEqual(("checking", ParentListItem.Again), await ListedAsync(world, ben, item.Id));
        Assert.AreEqual(("checking", (string?)null), await ListedAsync(world, ava, held.Id), "an item the change did not touch");
        Assert.IsEmpty(await world.Database.Media.JournalOfAsync([ava]), "no image meanwhile");

        var faces = await world.Database.Media.FacesAsync(item.Id);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Journal, ReviewAction.Release,
            faces.Zip(new[] { ava, ben, cara }).Select(p => new FaceAssignmentChange(p.First.FaceId, FaceAssignment.ToChild(p.Second))).ToArray()), RenditionWorld.Manager);

        Assert.AreEqual(("released", (string?)null), await ListedAsync(world, ava, item.Id));
    }

    private static async Task<(string Status, string? Recheck)> ListedAsync(RenditionWorld world, ChildId child, string mediaId)
    {
        var item = ParentListRule.From(await world.Database.ParentMedia.CandidatesAsync([child])).Single(i => i.MediaId == mediaId);
        return (item.Status, item.Recheck);
    }

    [TestMethod]
    public async Task ApplyAsync_WebsiteWithdrawn_RemovesTheFeedEntry()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var approval = await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);
        Assert.IsTrue(approval.IsSuccess, approval.Problem?.Detail);
        Assert.HasCount(1, await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key));

        await world.Consents.ApplyAsync(Withdraw(ava, Purpose.Website), RenditionWorld.Manager);

        Assert.IsEmpty(await world.Database.Renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key));
        Assert.HasCount(1, world.RenditionFiles(), "only the journal rendition is left");
    }

    [TestMethod]
    public async Task ApplyAsync_GrantAfterRefusal_ReleasesThePhoto()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", journal: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        Assert.IsEmpty(world.RenditionFiles());

        var result = await world.Consents.ApplyAsync(Grant(ava, Purpose.Journal), RenditionWorld.Manager);

        Assert.AreEqual(1, result.Value.ChangedDecisions);
        Assert.IsNotNull(await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava)));
        Assert.AreEqual(MediaStatus.Released, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
    }

    [TestMethod]
    public async Task ApplyAsync_Withdrawal_IsAppendedToHistoryAndAudited()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        world.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await world.Consents.ApplyAsync(Withdraw(ava, Purpose.Journal), RenditionWorld.Manager);

        var history = await world.Database.Consents.HistoryAsync(ava, Purpose.Journal);
        Assert.HasCount(2, history, "the grant was overwritten instead of kept");
        Assert.IsTrue(history[0].Granted);
        Assert.AreEqual(world.Time.GetUtcNow(), history[1].WithdrawnOn);
        Assert.AreEqual(result.Value.Record, history[1]);
        var audit = await world.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == "consent-change" && e.Subject == ava.Value && e.Actor == RenditionWorld.Manager));
    }

    [TestMethod]
    public async Task RecordAsync_WithdrawalTheCallerMade_RemovesTheRendition()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var grant = (await world.Database.Consents.HistoryAsync(ava, Purpose.Journal))[^1];

        var result = await world.Consents.RecordAsync(grant.WithdrawnAt(world.Time.GetUtcNow()), RenditionWorld.Manager);

        Assert.AreEqual(1, result.Value.ChangedDecisions);
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task ReEvaluateAsync_CellsChangedByAnImport_RemovesTheRendition()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var grant = (await world.Database.Consents.HistoryAsync(ava, Purpose.Journal))[^1];
        await world.Database.Consents.AppendAsync(grant.WithdrawnAt(world.Time.GetUtcNow()));
        Assert.HasCount(1, world.RenditionFiles(), "appending alone must not touch renditions");

        var result = await world.Consents.ReEvaluateAsync([grant.Cell, new ConsentCellKey(ava, Purpose.Website)], RenditionWorld.Manager);

        CollectionAssert.AreEqual(new[] { item.Id }, result.AffectedMedia.ToArray());
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task ApplyAsync_UnknownChild_RecordsNothing()
    {
        await using var world = await RenditionWorld.CreateAsync();

        var result = await world.Consents.ApplyAsync(Grant(new ChildId("nobody"), Purpose.Journal), RenditionWorld.Manager);

        Assert.AreEqual(GateProblemKind.NotFound, result.Problem?.Kind);
        Assert.IsEmpty(await world.Database.Audit.ReadAsync());
    }

    [TestMethod]
    [DataRow("", "form 1")]
    [DataRow("Mother", " ")]
    public async Task ApplyAsync_MissingGivenByOrEvidence_IsInvalid(string givenBy, string evidence)
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");

        var result = await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Website, true, false, givenBy, evidence, null), RenditionWorld.Manager);

        Assert.AreEqual(GateProblemKind.Invalid, result.Problem?.Kind);
        Assert.HasCount(1, await world.Database.Consents.HistoryAsync(ava, Purpose.Website));
    }
}
