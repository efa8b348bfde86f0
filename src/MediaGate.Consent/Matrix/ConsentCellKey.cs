using MediaGate.Consent.People;

namespace MediaGate.Consent.Matrix;

/// <summary>One cell of the consent matrix: a child's row, a purpose's column.</summary>
public readonly record struct ConsentCellKey(ChildId Child, Purpose Purpose)
{
    public override string ToString() => $"{Child}/{Purpose.Name()}";
}
