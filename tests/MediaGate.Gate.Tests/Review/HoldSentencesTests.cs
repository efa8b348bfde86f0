using MediaGate.Consent.Decisions;
using MediaGate.Consent.Media;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class HoldSentencesTests
{
    [TestMethod]
    [DataRow("FaceUnassigned", 3, "3 photos wait for a face to be named")]
    [DataRow("FaceUnassigned", 1, "1 photo waits for a face to be named")]
    [DataRow("MoreFacesThanTaggedChildren", 2, "2 photos show more faces than tagged children")]
    [DataRow("JournalNeedsMasksHeld", 1, "1 photo needs masks and waits for your release, as the setting chose")]
    [DataRow("FaceUncertain", 2, "2 photos have a faint detection to name, dismiss or release masked")]
    [DataRow("FaceAssignedToUntaggedChild", 2, "2 photos have a face named as a child who is not tagged")]
    [DataRow("ChildOnSeveralFaces", 2, "2 photos have one child named on more than one face")]
    [DataRow("AwaitingManagerApproval", 2, "2 photos wait for your approval")]
    [DataRow("SomethingNew", 2, "2 photos are held: SomethingNew")]
    public void Count_ReasonCode_IsASentence(string code, int photos, string expected) =>
        Assert.AreEqual(expected, HoldSentences.Count(code, photos, 0));

    /// <summary>The dashboard counts photos and videos together: the sentence names each kind, never a video "photo".</summary>
    [TestMethod]
    [DataRow("FaceUnassigned", 0, 1, "1 video waits for a face to be named")]
    [DataRow("FaceUnassigned", 0, 2, "2 videos wait for a face to be named")]
    [DataRow("FaceUnassigned", 2, 1, "2 photos and 1 video wait for a face to be named")]
    [DataRow("FaceUncertain", 1, 1, "1 photo and 1 video have a faint detection to name, dismiss or release masked")]
    [DataRow("JournalNeedsMasksHeld", 1, 3, "1 photo and 3 videos need masks and wait for your release, as the setting chose")]
    public void Count_VideosAmongThem_NamesThemVideos(string code, int photos, int videos, string expected) =>
        Assert.AreEqual(expected, HoldSentences.Count(code, photos, videos));

    [TestMethod]
    public void Clauses_AVideosFaintFace_SaysReleaseTheVideo()
    {
        var clauses = HoldSentences.Clauses(
        [
            new DecisionReason(ReasonCode.FaceUncertain, ReasonEffect.Hold, "Face 2 is faint", 2),
            new DecisionReason(ReasonCode.JournalNeedsMasksHeld, ReasonEffect.Hold, "Journal video needs 1 mask: held for the manager, as the setting chose"),
        ], MediaKind.Video);

        CollectionAssert.AreEqual(new[]
        {
            "face 2 was detected faintly — name it or mark it not a face, on the tablet or here, or release the video here with it masked",
            "it needs masks and the setting holds such videos for you — you can release it here with the masks",
        }, clauses.ToArray());
    }

    [TestMethod]
    public void Clauses_OneFaceUnnamedAndAFaintOne_SayWhoCanActOnEach()
    {
        var clauses = HoldSentences.Clauses(
        [
            new DecisionReason(ReasonCode.MoreFacesThanTaggedChildren, ReasonEffect.Hold, "3 faces, 1 tagged child"),
            new DecisionReason(ReasonCode.FaceUnassigned, ReasonEffect.Hold, "Face 2 is unassigned", 2),
            new DecisionReason(ReasonCode.FaceUncertain, ReasonEffect.Hold, "Face 3 was detected with low confidence (score 0.60)", 3),
            new DecisionReason(ReasonCode.NoGroupOption, ReasonEffect.Mask, "Face 1 is masked", 1),
        ], MediaKind.Photo);

        CollectionAssert.AreEqual(new[]
        {
            "face 2 needs a name — the practitioner can name it on the tablet, or you can here",
            "face 3 was detected faintly — name it or mark it not a face, on the tablet or here, or release the photo here with it masked",
        }, clauses.ToArray());
    }

    [TestMethod]
    public void Clauses_AChildNamedOnTwoFaces_KeepsTheNameAndSaysTheManagerCanCorrectIt()
    {
        var clauses = HoldSentences.Clauses([new DecisionReason(ReasonCode.ChildOnSeveralFaces, ReasonEffect.Hold, "Ava is assigned to faces 1 and 2", 2)], MediaKind.Photo);

        Assert.AreEqual("Ava is assigned to faces 1 and 2 — you can correct the names here", clauses.Single());
    }

    [TestMethod]
    public void Clauses_AFaintFaceNobodyNamed_IsAskedAboutOnce()
    {
        var clauses = HoldSentences.Clauses(
        [
            new DecisionReason(ReasonCode.MoreFacesThanTaggedChildren, ReasonEffect.Hold, "2 faces, 1 tagged child"),
            new DecisionReason(ReasonCode.FaceUncertain, ReasonEffect.Hold, "Face 2 was detected with low confidence (score 0.60)", 2),
            new DecisionReason(ReasonCode.FaceUnassigned, ReasonEffect.Hold, "Face 2 is unassigned", 2),
        ], MediaKind.Photo);

        Assert.AreEqual(
            "face 2 was detected faintly — name it or mark it not a face, on the tablet or here, or release the photo here with it masked", clauses.Single());
    }
}
