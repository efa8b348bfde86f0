using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

/// <summary>A row of <c>decision_cells</c>: one consent cell a stored decision relied on.</summary>
internal sealed class DecisionCellRow
{
    public string DecisionId { get; set; } = "";

    public string ChildId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public ConsentCellKey ToCell() => PurposeNames.TryParse(Purpose, out var purpose)
        ? new ConsentCellKey(new ChildId(ChildId), purpose)
        : throw new InvalidDataException($"decision_cells holds an unknown purpose '{Purpose}'");
}
