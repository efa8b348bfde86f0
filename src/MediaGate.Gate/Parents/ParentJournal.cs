using MediaGate.Data;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Parents;

/// <summary>
/// What a parent's journal lists (api.md, Parent): their own children, by name, and the items made for them, newest
/// first (<see cref="ParentListRule"/>), each note as the family may read it (<see cref="FamilyNotes"/>), each video marked as one. The children
/// are read from the database on every request, never from the token; anyone else's get nothing.
/// </summary>
public sealed class ParentJournal(IParentChildren parents, IChildRepository children, IParentMediaRepository parentMedia, IVideoRepository videos, FamilyNotes notes)
{
    /// <summary>The parent's own children, by name.</summary>
    public async Task<IReadOnlyList<ParentChild>> ChildrenAsync(string? account, CancellationToken cancellationToken = default)
    {
        var ids = account is null ? [] : await parents.ChildrenOfAsync(account, cancellationToken).ConfigureAwait(false);
        var found = new List<ParentChild>(ids.Count);
        foreach (var id in ids)
        {
            if (await children.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } child)
            {
                found.Add(new ParentChild(child.Id.Value, child.Name));
            }
        }

        return found.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The items made for the parent's children, newest first; a note names no child the family may not see.</summary>
    public async Task<IReadOnlyList<ParentListItem>> ItemsAsync(string? account, CancellationToken cancellationToken = default)
    {
        var ids = account is null ? [] : await parents.ChildrenOfAsync(account, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = await parentMedia.CandidatesAsync(ids, cancellationToken).ConfigureAwait(false);
        var items = await notes.ForFamilyAsync(ParentListRule.From(candidates), ids, cancellationToken).ConfigureAwait(false);
        var clips = await videos.VideosAmongAsync(items.Select(i => i.MediaId).ToArray(), cancellationToken).ConfigureAwait(false);
        return items.Select(i => clips.Contains(i.MediaId) ? i with { Kind = MediaKinds.Video } : i).ToArray();
    }
}
