using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

[TestClass]
public sealed class RenditionPolicyTests
{
    private static readonly ChildId Ava = new("ava");
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Releases_ReleasedJournalForAParent_IsTrue() =>
        Assert.IsTrue(RenditionPolicy.Releases(Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Release), [], []));

    [TestMethod]
    [DataRow(Verdict.Hold)]
    [DataRow(Verdict.Block)]
    public void Releases_NotReleased_IsFalse(Verdict verdict) =>
        Assert.IsFalse(RenditionPolicy.Releases(Decision(Purpose.Journal, Audience.ParentOf(Ava), verdict), [], []));

    [TestMethod]
    public void Releases_WebsiteApprovedInRequestButNotInApprovals_IsFalse() =>
        Assert.IsFalse(RenditionPolicy.Releases(Decision(Purpose.Website, Audience.Public, Verdict.Release, approved: true), [], []));

    [TestMethod]
    public void Releases_WebsiteApprovedInBoth_IsTrue() =>
        Assert.IsTrue(RenditionPolicy.Releases(Decision(Purpose.Website, Audience.Public, Verdict.Release, approved: true), [Purpose.Website], []));

    [TestMethod]
    public void Releases_WebsiteWithAChildsFaceMasked_IsFalse()
    {
        var decision = Decision(Purpose.Website, Audience.Public, Verdict.Release, approved: true) with { Faces = [FaceVisibility.Mask, FaceVisibility.Mask] };

        Assert.IsFalse(RenditionPolicy.Releases(decision, [Purpose.Website], []));
    }

    [TestMethod]
    public void Releases_ManagerBlockedThePurpose_IsFalse() =>
        Assert.IsFalse(RenditionPolicy.Releases(
            Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Release), [],
            [new ReviewActionRecord("m1", Purpose.Journal, ReviewAction.Block, "manager", Now)]));

    [TestMethod]
    public void Releases_ReleasedEventsForTheAttendeesFamilies_IsTrue() =>
        Assert.IsTrue(RenditionPolicy.Releases(Decision(Purpose.Events, Audience.EventFamilies([Ava], [Ava]), Verdict.Release), [], []));

    [TestMethod]
    public void Releases_HeldEvents_IsFalse() =>
        Assert.IsFalse(RenditionPolicy.Releases(Decision(Purpose.Events, Audience.EventFamilies([Ava], [Ava]), Verdict.Hold), [], []));

    [TestMethod]
    public void Releases_EventsTheManagerBlocked_IsFalse() =>
        Assert.IsFalse(RenditionPolicy.Releases(
            Decision(Purpose.Events, Audience.EventFamilies([Ava], [Ava]), Verdict.Release), [],
            [new ReviewActionRecord("m1", Purpose.Events, ReviewAction.Block, "manager", Now)]));

    [TestMethod]
    public void Releases_EventsForTheParentOfAChild_IsFalse() =>
        Assert.IsFalse(RenditionPolicy.Releases(Decision(Purpose.Events, Audience.ParentOf(Ava), Verdict.Release), [], []));

    [TestMethod]
    public void FacesToMask_VisibilityMissingForAFace_MasksIt()
    {
        var decision = Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Release) with { Faces = [FaceVisibility.Show] };

        var masked = RenditionPolicy.FacesToMask(decision);

        Assert.HasCount(1, masked);
        Assert.AreEqual(300f, masked[0].X);
    }

    [TestMethod]
    public void FacesToMask_FaintUnnamedBoxOverTheShownFace_IsNotMaskedOverIt()
    {
        // The nursery day's 19_Couple_349: a faint box shifted over a certain face that the decision shows.
        var decision = WithThirdFace(new MediaFace(3, new FaceBox(20, 5, 50, 55), 0.43f, true, FaceAssignment.Unassigned));

        var masked = RenditionPolicy.FacesToMask(decision);

        Assert.HasCount(1, masked, "only the stranger's face is masked");
        Assert.AreEqual(300f, masked[0].X);
    }

    [TestMethod]
    [DataRow(0.43f, true, "unassigned", 120f, DisplayName = "a faint box beside the face, not on it")]
    [DataRow(0.43f, true, "not-a-child", 20f, DisplayName = "a faint box someone named as a stranger")]
    [DataRow(0.95f, false, "unassigned", 20f, DisplayName = "a certain box over the face")]
    public void FacesToMask_OtherBoxNearTheShownFace_IsMasked(float score, bool faint, string kind, float x)
    {
        var assignment = kind == "unassigned" ? FaceAssignment.Unassigned : FaceAssignment.Unknown;
        var decision = WithThirdFace(new MediaFace(3, new FaceBox(x, 5, 50, 55), score, faint, assignment));

        var masked = RenditionPolicy.FacesToMask(decision);

        Assert.HasCount(2, masked, "the stranger and the third box are masked");
        Assert.AreEqual(x, masked[1].X);
    }

    [TestMethod]
    [DataRow(0.43f, true, "unassigned", true, DisplayName = "a faint box nobody named gives way")]
    [DataRow(0.43f, true, "not-a-child", false, DisplayName = "a faint box named a stranger does not")]
    [DataRow(0.95f, false, "unassigned", false, DisplayName = "a certain box does not")]
    public void YieldToShown_BoxBesideTheShownFace_GivesWayOnlyWhenFaintAndUnnamed(float score, bool faint, string kind, bool yields)
    {
        var assignment = kind == "unassigned" ? FaceAssignment.Unassigned : FaceAssignment.Unknown;
        var decision = WithThirdFace(new MediaFace(3, new FaceBox(120, 5, 50, 55), score, faint, assignment));

        var plan = RenditionPolicy.YieldToShown(decision);

        CollectionAssert.AreEqual(new[] { false, yields }, plan.Yields.ToArray(), "the stranger never gives way; the third box as its kind says");
        Assert.HasCount(1, plan.Shown);
        Assert.AreEqual(10f, plan.Shown[0].X);
    }

    private static StoredDecision WithThirdFace(MediaFace third)
    {
        var basic = Decision(Purpose.Journal, Audience.ParentOf(Ava), Verdict.Release);
        var item = basic.Request.Item with { Faces = [.. basic.Request.Item.Faces, third] };
        return basic with { Request = basic.Request with { Item = item }, Faces = [FaceVisibility.Show, FaceVisibility.Mask, FaceVisibility.Mask] };
    }

    private static StoredDecision Decision(Purpose purpose, Audience audience, Verdict verdict, bool approved = false)
    {
        var item = new MediaItem(new MediaItemId("m1"), [Ava],
        [
            new MediaFace(1, new FaceBox(10, 10, 50, 50), 0.9f, false, FaceAssignment.ToChild(Ava)),
            new MediaFace(2, new FaceBox(300, 10, 50, 50), 0.9f, false, FaceAssignment.Unknown),
        ], MediaKind.Photo);
        var request = new DecisionRequest(item, purpose, audience, approved, DecisionOptions.Default);
        return new StoredDecision("d1", request, Now, verdict, [FaceVisibility.Show, FaceVisibility.Mask], []);
    }
}
