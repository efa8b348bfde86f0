using System.Text.RegularExpressions;
using MediaGate.Consent.People;

namespace MediaGate.Gate.Parents;

/// <summary>
/// A family's copy of a staff note (issue 13): every name of a child of the setting whom the family may not see is replaced
/// with <see cref="NeutralWord"/>. A child's names are the full name and its first word, matched as whole words without
/// regard to case. Names of the family's own children are kept (they read about their own child); any other name of a
/// hidden child goes, even when a shown child shares it (fail closed).
/// </summary>
public static class NoteRedaction
{
    public const string NeutralWord = "a friend";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <param name="note">The note as staff wrote it.</param>
    /// <param name="setting">Every child of the setting.</param>
    /// <param name="shown">The children the family may see: its own, and those shown to other families.</param>
    /// <param name="own">The family's own children.</param>
    public static string? ForFamily(string? note, IEnumerable<Child> setting, IReadOnlySet<ChildId> shown, IReadOnlySet<ChildId> own)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(own);
        if (string.IsNullOrWhiteSpace(note))
        {
            return note;
        }

        var children = setting.ToArray();
        var ownNames = children.Where(c => own.Contains(c.Id)).SelectMany(NamesOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hidden = children.Where(c => !shown.Contains(c.Id))
            .SelectMany(NamesOf)
            .Where(n => !ownNames.Contains(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length) // "Chloe Smith" before "Chloe"
            .ToArray();
        if (hidden.Length == 0)
        {
            return note;
        }

        var pattern = new Regex(
            $@"(?<![\p{{L}}\p{{N}}_])(?:{string.Join("|", hidden.Select(Regex.Escape))})(?![\p{{L}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
        return pattern.Replace(note, NeutralWord);
    }

    private static IEnumerable<string> NamesOf(Child child)
    {
        string full = child.Name.Trim();
        if (full.Length == 0)
        {
            yield break;
        }

        yield return full;
        string first = full.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
        if (first.Length < full.Length)
        {
            yield return first;
        }
    }
}
