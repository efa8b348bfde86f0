using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class ManagerReleaseTests
{
    private static readonly ChildId Ava = new("ava");
    private static readonly ChildId Ben = new("ben");
    private static readonly ChildId Cara = new("cara");

    [TestMethod]
    public void Settle_UnnamedFacesCertainOrFaint_BecomeNobodyWithConsentAndNoLongerFaint()
    {
        var settled = ManagerRelease.Settle(Item([Ava], Face(1, FaceAssignment.ToChild(Ava)), Face(2, FaceAssignment.Unassigned), Face(3, FaceAssignment.Unassigned, faint: true)));

        CollectionAssert.AreEqual(
            new[] { FaceAssignmentKind.Child, FaceAssignmentKind.Unknown, FaceAssignmentKind.Unknown }, settled.Faces.Select(f => f.Assignment.Kind).ToArray());
        Assert.IsFalse(settled.Faces.Any(f => f.Uncertain));
    }

    [TestMethod]
    public void Settle_FaintFaceNamedAsATaggedChild_KeepsTheName()
    {
        var settled = ManagerRelease.Settle(Item([Ava], Face(1, FaceAssignment.ToChild(Ava), faint: true)));

        Assert.AreEqual(FaceAssignment.ToChild(Ava), settled.Faces[0].Assignment);
        Assert.IsFalse(settled.Faces[0].Uncertain);
    }

    [TestMethod]
    public void Settle_NamesThatDoNotAddUp_BecomeNobodyWithConsent()
    {
        var settled = ManagerRelease.Settle(Item([Ava, Ben],
            Face(1, FaceAssignment.ToChild(Ava)), Face(2, FaceAssignment.ToChild(Ava)), Face(3, FaceAssignment.ToChild(Cara)), Face(4, FaceAssignment.ToChild(Ben))));

        CollectionAssert.AreEqual(
            new[] { FaceAssignmentKind.Unknown, FaceAssignmentKind.Unknown, FaceAssignmentKind.Unknown, FaceAssignmentKind.Child },
            settled.Faces.Select(f => f.Assignment.Kind).ToArray());
    }

    [TestMethod]
    public void Settle_StaffAndNotAFace_AreKept()
    {
        var settled = ManagerRelease.Settle(Item([Ava], Face(1, FaceAssignment.StaffAdult), Face(2, FaceAssignment.NotAFace)));

        CollectionAssert.AreEqual(new[] { FaceAssignmentKind.StaffAdult, FaceAssignmentKind.NotAFace }, settled.Faces.Select(f => f.Assignment.Kind).ToArray());
    }

    [TestMethod]
    public void Settle_AHeldJournalDecision_IsReleasedWithTheUnnamedFacesMaskedAndConsentStillApplies()
    {
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var matrix = ConsentMatrix.Create(
            [new Child(Ava, "Ava", "Rainbow room")],
            [new ConsentRecord(Ava, Purpose.Journal, true, true, "Mother", "form", DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), null, null, now.AddDays(-1))]);
        var consent = matrix.Now(new FakeTimeProvider(now), TimeZoneInfo.Utc);
        var item = Item([Ava], Face(1, FaceAssignment.ToChild(Ava)), Face(2, FaceAssignment.Unassigned), Face(3, FaceAssignment.Unassigned, faint: true));
        var request = new DecisionRequest(item, Purpose.Journal, Audience.ParentOf(Ava), false, new DecisionOptions(JournalMaskPolicy.MaskAndRelease));
        Assert.AreEqual(Verdict.Hold, ConsentDecisionEngine.Decide(request, consent).Verdict);

        var decision = ConsentDecisionEngine.Decide(request with { Item = ManagerRelease.Settle(item) }, consent);

        Assert.AreEqual(Verdict.Release, decision.Verdict, string.Join("; ", decision.Reasons));
        CollectionAssert.AreEqual(
            new[] { FaceVisibility.Show, FaceVisibility.Mask, FaceVisibility.Mask }, decision.Faces.Select(f => f.Visibility).ToArray());
        Assert.Contains(new ConsentCellKey(Ava, Purpose.Journal), decision.ReliedOn.ToArray());
    }

    private static MediaItem Item(IReadOnlyList<ChildId> tagged, params MediaFace[] faces) => new(new MediaItemId("m1"), tagged, faces, MediaKind.Photo);

    private static MediaFace Face(int number, FaceAssignment assignment, bool faint = false) =>
        new(number, new FaceBox(number * 100, 10, 50, 50), faint ? 0.6f : 0.95f, faint, assignment);
}
