using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Parents;

namespace MediaGate.Gate.Tests.Parents;

[TestClass]
public sealed class ParentListRuleTests
{
    private static readonly ChildId Ava = new("ava");
    private static readonly ChildId Ben = new("ben");
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void From_ReleasedAndHeldJournalItems_ReleasedAndCheckingNewestFirst()
    {
        var list = ParentListRule.From(
        [
            Journal("old", Monday, MediaStatus.Released, rendition: "r1", verdict: "Release"),
            Journal("new", Monday.AddHours(1), MediaStatus.Held, rendition: null, verdict: "Hold"),
        ]);

        CollectionAssert.AreEqual(new[] { ("new", "checking", "journal"), ("old", "released", "journal") },
            list.Select(i => (i.MediaId, i.Status, i.Purpose)).ToArray());
    }

    [TestMethod]
    [DataRow(MediaStatus.Blocked, "Block")]
    [DataRow(MediaStatus.Failed, null)]
    [DataRow(MediaStatus.Held, "Block")]
    [DataRow(MediaStatus.Released, "Block")]
    public void From_BlockedForTheFamilyOrFailed_NotListed(MediaStatus status, string? verdict) =>
        Assert.IsEmpty(ParentListRule.From([Journal("m", Monday, status, rendition: null, verdict: verdict)]));

    [TestMethod]
    public void From_EventRenditionForTheFamily_ReleasedEventWithoutTheNote()
    {
        var audience = Audience.EventFamilies([Ava, Ben], [Ava, Ben]).Key;

        var item = ParentListRule.From([Event("m", Ava, MediaStatus.Held, "r1", audience, "Release")]).Single();

        Assert.AreEqual(("released", "events", "ava"), (item.Status, item.Purpose, item.ChildId));
        Assert.IsNull(item.Note, "the note was written for the tagged children's journals");
    }

    [TestMethod]
    public void From_EventRenditionWhoseAudienceLacksTheFamily_NotReleased()
    {
        var othersOnly = Audience.EventFamilies([Ben], [Ben]).Key;

        Assert.IsEmpty(ParentListRule.From([Event("m", Ava, MediaStatus.Released, "r1", othersOnly, "Release")]),
            "the rendition itself says who it is for");
    }

    [TestMethod]
    public void From_JournalCheckingAndEventReleased_OnceAsTheReleasedEvent()
    {
        var audience = Audience.EventFamilies([Ava], [Ava]).Key;

        var list = ParentListRule.From(
        [
            Journal("m", Monday, MediaStatus.Held, rendition: null, verdict: "Hold"),
            Event("m", Ava, MediaStatus.Held, "r2", audience, "Release"),
        ]);

        Assert.AreEqual(("released", "events"), (list.Single().Status, list.Single().Purpose));
    }

    [TestMethod]
    public void From_JournalAndEventBothReleased_OnceAsTheJournal()
    {
        var audience = Audience.EventFamilies([Ava], [Ava]).Key;

        var list = ParentListRule.From(
        [
            Event("m", Ava, MediaStatus.Released, "r2", audience, "Release"),
            Journal("m", Monday, MediaStatus.Released, rendition: "r1", verdict: "Release"),
        ]);

        Assert.AreEqual(("released", "journal", "Note"), (list.Single().Status, list.Single().Purpose, list.Single().Note));
    }

    [TestMethod]
    [DataRow(MediaStatus.Processing, null, true)]
    [DataRow(MediaStatus.Released, "Hold", true)]
    [DataRow(MediaStatus.Released, "Block", false)]
    [DataRow(MediaStatus.Released, null, false)]
    public void From_EventItemWithoutRendition_CheckingOnlyWhileProcessingOrHeld(MediaStatus status, string? verdict, bool listed) =>
        Assert.AreEqual(listed, ParentListRule.From([Event("m", Ava, status, null, null, verdict)]).Count == 1);

    /// <summary>An item a consent change sent back to be checked says so; one that was always being checked, or is released, does not.</summary>
    [TestMethod]
    public void From_HoldAConsentChangeCaused_CheckingWithTheConsentChangeAsTheReason()
    {
        var list = ParentListRule.From(
        [
            Journal("again", Monday, MediaStatus.NeedsAssignment, rendition: null, verdict: "Hold") with { HeldByConsentChange = true },
            Journal("first", Monday.AddHours(1), MediaStatus.NeedsAssignment, rendition: null, verdict: "Hold"),
            Journal("shown", Monday.AddHours(2), MediaStatus.Released, rendition: "r1", verdict: "Release"),
        ]);

        CollectionAssert.AreEqual(
            new[] { ("shown", "released", (string?)null), ("first", "checking", null), ("again", "checking", ParentListItem.Again) },
            list.Select(i => (i.MediaId, i.Status, i.Recheck)).ToArray());
    }

    private static ParentItemCandidate Journal(string mediaId, DateTimeOffset takenAt, MediaStatus status, string? rendition, string? verdict) =>
        new(mediaId, Ava, Purpose.Journal, takenAt, "Note", status, rendition, rendition is null ? null : "parent:ava", verdict);

    private static ParentItemCandidate Event(string mediaId, ChildId child, MediaStatus status, string? rendition, string? audience, string? verdict) =>
        new(mediaId, child, Purpose.Events, Monday, "Note", status, rendition, audience, verdict);
}
