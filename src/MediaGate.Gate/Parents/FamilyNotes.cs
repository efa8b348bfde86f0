using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Outcomes;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Parents;

/// <summary>
/// Staff notes as each family reads them (<see cref="NoteRedaction"/>): a family may see its own children and the tagged
/// children whose journal consent, in force now, shares them with other families; every other child of the setting is
/// "a friend". Applied to the parents' list, and previewed for the tablet as staff type.
/// </summary>
public sealed class FamilyNotes(IChildRepository childrenRepository, IConsentRepository consents, IMediaRepository media, TimeProvider time, IOptions<SettingClockOptions> clock)
{
    /// <summary>Longest note previewed (the upload's own limit).</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>The most children one photo is tagged with (an upload's <c>children</c>).</summary>
    public const int MaxTaggedChildren = 200;

    /// <summary>The family's list with each note in the family's copy.</summary>
    public async Task<IReadOnlyList<ParentListItem>> ForFamilyAsync(
        IReadOnlyList<ParentListItem> items, IReadOnlyCollection<ChildId> family, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(family);
        if (!items.Any(i => !string.IsNullOrWhiteSpace(i.Note)))
        {
            return items;
        }

        var (setting, consent) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var own = family.ToHashSet();
        var result = new List<ParentListItem>(items.Count);
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Note))
            {
                result.Add(item);
                continue;
            }

            // Fail closed: an item whose tags cannot be read shows the family its own children's names only.
            var tagged = (await media.FindItemAsync(item.MediaId, cancellationToken).ConfigureAwait(false))?.TaggedChildren ?? [];
            result.Add(item with { Note = NoteRedaction.ForFamily(item.Note, setting, Shown(own, tagged, consent), own) });
        }

        return result;
    }

    /// <summary>
    /// For each tagged child of the setting, the note as that child's family would read it now; unknown ids are left out.
    /// Refused unless the note and the children are what an upload would take.
    /// </summary>
    public async Task<GateOutcome<IReadOnlyList<NoteReading>>> PreviewAsync(string? note, IReadOnlyList<string?>? taggedIds, CancellationToken cancellationToken)
    {
        if (note is not { Length: <= MaxNoteLength } || taggedIds is not { Count: <= MaxTaggedChildren } || taggedIds.Any(string.IsNullOrWhiteSpace))
        {
            return GateProblem.Invalid("Invalid note preview",
                $"Send {{\"note\": at most {MaxNoteLength} characters, \"children\": an array of at most {MaxTaggedChildren} child ids}}.");
        }

        var (setting, consent) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var byId = setting.ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
        var tagged = taggedIds.OfType<string>().Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id]).ToArray();
        var tags = tagged.Select(c => c.Id).ToArray();
        IReadOnlyList<NoteReading> readings = tagged
            .Select(child =>
            {
                var own = new HashSet<ChildId> { child.Id };
                return new NoteReading(child.Id.Value, child.Name, NoteRedaction.ForFamily(note, setting, Shown(own, tags, consent), own)!);
            })
            .ToArray();
        return GateOutcome<IReadOnlyList<NoteReading>>.Success(readings);
    }

    private static HashSet<ChildId> Shown(HashSet<ChildId> own, IReadOnlyList<ChildId> tagged, ConsentSnapshot consent)
    {
        var shown = new HashSet<ChildId>(own);
        shown.UnionWith(tagged.Where(consent.AllowsGroupSharing));
        return shown;
    }

    private async Task<(IReadOnlyList<Child> Setting, ConsentSnapshot Consent)> LoadAsync(CancellationToken cancellationToken)
    {
        var setting = await childrenRepository.ListAsync(cancellationToken).ConfigureAwait(false);
        var matrix = await consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        return (setting, matrix.Now(time, clock.Value.Zone));
    }
}
