using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Gate.Renditions;

namespace MediaGate.Gate.Review;

/// <summary>
/// One paragraph for the manager (issue 12, section 2): per purpose, released, held (why, and who can act) or blocked,
/// e.g. "Released to Ava's family's journal. Website and publicity: not approved." The journal part follows the same
/// rule as the item's status (<see cref="ItemStatusRule"/>: a manager's block, else any hold, else any release), so
/// the two never disagree; website and publicity say "published" only when a rendition is released for the public
/// (<see cref="RenditionPolicy"/>).
/// </summary>
internal static class ItemSummary
{
    /// <param name="decisions">The stored decisions, each with the engine's decision as of now (its reasons).</param>
    /// <param name="approved">The purposes the manager approved.</param>
    /// <param name="actions">The manager's latest action per purpose.</param>
    /// <param name="consent">For the children's names.</param>
    public static string Of(
        IReadOnlyList<(StoredDecision Stored, MediaDecision Now)> decisions,
        IReadOnlyCollection<Purpose> approved,
        IReadOnlyList<ReviewActionRecord> actions,
        ConsentSnapshot consent)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(consent);
        var sentences = new List<string>();
        var journal = decisions.Where(d => d.Stored.Request.Purpose == Purpose.Journal).ToArray();
        var events = decisions.Where(d => d.Stored.Request.Purpose == Purpose.Events).ToArray();
        if (journal.Length > 0 || events.Length == 0)
        {
            sentences.Add(Journal(journal, actions, consent));
        }

        if (events.Length > 0)
        {
            sentences.Add(Events(events, actions, journal.Length > 0));
        }

        var website = Public(Purpose.Website, decisions, approved, actions);
        var publicity = Public(Purpose.Publicity, decisions, approved, actions);
        sentences.Add(website == publicity ? $"Website and publicity: {website}." : $"Website: {website}. Publicity: {publicity}.");
        return string.Join(" ", sentences);
    }

    private static string Journal((StoredDecision Stored, MediaDecision Now)[] journal, IReadOnlyList<ReviewActionRecord> actions, ConsentSnapshot consent)
    {
        if (Blocked(actions, Purpose.Journal))
        {
            return "Blocked for the journals by you.";
        }

        if (journal.Length == 0)
        {
            return "Held: no child is tagged, so no family's journal can receive it — the practitioner can tag the children on a new upload.";
        }

        var held = journal.Where(d => d.Stored.Verdict == Verdict.Hold).ToArray();
        if (held.Length > 0)
        {
            return $"Held for the journals: {Clauses(held)}.";
        }

        var released = journal.Where(d => d.Stored.Verdict == Verdict.Release).Select(d => Family(d.Stored, consent)).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var refused = journal.Where(d => d.Stored.Verdict != Verdict.Release).ToArray();
        if (released.Length == 0)
        {
            return $"Not released to any journal: {FirstBlock(refused)}.";
        }

        var to = released.Length == 1 ? $"{released[0]} family's journal" : $"the journals of {And(released)} families";
        return refused.Length == 0
            ? $"Released to {to}."
            : $"Released to {to}; not to {And(refused.Select(d => Family(d.Stored, consent)).Order(StringComparer.OrdinalIgnoreCase).ToArray())} {(refused.Length == 1 ? "family" : "families")}: {FirstBlock(refused)}.";
    }

    private static string Events((StoredDecision Stored, MediaDecision Now)[] events, IReadOnlyList<ReviewActionRecord> actions, bool afterJournal)
    {
        var prefix = afterJournal ? "Events: " : "";
        if (Blocked(actions, Purpose.Events))
        {
            return $"{prefix}{(afterJournal ? "blocked" : "Blocked for the event's families")} by you.";
        }

        if (events.Any(d => d.Stored.Verdict == Verdict.Hold))
        {
            return $"{prefix}{(afterJournal ? "held" : "Held for the event's families")}: {Clauses(events.Where(d => d.Stored.Verdict == Verdict.Hold))}.";
        }

        return events.Any(d => d.Stored.Verdict == Verdict.Release)
            ? $"{prefix}{(afterJournal ? "released" : "Released")} to the families of the children who attended."
            : $"{prefix}{(afterJournal ? "not released" : "Not released to the event's families")}: {FirstBlock(events)}.";
    }

    private static string Public(Purpose purpose, IReadOnlyList<(StoredDecision Stored, MediaDecision Now)> decisions, IReadOnlyCollection<Purpose> approved, IReadOnlyList<ReviewActionRecord> actions)
    {
        if (Blocked(actions, purpose))
        {
            return "blocked by you";
        }

        if (!approved.Contains(purpose))
        {
            return "not approved";
        }

        var forPublic = decisions.Where(d => d.Stored.Request.Purpose == purpose && d.Stored.Request.Audience.Kind == AudienceKind.Public).ToArray();
        if (forPublic.Length == 0)
        {
            return "approved, not published yet";
        }

        var decision = forPublic[0];
        if (RenditionPolicy.Releases(decision.Stored, approved, actions))
        {
            return "approved and published";
        }

        return decision.Stored.Verdict switch
        {
            Verdict.Hold => $"approved, but held: {Clauses([decision])}",
            Verdict.Block => $"approved, but not published: {FirstBlock([decision])}",
            // RenditionPolicy: a public photo that would need a child masked stays off the website and out of publicity.
            _ => $"approved, but not published, because it would need a child masked ({ChildMask(decision.Now)})",
        };
    }

    private static bool Blocked(IReadOnlyList<ReviewActionRecord> actions, Purpose purpose) =>
        actions.Any(a => a.Purpose == purpose && a.Action == ReviewAction.Block);

    private static string Clauses(IEnumerable<(StoredDecision Stored, MediaDecision Now)> held)
    {
        var decisions = held.ToArray();
        var kind = decisions.Length > 0 ? decisions[0].Stored.Request.Item.Kind : MediaKind.Photo;
        var clauses = HoldSentences.Clauses(decisions.SelectMany(d => d.Now.Reasons), kind);
        // A stored hold whose reasons as of now hold no more (a consent changed since) is settled on the next decision.
        return clauses.Count > 0 ? string.Join("; ", clauses) : "waiting to be decided again — any decision here settles it";
    }

    private static string FirstBlock(IEnumerable<(StoredDecision Stored, MediaDecision Now)> refused) =>
        refused.SelectMany(d => d.Now.Reasons).FirstOrDefault(r => r.Effect == ReasonEffect.Block)?.Message ?? "no decision releases it";

    private static string ChildMask(MediaDecision decision) =>
        decision.Reasons.FirstOrDefault(r => r.Effect == ReasonEffect.Mask && r.Child is not null)?.Message ?? "a child's consent is missing";

    private static string Family(StoredDecision decision, ConsentSnapshot consent) =>
        decision.Request.Audience.Children.Count > 0 ? Possessive(consent.NameOf(decision.Request.Audience.Children[0])) : "a";

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";

    private static string And(string[] parts) => parts.Length == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
}
