using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;
using static MediaGate.Consent.Tests.Support.Photos;

namespace MediaGate.Consent.Tests.ReEvaluation;

[TestClass]
public sealed class ReEvaluatorTests
{
    private static readonly DecisionRequest AvaAloneForHerParents =
        new(Photo([Ava], Of(Ava)), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

    private static readonly DecisionRequest GroupForBensParents =
        new(Photo([Ava, Ben], Of(Ava), Of(Ben)), Purpose.Journal, Audience.ParentOf(Ben), false, new DecisionOptions(JournalMaskPolicy.MaskAndRelease));

    private static readonly DecisionRequest GroupOnWebsite =
        new(Photo([Ava, Ben], Of(Ava), Of(Ben)), Purpose.Website, Audience.Public, true, DecisionOptions.Default);

    private static readonly DecisionRequest BenAloneForHisParents =
        new(Photo([Ben], Of(Ben)), Purpose.Journal, Audience.ParentOf(Ben), false, DecisionOptions.Default);

    [TestMethod]
    public void AfterCellChange_AvaWithdrawsJournal_ListsEveryRenditionThatChanges()
    {
        var book = new ConsentBook().GrantAll(Ava).GrantAll(Ben);
        var stored = Decide(book.AtNow(), AvaAloneForHerParents, GroupForBensParents, GroupOnWebsite, BenAloneForHisParents);
        var later = book.Withdraw(Ava, Purpose.Journal, Now.AddMinutes(1)).Matrix().AsOf(Now.AddMinutes(2), TimeZoneInfo.Utc);

        var changes = ReEvaluator.AfterCellChange(stored, new ConsentCellKey(Ava, Purpose.Journal), later);

        var byId = changes.ToDictionary(c => c.Before.Id);
        CollectionAssert.AreEquivalent(new[] { "0", "1" }, byId.Keys.ToArray());
        Assert.AreEqual(RenditionChange.Withdraw, byId["0"].Change);
        Assert.AreEqual(RenditionChange.Remake, byId["1"].Change);
        Assert.AreEqual(FaceVisibility.Mask, byId["1"].After.Faces[0].Visibility);
    }

    [TestMethod]
    public void AfterCellChange_WebsiteWithdrawn_RemakesTheWebsiteRenditionOnly()
    {
        var book = new ConsentBook().GrantAll(Ava).GrantAll(Ben);
        var stored = Decide(book.AtNow(), AvaAloneForHerParents, GroupForBensParents, GroupOnWebsite, BenAloneForHisParents);
        var later = book.Withdraw(Ben, Purpose.Website, Now.AddMinutes(1)).Matrix().AsOf(Now.AddMinutes(2), TimeZoneInfo.Utc);

        var changes = ReEvaluator.AfterCellChange(stored, new ConsentCellKey(Ben, Purpose.Website), later);

        Assert.HasCount(1, changes);
        Assert.AreEqual("2", changes[0].Before.Id);
        Assert.AreEqual(RenditionChange.Remake, changes[0].Change);
    }

    [TestMethod]
    public void AfterCellChange_NewGrant_ReconsidersABlockedPhoto()
    {
        var book = new ConsentBook();
        var stored = Decide(book.AtNow(), AvaAloneForHerParents);
        var later = book.Grant(Ava, Purpose.Journal).Matrix().AsOf(Now.AddDays(1), TimeZoneInfo.Utc);

        var changes = ReEvaluator.AfterCellChange(stored, new ConsentCellKey(Ava, Purpose.Journal), later);

        Assert.HasCount(1, changes);
        Assert.AreEqual(RenditionChange.Reconsider, changes[0].Change);
        Assert.AreEqual(Verdict.Release, changes[0].After.Verdict);
    }

    [TestMethod]
    public void AfterCellChange_CellNoDecisionReliedOn_ListsNothing()
    {
        var book = new ConsentBook().GrantAll(Ava).GrantAll(Ben);
        var stored = Decide(book.AtNow(), AvaAloneForHerParents, BenAloneForHisParents);
        var later = book.Withdraw(Ava, Purpose.Publicity, Now.AddMinutes(1)).Matrix().AsOf(Now.AddMinutes(2), TimeZoneInfo.Utc);

        Assert.IsEmpty(ReEvaluator.AfterCellChange(stored, new ConsentCellKey(Ava, Purpose.Publicity), later));
    }

    [TestMethod]
    public void All_AfterTheReviewDate_ListsLapsedDecisions()
    {
        var book = new ConsentBook().GrantAll(Ava).GrantAll(Ben);
        var stored = Decide(book.AtNow(), AvaAloneForHerParents, BenAloneForHisParents);
        var afterReview = book.Matrix().AsOf(new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        var changes = ReEvaluator.All(stored, afterReview);

        Assert.HasCount(2, changes);
        Assert.IsTrue(changes.All(c => c.Change == RenditionChange.Withdraw));
    }

    private static List<StoredDecision> Decide(ConsentSnapshot consent, params DecisionRequest[] requests) =>
        requests.Select((r, i) => StoredDecision.From(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r, ConsentDecisionEngine.Decide(r, consent), consent.Instant)).ToList();
}
