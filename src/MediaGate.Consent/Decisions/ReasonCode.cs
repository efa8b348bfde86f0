namespace MediaGate.Consent.Decisions;

/// <summary>The machine-readable side of a <see cref="DecisionReason"/>.</summary>
public enum ReasonCode
{
    AutoAssigned,
    FaceUnassigned,
    FaceUncertain,
    MoreFacesThanTaggedChildren,
    FaceAssignedToUntaggedChild,
    ChildOnSeveralFaces,
    UnknownPerson,
    NoConsent,
    ConsentWithdrawn,
    ConsentLapsed,
    ConsentNotYetInForce,
    NoGroupOption,
    StaffAdultMasked,
    StaffAdultShown,
    JournalNeedsMasksHeld,
    JournalNeedsMasksBlocked,
    JournalMasksApplied,
    AwaitingManagerApproval,
    NotTheirChild,
    OwnChildNotConsented,
    FamilyDidNotAttend,
    NoEventFamilies,
    AudienceDoesNotFitPurpose,
    ManagerReview,
}
