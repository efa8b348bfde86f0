using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Outcomes;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Consents;

/// <summary>
/// <see cref="ChangeConsent.PreviewAsync"/> (README, consent preview): it saves nothing, and what it says a change
/// would affect is what <see cref="ChangeConsent.ApplyAsync"/> then changes.
/// </summary>
[TestClass]
public sealed class ConsentPreviewTests
{
    private static ConsentChange Withdraw(ChildId child, Purpose purpose) => new(child, purpose, false, false, "Mother", "withdrawal form 7", null);

    private static ConsentChange Grant(ChildId child, Purpose purpose, bool group = false) => new(child, purpose, true, group, "Mother", "form 8", null);

    /// <summary>
    /// The consent page counted a video a withdrawal takes down as "1 photo": each affected item says its kind, read from the
    /// item itself (a decision stored before kinds were kept reads as a photo).
    /// </summary>
    [TestMethod]
    public async Task ConsentChangePreview_WithdrawalAffectingAVideoAndAPhoto_EachSaysItsKind()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var clip = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], video: true);
        var photo = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var preview = new ConsentChangePreview(world.Consents, world.Database.Media, world.Database.Renditions, world.Database.Videos);

        var outcome = await preview.PreviewAsync(Withdraw(ava, Purpose.Journal));

        Assert.IsTrue(outcome.IsSuccess, outcome.Problem?.Detail);
        var kinds = outcome.Value.ToDictionary(i => i.MediaId, i => i.Kind);
        Assert.AreEqual("video", kinds[clip.Id]);
        Assert.AreEqual("photo", kinds[photo.Id]);
    }

    [TestMethod]
    public async Task PreviewAsync_JournalWithdrawal_ListsExactlyTheItemsTheSaveThenChanges()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones");
        var withAva = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var withBoth = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        var benOnly = await world.ItemAsync(RenditionWorld.Meeting, [ben], [ben, null, null]);
        foreach (var id in new[] { withAva.Id, withBoth.Id, benOnly.Id })
        {
            await world.Renditions.RefreshItemAsync(id);
        }

        var preview = await world.Consents.PreviewAsync(Withdraw(ava, Purpose.Journal));
        var saved = await world.Consents.ApplyAsync(Withdraw(ava, Purpose.Journal), RenditionWorld.Manager);

        Assert.IsTrue(preview.IsSuccess, preview.Problem?.Detail);
        CollectionAssert.AreEqual(saved.Value.AffectedMedia.ToArray(), preview.Value.AffectedMedia.ToArray(), "the preview and the save disagree");
        CollectionAssert.AreEquivalent(new[] { withAva.Id, withBoth.Id }, preview.Value.AffectedMedia.ToArray());
        Assert.AreEqual(saved.Value.ChangedDecisions, preview.Value.Changes.Count);
        var avasFamily = preview.Value.Changes.Where(c => c.Before.Request.Audience.Equals(Audience.ParentOf(ava))).ToList();
        Assert.HasCount(2, avasFamily, "Ava's family had a journal rendition of each of the two photos tagging her");
        Assert.IsTrue(avasFamily.All(c => c.Change == RenditionChange.Withdraw), "a withdrawal takes both of Ava's family's renditions away");
    }

    [TestMethod]
    public async Task PreviewAsync_GroupOptionWithdrawn_ListsTheRemadeRenditionsAsTheSaveDoes()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var ben = await world.ChildAsync("Ben Jones", group: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        await world.Renditions.RefreshItemAsync(item.Id);

        var preview = await world.Consents.PreviewAsync(Grant(ava, Purpose.Journal, group: false));
        var saved = await world.Consents.ApplyAsync(Grant(ava, Purpose.Journal, group: false), RenditionWorld.Manager);

        CollectionAssert.AreEqual(saved.Value.AffectedMedia.ToArray(), preview.Value.AffectedMedia.ToArray());
        var remade = preview.Value.Changes.Single();
        Assert.AreEqual(Audience.ParentOf(ben), remade.Before.Request.Audience, "only Ben's family sees Ava's face masked now");
        Assert.AreEqual(RenditionChange.Remake, remade.Change);
    }

    [TestMethod]
    public async Task PreviewAsync_GrantAfterRefusal_ListsTheItemTheSaveReleases()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", journal: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);

        var preview = await world.Consents.PreviewAsync(Grant(ava, Purpose.Journal));
        var saved = await world.Consents.ApplyAsync(Grant(ava, Purpose.Journal), RenditionWorld.Manager);

        CollectionAssert.AreEqual(new[] { item.Id }, preview.Value.AffectedMedia.ToArray());
        CollectionAssert.AreEqual(saved.Value.AffectedMedia.ToArray(), preview.Value.AffectedMedia.ToArray());
        Assert.AreEqual(RenditionChange.Reconsider, preview.Value.Changes.Single().Change);
        Assert.AreEqual(Verdict.Release, preview.Value.Changes.Single().After.Verdict);
    }

    [TestMethod]
    public async Task PreviewAsync_Withdrawal_SavesNothing()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var historyBefore = await world.Database.Consents.HistoryAsync(ava, Purpose.Journal);
        var auditBefore = await world.Database.Audit.ReadAsync();
        var decisionsBefore = await world.Database.Decisions.OfMediaAsync(item.Id);
        var statusBefore = (await world.Database.Media.FindItemAsync(item.Id))!.Status;

        var preview = await world.Consents.PreviewAsync(Withdraw(ava, Purpose.Journal));

        Assert.HasCount(1, preview.Value.Changes, "the preview found the change it then must not save");
        Assert.HasCount(historyBefore.Count, await world.Database.Consents.HistoryAsync(ava, Purpose.Journal));
        Assert.HasCount(auditBefore.Count, await world.Database.Audit.ReadAsync());
        CollectionAssert.AreEqual(
            decisionsBefore.Select(d => (d.Id, d.Verdict, d.DecidedAt)).ToArray(),
            (await world.Database.Decisions.OfMediaAsync(item.Id)).Select(d => (d.Id, d.Verdict, d.DecidedAt)).ToArray());
        Assert.AreEqual(statusBefore, (await world.Database.Media.FindItemAsync(item.Id))!.Status);
        Assert.HasCount(1, world.RenditionFiles(), "the parents' rendition is still there");
    }

    [TestMethod]
    public async Task PreviewAsync_UnknownChildOrNoEvidence_IsRefusedAndComputesNothing()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");

        var unknown = await world.Consents.PreviewAsync(Withdraw(new ChildId(Guid.NewGuid().ToString("N")), Purpose.Journal));
        var invalid = await world.Consents.PreviewAsync(new ConsentChange(ava, Purpose.Journal, false, false, "Mother", " ", null));

        Assert.AreEqual(GateProblemKind.NotFound, unknown.Problem?.Kind);
        Assert.AreEqual(GateProblemKind.Invalid, invalid.Problem?.Kind);
        Assert.IsNotNull(invalid.Problem?.Detail);
    }
}
