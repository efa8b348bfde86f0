using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;
using static MediaGate.Consent.Tests.Support.Photos;

namespace MediaGate.Consent.Tests.Decisions;

/// <summary>
/// The reasons name the item by its kind (a nursery's walkthrough: a video's reasons said "photo"): every sentence that
/// names the medium says "video" for a video and never "photo"; a photo's sentences are the ones they were.
/// </summary>
[TestClass]
public sealed class MediaKindReasonTests
{
    [TestMethod]
    [DataRow("not their child", ReasonCode.NotTheirChild, "Ava is not tagged in this photo, so it is not for Ava's family")]
    [DataRow("own child without consent", ReasonCode.OwnChildNotConsented, "Ava has no journal consent: the photo is not kept in Ava's journal")]
    [DataRow("face of an untagged child", ReasonCode.FaceAssignedToUntaggedChild, "Face 2 is assigned to Ben, who is not tagged in this photo")]
    [DataRow("needs masks, held", ReasonCode.JournalNeedsMasksHeld, "Journal photo needs 1 mask: held for the manager, as the setting chose")]
    [DataRow("needs masks, blocked", ReasonCode.JournalNeedsMasksBlocked, "Journal photo needs 1 mask: blocked, as the setting chose")]
    [DataRow("needs masks, masked", ReasonCode.JournalMasksApplied, "Journal photo needs 1 mask: masked, as the setting chose")]
    public void Decide_Photo_ReasonNamesAPhotoAsBefore(string scenario, ReasonCode code, string expected)
    {
        var (request, consent) = Scenario(scenario, MediaKind.Photo);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual(expected, decision.Reasons.Single(r => r.Code == code).Message, string.Join("; ", decision.Reasons));
    }

    [TestMethod]
    [DataRow("not their child", ReasonCode.NotTheirChild, "Ava is not tagged in this video, so it is not for Ava's family")]
    [DataRow("own child without consent", ReasonCode.OwnChildNotConsented, "Ava has no journal consent: the video is not kept in Ava's journal")]
    [DataRow("face of an untagged child", ReasonCode.FaceAssignedToUntaggedChild, "Face 2 is assigned to Ben, who is not tagged in this video")]
    [DataRow("needs masks, held", ReasonCode.JournalNeedsMasksHeld, "Journal video needs 1 mask: held for the manager, as the setting chose")]
    [DataRow("needs masks, blocked", ReasonCode.JournalNeedsMasksBlocked, "Journal video needs 1 mask: blocked, as the setting chose")]
    [DataRow("needs masks, masked", ReasonCode.JournalMasksApplied, "Journal video needs 1 mask: masked, as the setting chose")]
    public void Decide_Video_ReasonsSayVideoAndNeverPhoto(string scenario, ReasonCode code, string expected)
    {
        var (request, consent) = Scenario(scenario, MediaKind.Video);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        var explained = string.Join("; ", decision.Reasons);
        Assert.AreEqual(expected, decision.Reasons.Single(r => r.Code == code).Message, explained);
        Assert.IsFalse(decision.Reasons.Any(r => r.Message.Contains("photo", StringComparison.OrdinalIgnoreCase)), $"a video's reasons never say photo: {explained}");
    }

    /// <summary>Each scenario's request for an item of <paramref name="kind"/>, and the consent it is decided under.</summary>
    private static (DecisionRequest Request, ConsentSnapshot Consent) Scenario(string scenario, MediaKind kind)
    {
        MediaItem Item(ChildId[] tagged, params FaceAssignment[] faces) => Photo(tagged, faces) with { Kind = kind };
        DecisionRequest ForAva(MediaItem item, JournalMaskPolicy masks = JournalMaskPolicy.MaskAndRelease) =>
            new(item, Purpose.Journal, Audience.ParentOf(Ava), false, new DecisionOptions(masks));
        var everyone = new ConsentBook().GrantAll(Ava).GrantAll(Ben).AtNow();
        // Ben may be in his own family's journal only: Ava's family's copy masks him.
        var benAlone = new ConsentBook().GrantAll(Ava).GrantAll(Ben, group: false).AtNow();
        return scenario switch
        {
            "not their child" => (ForAva(Item([Ben], Of(Ben))), everyone),
            "own child without consent" => (ForAva(Item([Ava], Of(Ava))), new ConsentBook().GrantAll(Ben).AtNow()),
            "face of an untagged child" => (ForAva(Item([Ava], Of(Ava), Of(Ben))), everyone),
            "needs masks, held" => (ForAva(Item([Ava, Ben], Of(Ava), Of(Ben)), JournalMaskPolicy.Hold), benAlone),
            "needs masks, blocked" => (ForAva(Item([Ava, Ben], Of(Ava), Of(Ben)), JournalMaskPolicy.Block), benAlone),
            "needs masks, masked" => (ForAva(Item([Ava, Ben], Of(Ava), Of(Ben))), benAlone),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "no such scenario"),
        };
    }
}
