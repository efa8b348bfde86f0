namespace MediaGate.Gate.Parents;

/// <summary>
/// An item of a parent's list (api.md <c>{"mediaId", "childId", "takenAt", "note"}</c> plus README's
/// <c>"status"</c> and <c>"purpose"</c>).
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="ChildId">The parent's child it is about (tagged in it, or attending its event).</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Note">Staff's note; null for an event item (the note is written for the tagged children's journals).</param>
/// <param name="Status"><c>released</c> (the image can be downloaded) or <c>checking</c> (processing or held: no image yet).</param>
/// <param name="Purpose"><c>journal</c> or <c>events</c>: which rendition the image is.</param>
/// <param name="Kind"><c>photo</c> or <c>video</c> (issue 14: a video plays from <c>.../video</c>, its poster is <c>.../image</c>).</param>
/// <param name="Recheck"><c>again</c> for a <c>checking</c> item that a consent change (a withdrawal, the manager's change)
/// sent back to be checked, turning the family's decision into a hold; null otherwise (and for a released item). It
/// does not say why: the change may be another family's consent, and a parent learns nothing about another family
/// (product.md, "Rules from the policies").</param>
public sealed record ParentListItem(
    string MediaId, string ChildId, DateTimeOffset TakenAt, string? Note, string Status, string Purpose, string Kind = "photo", string? Recheck = null)
{
    /// <summary>The <see cref="Recheck"/> of an item a consent change sent back to be checked.</summary>
    public const string Again = "again";
}
