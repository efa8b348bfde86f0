namespace MediaGate.Consent.Reports;

/// <summary>One consent cell, or one history entry, in a <see cref="ChildConsentReport"/>.</summary>
/// <param name="Purpose">journal, website, publicity or events.</param>
/// <param name="Status">What it means now (current cells): granted, refused, withdrawn, lapsed, not-yet-in-force, not-asked.
/// For history entries: granted, refused or withdrawn, as recorded.</param>
/// <param name="Group">The journal cell's group option (journal only).</param>
/// <param name="GivenBy">Who gave or refused it; null when nothing is recorded.</param>
/// <param name="Evidence">The signed form's reference.</param>
/// <param name="GivenOn">The form's date.</param>
/// <param name="LapsesOn">The annual review date.</param>
/// <param name="WithdrawnOn">When a withdrawal took effect.</param>
/// <param name="RecordedAt">When MediaGate recorded it (history entries only).</param>
public sealed record ConsentCellLine(
    string Purpose,
    string Status,
    bool? Group,
    string? GivenBy,
    string? Evidence,
    DateOnly? GivenOn,
    DateOnly? LapsesOn,
    DateTimeOffset? WithdrawnOn,
    DateTimeOffset? RecordedAt);
