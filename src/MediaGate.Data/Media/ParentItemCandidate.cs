using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>
/// An item that may belong in a parent's list, with what decides whether and how it is shown: the item's status,
/// the rendition for the purpose (if any) and the verdict of the purpose's decision. The rule is the caller's
/// (<c>MediaGate.Gate.Parents.ParentMedia</c>); this is only what the database knows.
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="ChildId">The parent's child it is about: tagged in it (journal) or attending its event (events).</param>
/// <param name="Purpose"><see cref="Purpose.Journal"/> or <see cref="Purpose.Events"/>.</param>
/// <param name="TakenAt">The observation's capture time.</param>
/// <param name="Note">The observation's note.</param>
/// <param name="Status">The item's status.</param>
/// <param name="RenditionId">The rendition for this purpose and the child's family, or null.</param>
/// <param name="RenditionAudience">That rendition's audience key, or null.</param>
/// <param name="Verdict">The stored decision's verdict for this purpose and audience (<c>Release</c>, <c>Hold</c>, <c>Block</c>), or null.</param>
/// <param name="HeldByConsentChange">That decision is a hold a consent change caused (<c>decisions.consent_recheck_at</c>).</param>
public sealed record ParentItemCandidate(
    string MediaId,
    ChildId ChildId,
    Purpose Purpose,
    DateTimeOffset TakenAt,
    string? Note,
    MediaStatus Status,
    string? RenditionId,
    string? RenditionAudience,
    string? Verdict,
    bool HeldByConsentChange = false);
