using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Parents;

/// <summary>
/// Which items a parent's list shows, and how (README, <c>GET /api/parent/media</c>): an item with a rendition
/// for the family is <c>released</c>; one still processing or held for the family, with no image yet, is
/// <c>checking</c>; a blocked or failed one is not listed at all. Each item once: the journal rendition (the family's
/// own child shown by the journal rule) before the event rendition, and a released one before one being checked.
/// Newest first. An event rendition counts only when its audience names the child's family: the rendition itself,
/// not the event table, says who it was made for. An item being checked again because a consent change turned the family's
/// decision into a hold says so (<see cref="ParentListItem.Recheck"/>).
/// </summary>
public static class ParentListRule
{
    private static readonly MediaStatus[] StillChecking = [MediaStatus.Processing, MediaStatus.Held, MediaStatus.NeedsAssignment];

    public static IReadOnlyList<ParentListItem> From(IEnumerable<ParentItemCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .Select(c => (Candidate: c, Rank: Rank(c)))
            .Where(c => c.Rank is not null)
            .GroupBy(c => c.Candidate.MediaId, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.Rank).ThenBy(c => c.Candidate.ChildId.Value, StringComparer.Ordinal).First())
            .OrderByDescending(c => c.Candidate.TakenAt)
            .ThenBy(c => c.Candidate.MediaId, StringComparer.Ordinal)
            .Select(c => new ParentListItem(
                c.Candidate.MediaId,
                c.Candidate.ChildId.Value,
                c.Candidate.TakenAt,
                c.Candidate.Purpose == Purpose.Journal ? c.Candidate.Note : null,
                c.Rank < 2 ? "released" : "checking",
                c.Candidate.Purpose.Name(),
                Recheck: c.Rank >= 2 && c.Candidate.HeldByConsentChange ? ParentListItem.Again : null))
            .ToArray();
    }

    /// <summary>True when an events rendition with this audience key is for the child's family.</summary>
    public static bool EventRenditionIsFor(string? audienceKey, ChildId child) =>
        audienceKey is not null
        && Audience.Parse(audienceKey) is { Kind: AudienceKind.EventFamilies } audience
        && audience.Children.Contains(child);

    /// <summary>0 journal released, 1 events released, 2 journal checking, 3 events checking; null: not listed.</summary>
    private static int? Rank(ParentItemCandidate candidate)
    {
        bool journal = candidate.Purpose == Purpose.Journal;
        bool released = journal ? candidate.RenditionId is not null : candidate.RenditionId is not null && EventRenditionIsFor(candidate.RenditionAudience, candidate.ChildId);
        if (released)
        {
            return journal ? 0 : 1;
        }

        // A family whose decision blocks (their child without consent) waits for nothing: not listed.
        bool checking = candidate.Verdict != nameof(Verdict.Block)
            && (journal
                ? StillChecking.Contains(candidate.Status)
                : candidate.Status == MediaStatus.Processing || candidate.Verdict == nameof(Verdict.Hold));
        return checking ? (journal ? 2 : 3) : null;
    }
}
