using MediaGate.Consent.People;

namespace MediaGate.Consent.Matrix;

/// <summary>
/// One entry in a consent cell's history. History is append-only: a withdrawal is a new record
/// (a copy of the grant with <see cref="WithdrawnOn"/> set), never an edit of the old one
/// (product.md: "Every change is kept (history, not overwrite)").
/// </summary>
/// <param name="Child">The row.</param>
/// <param name="Purpose">The column.</param>
/// <param name="Granted">True when the parent said yes; false records a refusal.</param>
/// <param name="Group">Journal only: the child may also appear unmasked in photos shown to other families.</param>
/// <param name="GivenBy">Who gave (or refused) consent, e.g. "Mother (Jane Smith)".</param>
/// <param name="Evidence">The signed form's reference.</param>
/// <param name="GivenOn">The date on the form.</param>
/// <param name="LapsesOn">The annual review date: from this date on the grant no longer counts.</param>
/// <param name="WithdrawnOn">When a withdrawal took effect (immediately, also for media already released).</param>
/// <param name="RecordedAt">When MediaGate recorded this entry; orders the history and answers "as of a moment".</param>
public sealed record ConsentRecord(
    ChildId Child,
    Purpose Purpose,
    bool Granted,
    bool Group,
    string GivenBy,
    string Evidence,
    DateOnly GivenOn,
    DateOnly? LapsesOn,
    DateTimeOffset? WithdrawnOn,
    DateTimeOffset RecordedAt)
{
    public ConsentCellKey Cell => new(Child, Purpose);

    /// <summary>The withdrawal of this record, as a new history entry.</summary>
    public ConsentRecord WithdrawnAt(DateTimeOffset moment) => this with { WithdrawnOn = moment, RecordedAt = moment };

    /// <summary>What this record means at a moment (the caller gives the setting's local date for lapsing).</summary>
    public ConsentStatus StatusAt(DateTimeOffset instant, DateOnly today)
    {
        if (!Granted)
        {
            return ConsentStatus.Refused;
        }

        if (WithdrawnOn is { } withdrawn && withdrawn <= instant)
        {
            return ConsentStatus.Withdrawn;
        }

        if (LapsesOn is { } lapses && lapses <= today)
        {
            return ConsentStatus.Lapsed;
        }

        return GivenOn > today ? ConsentStatus.NotYetInForce : ConsentStatus.Granted;
    }
}
