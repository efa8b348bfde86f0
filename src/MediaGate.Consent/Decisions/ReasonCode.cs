namespace MediaGate.Consent.Decisions;

/// <summary>The machine-readable side of a <see cref="DecisionReason"/>.</summary>
public enum ReasonCode
{
    AutoAssigned,
    FaceUnassigned,
    /// <summary>A faint detection nobody named: masked, never holds.</summary>
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

    /// <summary>Someone said a detection is not a face: no mask, not counted.</summary>
    NotAFace,

    /// <summary>As many certain faces as tagged children, all with journal and group consent: shown without assignment.</summary>
    MatchingCounts,

    /// <summary>A tagged child who did not attend the event: masked for the attendees' families.</summary>
    ChildNotAtEvent,
}
