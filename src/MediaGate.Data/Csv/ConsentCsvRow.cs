using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Csv;

/// <summary>One valid row of a consent CSV.</summary>
/// <param name="Line">Where it was in the file.</param>
/// <param name="Child">The child's id.</param>
/// <param name="Name">The child's name.</param>
/// <param name="Answers">Per purpose: true (yes), false (no); a purpose left empty is absent.</param>
/// <param name="Group">The journal cell's group option.</param>
/// <param name="GivenBy">Who gave the answers (empty when there are none).</param>
/// <param name="Evidence">The signed form's reference (empty when there are no answers).</param>
/// <param name="GivenOn">The form's date (set whenever there are answers).</param>
/// <param name="LapsesOn">The annual review date, if any.</param>
public sealed record ConsentCsvRow(
    int Line,
    ChildId Child,
    string Name,
    IReadOnlyDictionary<Purpose, bool> Answers,
    bool Group,
    string GivenBy,
    string Evidence,
    DateOnly? GivenOn,
    DateOnly? LapsesOn);
