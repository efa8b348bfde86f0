namespace MediaGate.Gate.Observations;

/// <summary>One item of an observation as the tablet sees it.</summary>
/// <param name="MediaId">The item.</param>
/// <param name="Sha256">Of the bytes uploaded.</param>
/// <param name="Status"><c>processing</c>, <c>needs-assignment</c>, <c>released</c>, <c>held</c>, <c>blocked</c> or <c>failed</c>.</param>
/// <param name="Detail">Why it is held, blocked or failed, in words; null when there is nothing to say.</param>
/// <param name="Width">Of the master, once processed.</param>
/// <param name="Height">Of the master, once processed.</param>
/// <param name="Faces">In face order; empty until processed. A video's faces are its tracks (issue 14).</param>
/// <param name="Kind"><c>photo</c> or <c>video</c>.</param>
/// <param name="Recheck"><c>again</c> for a <c>held</c> or <c>needs-assignment</c> item that a consent change sent back to be
/// checked (it had been decided before; <see cref="Review.ItemStatusRule.SentBackByConsentChange"/>), as a family's journal
/// says (<see cref="Parents.ParentListItem.Recheck"/>); null otherwise. Staff are told so, so that an item they saw
/// released and now waiting is not taken for a fault.</param>
public sealed record MediaItemView(
    string MediaId, string Sha256, string Status, string? Detail, int? Width, int? Height, IReadOnlyList<FaceView> Faces, string Kind = "photo", string? Recheck = null);
