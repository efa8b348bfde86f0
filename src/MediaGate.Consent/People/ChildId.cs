namespace MediaGate.Consent.People;

/// <summary>Identifies a child in the setting (a row of the consent matrix).</summary>
/// <param name="Value">The identifier as the manager's spreadsheet and the API spell it.</param>
public readonly record struct ChildId(string Value)
{
    public override string ToString() => Value;
}
