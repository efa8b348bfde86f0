using MediaGate.Consent.Decisions;

namespace MediaGate.Gate.Processing;

/// <summary>The words behind an item's status for the tablet: the hold and block reasons of its journal decisions, once each.</summary>
internal static class StatusDetail
{
    private const int MaxLength = 1000;

    public static string? From(IEnumerable<MediaDecision> journal)
    {
        var reasons = journal.SelectMany(d => d.Reasons).Where(r => r.Effect != ReasonEffect.Note).Select(r => r.Message).Distinct().ToArray();
        if (reasons.Length == 0)
        {
            return null;
        }

        var text = string.Join("; ", reasons);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
