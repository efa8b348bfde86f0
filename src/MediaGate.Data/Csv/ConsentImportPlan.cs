using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Csv;

/// <summary>What an import will write, all in one transaction: new children and new history records.</summary>
public sealed record ConsentImportPlan(IReadOnlyList<Child> NewChildren, IReadOnlyList<ConsentRecord> Records);
