using MediaGate.Consent.Decisions;
using MediaGate.Consent.Tests.Support;
using static MediaGate.Consent.Decisions.FaceVisibility;
using static MediaGate.Consent.Decisions.ReasonCode;
using static MediaGate.Consent.Decisions.Verdict;
using static MediaGate.Consent.Matrix.Purpose;
using static MediaGate.Consent.Tests.Support.Kids;
using static MediaGate.Consent.Tests.Support.Photos;

namespace MediaGate.Consent.Tests.Decisions;

/// <summary>
/// The decision rules of product.md ("The decision, per photo, per purpose and audience"), one row per rule,
/// written the way the nursery policies put them.
/// </summary>
public static class PolicyTable
{
    public static IEnumerable<TestDataRow<DecisionScenario>> Rows => All.Select(s => new TestDataRow<DecisionScenario>(s) { DisplayName = s.Policy });

    private static IEnumerable<DecisionScenario> All =>
    [
        new("A child alone with journal consent is released to her parents",
            c => c.Grant(Ava, Journal), Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Release, [Show], []),
        new("One face and one tagged child are assigned automatically",
            c => c.Grant(Ava, Journal), Photo([Ava], Unassigned), Journal, Audience.ParentOf(Ava), Release, [Show], [AutoAssigned]),
        new("The same child without journal consent (not asked) is blocked",
            c => c, Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Block, [Mask], [OwnChildNotConsented, NoConsent]),
        new("The same child whose parents refused the journal is blocked",
            c => c.Refuse(Ava, Journal), Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Block, [Mask], [OwnChildNotConsented]),
        new("Group photo seen by Ava's family: Ben's family refused group sharing, so Ben is masked and the photo held",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask], [NoGroupOption, JournalNeedsMasksHeld]),
        new("Group photo seen by Ben's family: Ava allows group sharing and Ben is their own child, so all is shown",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ben), Release, [Show, Show], []),
        new("Group photo needing a mask is released masked when the setting chose mask-and-release",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Release, [Show, Mask], [NoGroupOption, JournalMasksApplied])
        { Options = new DecisionOptions(JournalMaskPolicy.MaskAndRelease) },
        new("Group photo needing a mask is blocked when the setting chose block",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Block, [Show, Mask], [JournalNeedsMasksBlocked])
        { Options = new DecisionOptions(JournalMaskPolicy.Block) },
        new("A family whose child is not in the photo gets nothing (parents see their own child's images only)",
            c => c.GrantAll(Ava).GrantAll(Ben).GrantAll(Cleo),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Cleo), Block, [Show, Show], [NotTheirChild]),
        new("A group child whose journal consent is missing is masked even with no group question asked",
            c => c.Grant(Ava, Journal, group: true),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask], [NoConsent, JournalNeedsMasksHeld]),
        new("An unknown face has no consent for anything: masked; once said to be nobody of ours, the face count no longer holds",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Stranger), Website, Audience.Public, Release, [Show, Mask], [UnknownPerson])
        { ManagerApproved = true },
        new("An unassigned face is an unknown child: masked and held until someone assigns it",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Unassigned), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask], [FaceUnassigned]),
        new("Two faces and two tagged children are never assigned automatically",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Unassigned), Journal, Audience.ParentOf(Ava), Hold, [Mask, Mask], [FaceUnassigned]),
        new("More faces than tagged children holds the photo while a face is unaccounted for",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ben), Unassigned), Events, Audience.EventFamilies([Ava], [Ava, Ben]),
            Hold, [Show, Show, Mask], [MoreFacesThanTaggedChildren, FaceUnassigned]),
        new("Every face accounted for (two tagged children and someone who is not a child of ours): the face count no longer holds",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ben), Stranger), Events, Audience.EventFamilies([Ava], [Ava, Ben]),
            Release, [Show, Show, Mask], [UnknownPerson]),
        new("An uncertain face holds the photo even with every consent in place",
            c => c.GrantAll(Ava), PhotoWithUncertainFace([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Hold, [Show], [FaceUncertain]),
        new("Website use without the manager's approval is held",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Website, Audience.Public, Hold, [Show], [AwaitingManagerApproval]),
        new("Publicity use without the manager's approval is held",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Publicity, Audience.Public, Hold, [Show], [AwaitingManagerApproval]),
        new("Website use with approval shows children with website consent and masks the others",
            c => c.GrantAll(Ava).Grant(Ben, Journal, group: true), Photo([Ava, Ben], Of(Ava), Of(Ben)), Website, Audience.Public,
            Release, [Show, Mask], [NoConsent]) { ManagerApproved = true },
        new("Consent withdrawn after release: the next decision masks her at once",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal).Withdraw(Ava, Journal, Kids.Now.AddHours(-1)),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ben), Hold, [Mask, Show], [ConsentWithdrawn, JournalNeedsMasksHeld]),
        new("Consent withdrawn for her own journal blocks her own family's copy too",
            c => c.Grant(Ava, Journal).Withdraw(Ava, Journal, Kids.Now.AddMinutes(-5)),
            Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Block, [Mask], [OwnChildNotConsented, ConsentWithdrawn]),
        new("Consent lapses on the annual review date itself",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Block, [Mask], [ConsentLapsed])
        { At = new DateTimeOffset(2026, 9, 1, 0, 0, 1, TimeSpan.Zero) },
        new("Consent still counts the day before the review date",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Release, [Show], [])
        { At = new DateTimeOffset(2026, 8, 31, 23, 59, 0, TimeSpan.Zero) },
        new("A form dated in the future does not count yet",
            c => c.Grant(Ava, Journal, givenOn: new DateOnly(2026, 4, 1)), Photo([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava),
            Block, [Mask], [ConsentNotYetInForce]),
        new("Event recordings go to the families of children who attended",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ben)), Events, Audience.EventFamilies([Ava, Ben], [Ava, Ben]),
            Release, [Show, Show], []),
        new("Events rendition for a family that did not attend is blocked",
            c => c.GrantAll(Ava).GrantAll(Ben).GrantAll(Cleo), Photo([Ava, Ben], Of(Ava), Of(Ben)), Events,
            Audience.EventFamilies([Ava, Cleo], [Ava, Ben]), Block, [Show, Show], [FamilyDidNotAttend]),
        new("Events rendition masks a child without events consent",
            c => c.GrantAll(Ava).Grant(Ben, Journal).Refuse(Ben, Events), Photo([Ava, Ben], Of(Ava), Of(Ben)), Events,
            Audience.EventFamilies([Ava, Ben], [Ava, Ben]), Release, [Show, Mask], [NoConsent]),
        new("A staff adult in the picture is masked by default, so the journal photo is held for its mask",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask],
            [StaffAdultMasked, JournalNeedsMasksHeld]),
        new("A child with her key person is released when the setting shows staff adults (every face accounted for)",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [StaffAdultShown])
        { Options = new DecisionOptions(StaffAdults: StaffAdultPolicy.Show) },
        new("A child with her key person, the staff adult masked and released when the setting chose mask-and-release",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Release, [Show, Mask],
            [StaffAdultMasked, JournalMasksApplied])
        { Options = new DecisionOptions(JournalMaskPolicy.MaskAndRelease) },
        new("A face assigned to a child who is not tagged is masked and held",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Cleo], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask],
            [FaceAssignedToUntaggedChild]),
        new("One child on two faces does not add up: both masked and held",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ava)), Journal, Audience.ParentOf(Ava), Hold, [Mask, Mask],
            [ChildOnSeveralFaces]),
        new("A journal photo cannot be sent to the website audience",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Journal, Audience.Public, Block, [Mask], [AudienceDoesNotFitPurpose]),
        new("A website photo cannot be sent to a parent as website use",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Website, Audience.ParentOf(Ava), Block, [Mask], [AudienceDoesNotFitPurpose]),
        new("The manager sees every face in review",
            c => c, Photo([Ava], Of(Ava), Stranger), Publicity, Audience.Manager, Release, [Show, Show], [ManagerReview]),
    ];
}
