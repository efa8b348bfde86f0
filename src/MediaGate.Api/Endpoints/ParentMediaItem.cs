namespace MediaGate.Api.Endpoints;

/// <summary>An item of a parent's journal (api.md: <c>{"mediaId", "childId", "takenAt", "note"}</c>).</summary>
/// <param name="MediaId">The item.</param>
/// <param name="ChildId">The parent's child it is in the journal of.</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Note">Staff's note.</param>
public sealed record ParentMediaItem(string MediaId, string ChildId, DateTimeOffset TakenAt, string? Note);
