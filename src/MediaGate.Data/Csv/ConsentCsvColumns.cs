using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Csv;

/// <summary>
/// The consent CSV: one row per child, one column per purpose plus the group option, who gave it, the
/// evidence and the dates (issue 3, item 6). Purpose and group cells are <c>yes</c>, <c>no</c> or empty
/// (empty: not asked, and on import: leave the cell as it is). Dates are <c>yyyy-MM-dd</c>.
/// </summary>
public static class ConsentCsvColumns
{
    public const string ChildId = "child_id";
    public const string ChildName = "child_name";
    public const string Group = "journal_group";
    public const string GivenBy = "given_by";
    public const string Evidence = "evidence";
    public const string GivenOn = "given_on";
    public const string LapsesOn = "lapses_on";

    public static IReadOnlyList<string> All { get; } =
    [
        ChildId, ChildName,
        Purpose.Journal.Name(), Group, Purpose.Website.Name(), Purpose.Publicity.Name(), Purpose.Events.Name(),
        GivenBy, Evidence, GivenOn, LapsesOn,
    ];
}
