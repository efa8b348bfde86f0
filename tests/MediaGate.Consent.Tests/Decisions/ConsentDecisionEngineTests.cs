using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;
using static MediaGate.Consent.Tests.Support.Photos;

namespace MediaGate.Consent.Tests.Decisions;

[TestClass]
public sealed class ConsentDecisionEngineTests
{
    [TestMethod]
    [DynamicData(nameof(PolicyTable.Rows), typeof(PolicyTable))]
    public void Decide_PolicyScenario_GivesTheOutcomeThePolicySays(DecisionScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var consent = scenario.Consent(new ConsentBook()).Matrix().AsOf(scenario.At, TimeZoneInfo.Utc);

        var decision = ConsentDecisionEngine.Decide(scenario.Request, consent);

        var explained = string.Join("; ", decision.Reasons);
        Assert.AreEqual(scenario.Expected, decision.Verdict, explained);
        CollectionAssert.AreEqual(scenario.Faces, decision.Faces.Select(f => f.Visibility).ToArray(), explained);
        foreach (var code in scenario.Because)
        {
            Assert.IsTrue(decision.HasReason(code), $"the decision gives reason {code} (it gave: {explained})");
        }

        foreach (var code in scenario.NotBecause)
        {
            Assert.IsFalse(decision.HasReason(code), $"reason {code} must not be given, got: {explained}");
        }
    }

