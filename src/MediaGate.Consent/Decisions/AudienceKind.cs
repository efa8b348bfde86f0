namespace MediaGate.Consent.Decisions;

/// <summary>Who will see a rendition.</summary>
public enum AudienceKind
{
    /// <summary>The parents of one child, through the journal.</summary>
    ParentOfChild,

    /// <summary>The public: the setting's website and publicity channels.</summary>
    Public,

    /// <summary>The families of given children, for an event's recordings.</summary>
    EventFamilies,

    /// <summary>The manager, in review: sees everything in the setting.</summary>
    Manager,
}
