using MediaGate.Consent.Decisions;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class HoldSentencesTests
{
    [TestMethod]
    [DataRow("FaceUnassigned", 3, "3 photos wait for a face to be named")]
    [DataRow("FaceUnassigned", 1, "1 photo waits for a face to be named")]
    [DataRow("MoreFacesThanTaggedChildren", 2, "2 photos show more faces than tagged children")]
    [DataRow("JournalNeedsMasksHeld", 1, "1 photo needs masks and waits for your release (the setting holds such photos)")]
    [DataRow("FaceUncertain", 2, "2 photos have a faint detection to name, dismiss or release masked")]
    [DataRow("FaceAssignedToUntaggedChild", 2, "2 photos have a face named as a child who is not tagged")]
    [DataRow("ChildOnSeveralFaces", 2, "2 photos have one child named on more than one face")]
    [DataRow("AwaitingManagerApproval", 2, "2 photos wait for your approval")]
    [DataRow("SomethingNew", 2, "2 photos are held: SomethingNew")]
    public void Count_ReasonCode_IsASentence(string code, int photos, string expected) =>
        Assert.AreEqual(expected, HoldSentences.Count(code, photos));

    [TestMethod]
    public void Clauses_OneFaceUnnamedAndAFaintOne_SayWhoCanActOnEach()
    {
        var clauses = HoldSentences.Clauses(
        [
            new DecisionReason(ReasonCode.MoreFacesThanTaggedChildren, ReasonEffect.Hold, "3 faces, 1 tagged child"),
            new DecisionReason(ReasonCode.FaceUnassigned, ReasonEffect.Hold, "Face 2 is unassigned", 2),
            new DecisionReason(ReasonCode.FaceUncertain, ReasonEffect.Hold, "Face 3 was detected with low confidence (score 0.60)", 3),
            new DecisionReason(ReasonCode.NoGroupOption, ReasonEffect.Mask, "Face 1 is masked", 1),
        ]);

        CollectionAssert.AreEqual(new[]
        {
            "face 2 needs a name — the practitioner can name it on the tablet, or you can here",
            "face 3 was detected faintly — name it or mark it not a face, on the tablet or here, or release the photo here with it masked",
        }, clauses.ToArray());
    }

    [TestMethod]
    public void Clauses_AChildNamedOnTwoFaces_KeepsTheNameAndSaysTheManagerCanCorrectIt()
    {
        var clauses = HoldSentences.Clauses([new DecisionReason(ReasonCode.ChildOnSeveralFaces, ReasonEffect.Hold, "Ava is assigned to faces 1 and 2", 2)]);

        Assert.AreEqual("Ava is assigned to faces 1 and 2 — you can correct the names here", clauses.Single());
    }
}