    [TestMethod]
    public void Decide_UnassignedSecondFace_SaysFace2IsNotNamedYetAndWhoCanNameIt()
    {
        var consent = new ConsentBook().GrantAll(Ava).GrantAll(Ben, group: false).AtNow();
        var request = new DecisionRequest(Photo([Ava, Ben], Of(Ava), Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        var reason = decision.Reasons.Single(r => r.Code == ReasonCode.FaceUnassigned);
        Assert.AreEqual("Face 2 is not named yet: staff can say on the tablet who it is, or the manager in review", reason.Message);
        Assert.AreEqual(2, reason.Face);
    }

    [TestMethod]
    public void Decide_ChildWithoutWebsiteConsent_SaysAvaHasNoWebsiteConsent()
    {
        var consent = new ConsentBook().Grant(Ava, Purpose.Journal).AtNow();
        var request = new DecisionRequest(Photo([Ava], Of(Ava)), Purpose.Website, Audience.Public, true, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        var reason = decision.Reasons.Single(r => r.Code == ReasonCode.NoConsent);
        StringAssert.Contains(reason.Message, "Ava has no website consent");
        Assert.AreEqual(Ava, reason.Child);
    }

    [TestMethod]
    public void Decide_ThreeFacesTwoTagged_SaysThreeFacesTwoTaggedChildren()
    {
        var consent = new ConsentBook().GrantAll(Ava).GrantAll(Ben).AtNow();
        var request = new DecisionRequest(Photo([Ava, Ben], Of(Ava), Of(Ben), Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual("3 faces, 2 tagged children: someone needs to say who the other faces are",
            decision.Reasons.Single(r => r.Code == ReasonCode.MoreFacesThanTaggedChildren).Message);
    }

    [TestMethod]
    public void Decide_GroupPhotoForParent_ReliesOnOwnAndOtherChildsJournalCells()
    {
        var consent = new ConsentBook().GrantAll(Ava).GrantAll(Ben).AtNow();
        var request = new DecisionRequest(Photo([Ava, Ben], Of(Ava), Of(Ben)), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        CollectionAssert.AreEquivalent(
            new[] { new ConsentCellKey(Ava, Purpose.Journal), new ConsentCellKey(Ben, Purpose.Journal) },
            decision.ReliedOn.ToArray());
    }

    [TestMethod]
    public void Decide_PhotoWithoutFacesOfTaggedChild_ReleasesToHerParents()
    {
        var consent = new ConsentBook().Grant(Ava, Purpose.Journal).AtNow();
        var request = new DecisionRequest(Photo([Ava]), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual(Verdict.Release, decision.Verdict);
        Assert.IsEmpty(decision.Faces);
    }

    [TestMethod]
    public void Decide_AutoAssignedFace_ReportsTheAssignmentItUsed()
    {
        var consent = new ConsentBook().Grant(Ava, Purpose.Journal).AtNow();
        var request = new DecisionRequest(Photo([Ava], Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual(FaceAssignment.ToChild(Ava), decision.Faces[0].Assignment);
    }

    [TestMethod]
    public void Decide_ExplicitlyUnknownSingleFace_IsNotAutoAssigned()
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var request = new DecisionRequest(Photo([Ava], Stranger), Purpose.Website, Audience.Public, true, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual(FaceVisibility.Mask, decision.Faces[0].Visibility);
        Assert.IsFalse(decision.HasReason(ReasonCode.AutoAssigned));
    }

    [TestMethod]
    public void Decide_DuplicateTags_CountAsOneTaggedChild()
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var request = new DecisionRequest(Photo([Ava, Ava], Of(Ava), Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.IsTrue(decision.HasReason(ReasonCode.MoreFacesThanTaggedChildren));
    }

    [TestMethod]
    [DataRow(FaceAssignmentKind.StaffAdult)]
    [DataRow(FaceAssignmentKind.Unknown)]
    public void Decide_ExtraFaceAccountedForByAPerson_IsNotHeldForTheFaceCount(FaceAssignmentKind kind)
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var extra = kind == FaceAssignmentKind.StaffAdult ? Staff : Stranger;
        var request = new DecisionRequest(Photo([Ava], Of(Ava), extra), Purpose.Journal, Audience.ParentOf(Ava), false,
            new DecisionOptions(JournalMaskPolicy.MaskAndRelease));

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.IsFalse(decision.HasReason(ReasonCode.MoreFacesThanTaggedChildren), string.Join("; ", decision.Reasons));
        Assert.AreEqual(Verdict.Release, decision.Verdict);
        Assert.AreEqual(FaceVisibility.Mask, decision.Faces[1].Visibility);
    }

    [TestMethod]
    public void Decide_ExtraFaceStillUnassigned_IsHeldForTheFaceCountAndTheFace()
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var request = new DecisionRequest(Photo([Ava], Of(Ava), Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false,
            new DecisionOptions(JournalMaskPolicy.MaskAndRelease));

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual(Verdict.Hold, decision.Verdict);
        Assert.IsTrue(decision.HasReason(ReasonCode.MoreFacesThanTaggedChildren));
        Assert.IsTrue(decision.HasReason(ReasonCode.FaceUnassigned));
    }

    [TestMethod]
    public void Decide_FaintUnassignedFace_SaysItIsMaskedAndNobodyNeedsToNameIt()
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var request = new DecisionRequest(Detections([Ava], Certain(Of(Ava)), Faint(Unassigned)), Purpose.Journal, Audience.ParentOf(Ava), false,
            DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        var reason = decision.Reasons.Single(r => r.Code == ReasonCode.FaceUncertain);
        Assert.AreEqual("Face 2 is faint: masked, nobody needs to name it", reason.Message);
        Assert.AreEqual(ReasonEffect.Mask, reason.Effect);
    }

    [TestMethod]
    public void Decide_DetectionDismissedAsNotAFace_SaysItsStrengthAndScore()
    {
        var consent = new ConsentBook().GrantAll(Ava).AtNow();
        var request = new DecisionRequest(Detections([Ava], Certain(Of(Ava)), Certain(Dismissed)), Purpose.Journal, Audience.ParentOf(Ava), false,
            DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, consent);

        Assert.AreEqual("Face 2 is not a face, as someone said (certain detection, score 0.93): no mask",
            decision.Reasons.Single(r => r.Code == ReasonCode.NotAFace).Message);
    }

    [TestMethod]
    public void Decide_MatchingCountsWaitingForAGroupOption_IsFoundAndReleasedWhenTheOptionIsGranted()
    {
        var book = new ConsentBook().GrantAll(Ava).GrantAll(Ben, group: false);
        var request = new DecisionRequest(Photo([Ava, Ben], Unassigned, Unassigned), Purpose.Journal, Audience.ParentOf(Ava), false, DecisionOptions.Default);
        var before = ConsentDecisionEngine.Decide(request, book.AtNow());
        Assert.AreEqual(Verdict.Hold, before.Verdict);
        var stored = StoredDecision.From("d1", request, before, Kids.Now.AddDays(-1));

        var changes = ReEvaluator.AfterCellChange([stored], new ConsentCellKey(Ben, Purpose.Journal), book.Grant(Ben, Purpose.Journal, group: true).AtNow());

        Assert.HasCount(1, changes);
        Assert.AreEqual(Verdict.Release, changes[0].After.Verdict);
        Assert.IsTrue(changes[0].After.HasReason(ReasonCode.MatchingCounts));
    }

    [TestMethod]
    public void DecisionOptions_Default_ReleasesJournalPhotosWithTheirMasks()
    {
        Assert.AreEqual(JournalMaskPolicy.MaskAndRelease, DecisionOptions.Default.JournalPhotoNeedingMasks);
        Assert.AreEqual(StaffAdultPolicy.Mask, DecisionOptions.Default.StaffAdults);
    }
}
