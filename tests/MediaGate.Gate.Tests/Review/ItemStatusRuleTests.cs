using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class ItemStatusRuleTests
{
    private static readonly ChildId Ava = new("ava");
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Audience Fair = Audience.EventFamilies([Ava], [Ava]);

    [TestMethod]
    [DataRow(Verdict.Release, MediaStatus.Released)]
    [DataRow(Verdict.Hold, MediaStatus.Held)]
    [DataRow(Verdict.Block, MediaStatus.Blocked)]
    public void Of_EventItemWithNoChildTagged_FollowsItsEventsDecision(Verdict verdict, MediaStatus expected) =>
        Assert.AreEqual(expected, ItemStatusRule.Of([Decision(Purpose.Events, Fair, verdict)], []));

    [TestMethod]
    public void Of_EventItemTheManagerBlockedForEvents_Blocked() =>
        Assert.AreEqual(MediaStatus.Blocked, ItemStatusRule.Of(
            [Decision(Purpose.Events, Fair, Verdict.Release)],
            [new ReviewActionRecord("m1", Purpose.Events, ReviewAction.Block, "manager", Now)]));

    [TestMethod]
    public void Of_JournalHeldAndEventsReleased_TheJournalDecides() =>
        Assert.AreEqual(MediaStatus.Held, ItemStatusRule.Of(
            [Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Hold), Decision(Purpose.Events, Fair, Verdict.Release)], []));

    [TestMethod]
    public void Of_NoJournalOrEventsDecision_HeldFailClosed() =>
        Assert.AreEqual(MediaStatus.Held, ItemStatusRule.Of([Decision(Purpose.Website, Audience.Public, Verdict.Release)], []));

    [TestMethod]
    public void SentBackByConsentChange_JournalHoldAConsentChangeMade_True() =>
        Assert.IsTrue(ItemStatusRule.SentBackByConsentChange(
            [Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Hold) with { ConsentRecheckAt = Now }]));

    [TestMethod]
    public void SentBackByConsentChange_JournalHoldOfItsFirstDecision_False() =>
        Assert.IsFalse(ItemStatusRule.SentBackByConsentChange([Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Hold)]));

    /// <summary>The journal sets the item's status, so a re-checked website decision does not make the tablet say it.</summary>
    [TestMethod]
    public void SentBackByConsentChange_OnlyAWebsiteHoldMarked_False() =>
        Assert.IsFalse(ItemStatusRule.SentBackByConsentChange(
            [Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Hold), Decision(Purpose.Website, Audience.Public, Verdict.Hold) with { ConsentRecheckAt = Now }]));

    private static StoredDecision Decision(Purpose purpose, Audience audience, Verdict verdict)
    {
        var item = new MediaItem(new MediaItemId("m1"), [], [new MediaFace(1, new FaceBox(10, 10, 50, 50), 0.9f, false, FaceAssignment.ToChild(Ava))], MediaKind.Photo);
        return new StoredDecision("d-" + purpose, new DecisionRequest(item, purpose, audience, false, DecisionOptions.Default), Now, verdict, [FaceVisibility.Show], []);
    }
}
