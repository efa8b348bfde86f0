using MediaGate.Consent.Decisions;
using MediaGate.Testing.Consents;
using static MediaGate.Consent.Decisions.FaceVisibility;
using static MediaGate.Consent.Decisions.ReasonCode;
using static MediaGate.Consent.Decisions.Verdict;
using static MediaGate.Consent.Matrix.Purpose;
using static MediaGate.Testing.Consents.Kids;
using static MediaGate.Consent.Tests.Support.Photos;

namespace MediaGate.Consent.Tests.Decisions;

/// <summary>
/// The decision rules of product.md ("The decision, per photo, per purpose and audience"), one row per rule,
/// written the way the nursery policies put them.
/// </summary>
public static class PolicyTable
{
    private static readonly DecisionOptions HoldMasked = new(JournalMaskPolicy.Hold);

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
        new("Group photo seen by Ava's family: Ben's family refused group sharing, so Ben is masked and the photo held when the setting chose hold",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask], [NoGroupOption, JournalNeedsMasksHeld])
        { Options = HoldMasked },
        new("By default a journal photo needing a mask is released with the mask (masks are irreversible)",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal, group: false),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Release, [Show, Mask], [NoGroupOption, JournalMasksApplied])
        { NotBecause = [JournalNeedsMasksHeld] },
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
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ava), Release, [Show, Mask], [NoConsent, JournalMasksApplied]),
        new("An unknown face has no consent for anything: masked; once said to be nobody of ours, the face count no longer holds",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Stranger), Website, Audience.Public, Release, [Show, Mask], [UnknownPerson])
        { ManagerApproved = true },
        new("An unassigned face is an unknown child: masked and held until someone assigns it",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Photo([Ava, Ben], Of(Ava), Unassigned), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask],
            [FaceUnassigned]),
        new("Two faces and two tagged children are never assigned automatically",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Photo([Ava, Ben], Unassigned, Unassigned), Journal, Audience.ParentOf(Ava), Hold, [Mask, Mask],
            [FaceUnassigned])
        { NotBecause = [AutoAssigned, MatchingCounts] },
        new("More faces than tagged children holds the photo while a face is unaccounted for",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ben), Unassigned), Events, Audience.EventFamilies([Ava], [Ava, Ben]),
            Hold, [Show, Show, Mask], [MoreFacesThanTaggedChildren, FaceUnassigned]),
        new("Every face accounted for (two tagged children and someone who is not a child of ours): the face count no longer holds",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Of(Ben), Stranger), Events, Audience.EventFamilies([Ava], [Ava, Ben]),
            Release, [Show, Show, Mask], [UnknownPerson]),
        new("A faint face a person named as the child follows her consent like any face: shown, nothing held",
            c => c.GrantAll(Ava), PhotoWithUncertainFace([Ava], Of(Ava)), Journal, Audience.ParentOf(Ava), Release, [Show], [])
        { NotBecause = [FaceUncertain] },
        new("Website use without the manager's approval is held",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Website, Audience.Public, Hold, [Show], [AwaitingManagerApproval]),
        new("Publicity use without the manager's approval is held",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava)), Publicity, Audience.Public, Hold, [Show], [AwaitingManagerApproval]),
        new("Website use with approval shows children with website consent and masks the others",
            c => c.GrantAll(Ava).Grant(Ben, Journal, group: true), Photo([Ava, Ben], Of(Ava), Of(Ben)), Website, Audience.Public,
            Release, [Show, Mask], [NoConsent]) { ManagerApproved = true },
        new("Consent withdrawn after release: the next decision masks her at once",
            c => c.Grant(Ava, Journal, group: true).Grant(Ben, Journal).Withdraw(Ava, Journal, Kids.Now.AddHours(-1)),
            Photo([Ava, Ben], Of(Ava), Of(Ben)), Journal, Audience.ParentOf(Ben), Release, [Mask, Show], [ConsentWithdrawn, JournalMasksApplied]),
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
        new("A staff adult's mask never holds a photo by itself, even where the setting holds journal photos needing masks",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Release, [Show, Mask],
            [StaffAdultMasked])
        { NotBecause = [JournalNeedsMasksHeld], Options = HoldMasked },
        new("A mask over someone outside the setting still follows the setting's hold",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Stranger), Journal, Audience.ParentOf(Ava), Hold, [Show, Mask],
            [UnknownPerson, JournalNeedsMasksHeld])
        { Options = HoldMasked },
        new("A child with her key person is released when the setting shows staff adults (every face accounted for)",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [StaffAdultShown])
        { Options = new DecisionOptions(StaffAdults: StaffAdultPolicy.Show) },
        new("A child with her key person, the staff adult masked and released when the setting chose mask-and-release",
            c => c.GrantAll(Ava), Photo([Ava], Of(Ava), Staff), Journal, Audience.ParentOf(Ava), Release, [Show, Mask],
            [StaffAdultMasked])
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
        // Faint detections (issue 12, section 1): masked for everyone but the manager, never hold, never count.
        new("One tagged child with the group option, one certain face and two faint ones: matching counts show the certain face, nobody is assigned, nothing held",
            c => c.GrantAll(Ava), Detections([Ava], Faint(Unassigned), Certain(Unassigned), Faint(Unassigned)), Journal, Audience.ParentOf(Ava),
            Release, [Mask, Show, Mask], [MatchingCounts, FaceUncertain])
        { NotBecause = [AutoAssigned, FaceUnassigned, MoreFacesThanTaggedChildren, JournalNeedsMasksHeld], Options = HoldMasked },
        new("One tagged child without the group option, one certain face and a faint one: two candidates (the faint one may be the child), so the tablet asks",
            c => c.GrantAll(Ava, group: false), Detections([Ava], Certain(Unassigned), Faint(Unassigned)), Journal, Audience.ParentOf(Ava),
            Hold, [Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [AutoAssigned, MatchingCounts] },
        new("One tagged child and one faint face alone: the faint face is the child, shown in her own family's copy",
            c => c.Grant(Ava, Journal), Detections([Ava], Faint(Unassigned)), Journal, Audience.ParentOf(Ava), Release, [Show], [AutoAssigned]),
        new("One tagged child and two faint faces: no single candidate, both masked, nothing held",
            c => c.GrantAll(Ava), Detections([Ava], Faint(Unassigned), Faint(Unassigned)), Journal, Audience.ParentOf(Ava), Release, [Mask, Mask],
            [FaceUncertain])
        { NotBecause = [AutoAssigned, FaceUnassigned, MoreFacesThanTaggedChildren] },
        new("A faint face does not count in more faces than tagged children, on the website too",
            c => c.GrantAll(Ava), Detections([Ava], Certain(Of(Ava)), Faint(Unassigned)), Website, Audience.Public, Release, [Show, Mask],
            [FaceUncertain])
        { NotBecause = [MoreFacesThanTaggedChildren, FaceUnassigned], ManagerApproved = true },
        new("Two tagged children, two certain faces and a faint one: the faint one does not make more faces than children",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Detections([Ava, Ben], Certain(Of(Ava)), Certain(Unassigned), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ava), Hold, [Show, Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [MoreFacesThanTaggedChildren] },
        new("A faint face named as a child without the group option is masked and does not hold, even where the setting holds",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Detections([Ava, Ben], Certain(Of(Ava)), Faint(Of(Ben))), Journal, Audience.ParentOf(Ava),
            Release, [Show, Mask], [NoGroupOption])
        { NotBecause = [JournalNeedsMasksHeld], Options = HoldMasked },

        // "Not a face" (issue 12, section 2): no mask, not counted.
        new("A detection dismissed as not a face gets no mask and does not count",
            c => c.GrantAll(Ava), Detections([Ava], Certain(Of(Ava)), Certain(Dismissed)), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [NotAFace])
        { NotBecause = [MoreFacesThanTaggedChildren, JournalNeedsMasksHeld, JournalMasksApplied], Options = HoldMasked },
        new("A certain detection dismissed as not a face leaves the one certain face for the single-face rule",
            c => c.GrantAll(Ava), Detections([Ava], Certain(Dismissed), Certain(Unassigned)), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [NotAFace, AutoAssigned]),
        new("With the only certain detection dismissed as not a face, the one faint face is the child",
            c => c.GrantAll(Ava), Detections([Ava], Certain(Dismissed), Faint(Unassigned)), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [NotAFace, AutoAssigned]),
        new("A dismissed detection gets no mask on the website either",
            c => c.GrantAll(Ava), Detections([Ava], Certain(Of(Ava)), Certain(Dismissed)), Website, Audience.Public, Release, [Show, Show], [NotAFace])
        { ManagerApproved = true },

        // Matching counts (issue 12, section 2): journal only, every tagged child with journal and group consent.
        new("Two certain faces, two tagged children with journal and group consent: the journal needs no assignment",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Unassigned), Journal, Audience.ParentOf(Ava), Release, [Show, Show],
            [MatchingCounts])
        { NotBecause = [FaceUnassigned, AutoAssigned] },
        new("Matching counts with one face already named: the other face is shown too",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Of(Ava), Unassigned), Journal, Audience.ParentOf(Ben), Release, [Show, Show],
            [MatchingCounts]),
        new("Matching counts leave a faint face masked",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned), Certain(Unassigned)), Journal,
            Audience.ParentOf(Ava), Release, [Show, Mask, Show], [MatchingCounts, FaceUncertain]),
        new("Matching counts leave out a face marked as staff, whose mask does not hold",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Staff, Unassigned), Journal, Audience.ParentOf(Ava), Release,
            [Show, Mask, Show], [MatchingCounts, StaffAdultMasked])
        { Options = HoldMasked },
        new("Matching counts need every tagged child's group option",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Photo([Ava, Ben], Unassigned, Unassigned), Journal, Audience.ParentOf(Ben), Hold,
            [Mask, Mask], [FaceUnassigned])
        { NotBecause = [MatchingCounts] },
        new("Matching counts need every tagged child's journal consent granted now",
            c => c.GrantAll(Ava).GrantAll(Ben).Withdraw(Ben, Journal, Kids.Now.AddHours(-1)), Photo([Ava, Ben], Unassigned, Unassigned), Journal,
            Audience.ParentOf(Ava), Hold, [Mask, Mask], [FaceUnassigned])
        { NotBecause = [MatchingCounts] },
        new("More certain faces than tagged children do not match",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Unassigned, Unassigned), Journal, Audience.ParentOf(Ava), Hold,
            [Mask, Mask, Mask], [MoreFacesThanTaggedChildren, FaceUnassigned])
        { NotBecause = [MatchingCounts] },
        new("A tagged child named on a faint face is not one of the certain faces, so the two certain faces do not match",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Certain(Unassigned), Faint(Of(Ava))), Journal,
            Audience.ParentOf(Ava), Hold, [Mask, Mask, Show], [FaceUnassigned])
        { NotBecause = [MatchingCounts] },
        new("A tagged child named on a faint face and one certain face for two tagged children: the certain face is the other child",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Of(Ava))), Journal,
            Audience.ParentOf(Ava), Release, [Show, Show], [MatchingCounts])
        { NotBecause = [FaceUnassigned] },

        // Matching counts of every candidate (issue 12: the verifier's doubt must not mask a child in their own family's copy).
        new("Two tagged children, one certain face and one faint one: the candidates match, both are shown without naming",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ben), Release, [Show, Show], [MatchingCounts])
        { NotBecause = [FaceUnassigned, FaceUncertain, JournalNeedsMasksHeld], Options = HoldMasked },
        new("Two tagged children and two faint faces, nothing certain: both are shown",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Faint(Unassigned), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ava), Release, [Show, Show], [MatchingCounts])
        { NotBecause = [FaceUncertain] },
        new("Two tagged children, one certain face and two faint ones: more candidates than children, the faint ones stay masked and the certain one asks",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ava), Hold, [Mask, Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [MatchingCounts] },
        new("Candidates that match still need every tagged child's group option",
            c => c.GrantAll(Ava).GrantAll(Ben, group: false), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ava), Hold, [Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [MatchingCounts] },
        new("Candidates that match do not count a face marked as staff",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Staff), Faint(Unassigned)), Journal,
            Audience.ParentOf(Ava), Release, [Mask, Mask], [StaffAdultMasked, FaceUncertain])
        { NotBecause = [MatchingCounts] },
        new("Candidates that match do not apply to the website",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned)), Website, Audience.Public, Hold,
            [Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [MatchingCounts], ManagerApproved = true },
        new("Candidates that match do not apply to events",
            c => c.GrantAll(Ava).GrantAll(Ben), Detections([Ava, Ben], Certain(Unassigned), Faint(Unassigned)), Events,
            Audience.EventFamilies([Ava, Ben], [Ava, Ben]), Hold, [Mask, Mask], [FaceUnassigned, FaceUncertain])
        { NotBecause = [MatchingCounts] },
        new("Matching counts do not apply to the website: it needs real assignments",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Unassigned), Website, Audience.Public, Hold, [Mask, Mask],
            [FaceUnassigned])
        { NotBecause = [MatchingCounts], ManagerApproved = true },
        new("Matching counts do not apply to events: they need real assignments",
            c => c.GrantAll(Ava).GrantAll(Ben), Photo([Ava, Ben], Unassigned, Unassigned), Events, Audience.EventFamilies([Ava, Ben], [Ava, Ben]), Hold,
            [Mask, Mask], [FaceUnassigned])
        { NotBecause = [MatchingCounts] },

        // The event leak (issue 12, section 0): events consent covers only the events a child attended.
        new("A tagged child who did not attend the event is masked for the attendees' families, whatever her events consent",
            c => c.GrantAll(Ava).GrantAll(Ben).GrantAll(Cleo), Photo([Cleo], Unassigned), Events, Audience.EventFamilies([Ava, Ben], [Ava, Ben]),
            Release, [Mask], [AutoAssigned, ChildNotAtEvent]),
        new("An attendee and a tagged child who did not attend: only the attendee is shown",
            c => c.GrantAll(Ava).GrantAll(Cleo), Photo([Ava, Cleo], Of(Ava), Of(Cleo)), Events, Audience.EventFamilies([Ava], [Ava]),
            Release, [Show, Mask], [ChildNotAtEvent]),
        new("The manager sees every face in review",
            c => c, Photo([Ava], Of(Ava), Stranger), Publicity, Audience.Manager, Release, [Show, Show], [ManagerReview]),
    ];
}
