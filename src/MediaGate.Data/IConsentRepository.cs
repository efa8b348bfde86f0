using MediaGate.Data.Csv;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data;

/// <summary>The consent matrix's history. Append-only: there is no update and no delete.</summary>
public interface IConsentRepository
{
    /// <summary>Appends one record to its cell's history.</summary>
    Task AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Adds the plan's children and appends its records in one transaction: all or nothing.</summary>
    Task ApplyAsync(ConsentImportPlan plan, CancellationToken cancellationToken = default);

    /// <summary>One cell's history, oldest first.</summary>
    Task<IReadOnlyList<ConsentRecord>> HistoryAsync(ChildId child, Purpose purpose, CancellationToken cancellationToken = default);

    /// <summary>Every child and every record: the whole matrix with its history.</summary>
    Task<ConsentMatrix> LoadMatrixAsync(CancellationToken cancellationToken = default);
}
